import { nameIn, type Locale } from '../../domain/common/index.ts';
import { mayOnEvaluation, type EvaluationTarget } from '../access/index.ts';
import type { Scope } from '../people/index.ts';
import { listTeams } from '../people/index.ts';
import { listPhases, type Phase } from '../training/index.ts';

export const REPORT_SCOPE_KINDS = ['organisation', 'team', 'programme', 'phase'] as const;
export type ReportScopeKind = (typeof REPORT_SCOPE_KINDS)[number];

/** One scope the viewer may choose for the report: `key` is what the form sends and the recommendations are kept under. */
export type ReportScopeOption = { key: string; kind: ReportScopeKind; id: string | null; name: string; teamIds: readonly string[] };

/** The policy's view of a report scope. */
export const evaluationTargetOf = (organisationId: string, option: Pick<ReportScopeOption, 'kind' | 'id'>): EvaluationTarget =>
  option.kind === 'team' ? { organisationId, kind: 'team', teamId: option.id ?? '' } : { organisationId, kind: option.kind };

/**
 * The scopes this viewer may choose, in the order the form lists them: the organisation, its teams,
 * the programmes (given by the page, from the content) and the rollout phases for an admin; only
 * the teams they manage for a manager. Names are in `locale`.
 */
export async function reportScopeOptions(scope: Scope, locale: Locale, programmes: readonly { id: string; name: string }[]): Promise<ReportScopeOption[]> {
  const [teams, phases] = await Promise.all([listTeams(scope), listPhases(scope)]);
  const all: ReportScopeOption[] = [
    { key: 'organisation', kind: 'organisation', id: null, name: '', teamIds: teams.map((t) => t.id) },
    ...teams.map((t) => ({ key: `team:${t.id}`, kind: 'team' as const, id: t.id, name: nameIn(locale, t), teamIds: [t.id] })),
    ...programmes.map((p) => ({ key: `programme:${p.id}`, kind: 'programme' as const, id: p.id, name: p.name, teamIds: teams.map((t) => t.id) })),
    ...phases.map((p: Phase) => ({ key: `phase:${p.id}`, kind: 'phase' as const, id: p.id, name: p.name, teamIds: p.teamIds })),
  ];
  return all.filter((option) => mayOnEvaluation(scope.viewer, 'evaluation.view', evaluationTargetOf(scope.organisationId, option)));
}

/** Whether the viewer may write the recommendations of this scope (admins). */
export function mayWriteNotes(scope: Scope, option: Pick<ReportScopeOption, 'kind' | 'id'>): boolean {
  return mayOnEvaluation(scope.viewer, 'evaluation.notes.write', evaluationTargetOf(scope.organisationId, option));
}
