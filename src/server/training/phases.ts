import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { phaseTeams, rolloutPhases, teams } from '../../../db/schema/index.ts';
import { checkPhase } from '../../domain/training/index.ts';
import { mayInOrganisation } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Scope } from '../people/index.ts';
import { newId, type FieldErrors } from '../platform/index.ts';
import { nameIn } from '../../domain/common/index.ts';

export type PhaseInput = { id?: string | null; name: string; startsOn: string; endsOn: string; targetPercent: number; teamIds: readonly string[] };
export type Phase = { id: string; name: string; startsOn: string; endsOn: string; targetPercent: number; teamIds: string[] };
export type PhaseResult = { ok: true; id: string } | { ok: false; error: 'not-allowed' | 'not-found' } | { ok: false; error: 'invalid'; errors: FieldErrors };

/** The organisation's rollout phases in date order, each with its teams' ids. */
export async function listPhases(scope: Scope): Promise<Phase[]> {
  const phases = await scope.db.select().from(rolloutPhases).where(eq(rolloutPhases.organisationId, scope.organisationId)).orderBy(asc(rolloutPhases.startsOn), asc(rolloutPhases.name));
  const links = phases.length ? await scope.db.select().from(phaseTeams).where(inArray(phaseTeams.phaseId, phases.map((p) => p.id))) : [];
  return phases.map((p) => ({ id: p.id, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn, targetPercent: p.targetPercent, teamIds: links.filter((l) => l.phaseId === p.id).map((l) => l.teamId) }));
}

/**
 * Adds or changes a rollout phase (admins): a name, dates with the end not before the start, a
 * whole-number target 1–100% and the organisation's teams, none of them already in another phase.
 * Nothing is saved on an error; a saved phase is recorded in the audit log.
 */
export async function savePhase(scope: Scope, input: PhaseInput, ip: string | null): Promise<PhaseResult> {
  const { db, viewer } = scope;
  if (!mayInOrganisation(viewer, 'training.phases.manage')) return { ok: false, error: 'not-allowed' };
  const errors: FieldErrors = Object.fromEntries(Object.entries(checkPhase(input)).map(([field, key]) => [field, { key }]));
  const teamIds = [...new Set(input.teamIds)];
  const now = scope.now.getTime();
  return db.transaction(async (tx): Promise<PhaseResult> => {
    if (input.id) {
      const [existing] = await tx.select({ id: rolloutPhases.id }).from(rolloutPhases).where(and(eq(rolloutPhases.id, input.id), eq(rolloutPhases.organisationId, scope.organisationId)));
      if (!existing) return { ok: false, error: 'not-found' };
    }
    const known = teamIds.length
      ? await tx.select({ id: teams.id, nameEn: teams.nameEn, nameCy: teams.nameCy }).from(teams).where(and(inArray(teams.id, teamIds), eq(teams.organisationId, scope.organisationId)))
      : [];
    if (known.length !== teamIds.length) errors.teamIds = { key: 'rollout.errors.team' };
    else if (teamIds.length === 0) errors.teamIds = { key: 'rollout.errors.noTeams' };
    else {
      const taken = await tx
        .select({ teamId: phaseTeams.teamId })
        .from(phaseTeams)
        .where(and(inArray(phaseTeams.teamId, teamIds), ...(input.id ? [ne(phaseTeams.phaseId, input.id)] : [])));
      if (taken.length) {
        const names = known.filter((t) => taken.some((x) => x.teamId === t.id));
        errors.teamIds = { key: 'rollout.errors.teamTaken', params: { teams: names.map((t) => nameIn(viewer.locale, t)).join(', ') } };
      }
    }
    if (Object.keys(errors).length) return { ok: false, error: 'invalid', errors };
    const id = input.id ?? newId();
    const fields = { name: input.name.trim(), startsOn: input.startsOn, endsOn: input.endsOn, targetPercent: input.targetPercent, updatedAt: now };
    if (input.id) await tx.update(rolloutPhases).set(fields).where(eq(rolloutPhases.id, id));
    else await tx.insert(rolloutPhases).values({ id, organisationId: scope.organisationId, createdAt: now, ...fields });
    await tx.delete(phaseTeams).where(eq(phaseTeams.phaseId, id));
    await tx.insert(phaseTeams).values(teamIds.map((teamId) => ({ phaseId: id, teamId })));
    await recordAudit(tx, { organisationId: scope.organisationId, actorId: viewer.id, action: 'phase.saved', detail: { phaseId: id, teams: teamIds.length, targetPercent: input.targetPercent, created: !input.id }, ip }, now);
    return { ok: true, id };
  });
}

/** Removes a phase of the organisation with its teams (admins), audited; another organisation's phase is "not found" and nothing changes. */
export async function removePhase(scope: Scope, phaseId: string, ip: string | null): Promise<{ ok: true } | { ok: false; error: 'not-allowed' | 'not-found' }> {
  if (!mayInOrganisation(scope.viewer, 'training.phases.manage')) return { ok: false, error: 'not-allowed' };
  const now = scope.now.getTime();
  return scope.db.transaction(async (tx) => {
    // The phase's teams go with it (the foreign key cascades).
    const [gone] = await tx
      .delete(rolloutPhases)
      .where(and(eq(rolloutPhases.id, phaseId), eq(rolloutPhases.organisationId, scope.organisationId)))
      .returning({ name: rolloutPhases.name });
    if (!gone) return { ok: false, error: 'not-found' } as const;
    await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, action: 'phase.removed', detail: { phaseId }, ip }, now);
    return { ok: true } as const;
  });
}
