import type { Role } from '../people/index.ts';
import { NEEDS, type Need } from './vocabulary.ts';

/** A needs rule: teamId '' means every team, role '' every role (as stored). */
export type NeedRule = { programmeId: string; teamId: string; role: string; need: Need; workshopRequired: boolean };
export type NeedSource = 'override' | 'team-role' | 'team' | 'role' | 'organisation' | 'default';
export type ResolvedNeed = { need: Need; workshopRequired: boolean; source: NeedSource };

const STRENGTH: Record<Need, number> = { required: 2, recommended: 1, 'not-needed': 0 };

/** Precedence: override > team+role rule > team rule > role rule > organisation rule > 'not-needed'; over several
 *  teams the strongest need wins (required > recommended); workshopRequired from the winning rule. */
export function resolveNeed(
  rules: readonly NeedRule[],
  person: { teamIds: readonly string[]; roles: readonly Role[] },
  programmeId: string,
  override?: { need: Need; reason: string } | null,
): ResolvedNeed {
  const fromRules = resolveFromRules(rules.filter((r) => r.programmeId === programmeId), person);
  if (!override) return fromRules;
  // An override changes the need only; whether a workshop counts still comes from the rules.
  return { need: override.need, workshopRequired: override.need !== 'not-needed' && fromRules.workshopRequired, source: 'override' };
}

function resolveFromRules(rules: readonly NeedRule[], person: { teamIds: readonly string[]; roles: readonly Role[] }): ResolvedNeed {
  const inTeam = (r: NeedRule) => person.teamIds.includes(r.teamId);
  const hasRole = (r: NeedRule) => (person.roles as readonly string[]).includes(r.role);
  const levels: [Exclude<NeedSource, 'override' | 'default'>, (r: NeedRule) => boolean][] = [
    ['team-role', (r) => inTeam(r) && hasRole(r)],
    ['team', (r) => inTeam(r) && r.role === ''],
    ['role', (r) => r.teamId === '' && hasRole(r)],
    ['organisation', (r) => r.teamId === '' && r.role === ''],
  ];
  for (const [source, matches] of levels) {
    const matching = rules.filter(matches);
    if (matching.length === 0) continue;
    // Strongest need wins; between equally strong rules a required workshop wins (the stricter reading).
    const winner = [...matching].sort((a, b) => STRENGTH[b.need] - STRENGTH[a.need] || Number(b.workshopRequired) - Number(a.workshopRequired))[0]!;
    return { need: winner.need, workshopRequired: winner.need !== 'not-needed' && winner.workshopRequired, source };
  }
  return { need: 'not-needed', workshopRequired: false, source: 'default' };
}

export type OverrideErrorKey = 'tna.errors.need' | 'tna.errors.reason';

/** The errors of a manager's override by field: a known need and a reason that is not blank (at most 1,000 characters). */
export function checkOverride(input: { need: string; reason: string }): Partial<Record<'need' | 'reason', OverrideErrorKey>> {
  const errors: Partial<Record<'need' | 'reason', OverrideErrorKey>> = {};
  if (!(NEEDS as readonly string[]).includes(input.need)) errors.need = 'tna.errors.need';
  const reason = input.reason.trim();
  if (reason === '' || reason.length > 1000) errors.reason = 'tna.errors.reason';
  return errors;
}
