import { addDays, daysBetween, isCalendarDate as isDate } from '../common/index.ts';

export type CurvePoint = { date: string; percent: number };
export type PhaseDates = { startsOn: string; endsOn: string; targetPercent: number };

const WINDOW_DAYS = 28;

/** Cumulative percentage of `eligible` people complete on each week from `from`, ending with `to` itself; empty when nobody is eligible. */
export function completionCurve(completedOn: readonly string[], eligible: number, from: string, to: string): CurvePoint[] {
  if (eligible <= 0 || to < from) return [];
  const dates: string[] = [];
  for (let date = from; date < to; date = addDays(date, 7)) dates.push(date);
  dates.push(to);
  return dates.map((date) => ({ date, percent: percentDoneBy(completedOn, eligible, date) }));
}

/** At risk when completion now + (rate over the last 28 days × days left) ends below target; not judged before the phase starts. */
export function phaseAtRisk(
  p: PhaseDates,
  progress: { completedOn: readonly string[]; eligible: number },
  today: string,
): { atRisk: boolean; projectedPercent: number | null } {
  if (progress.eligible <= 0 || today < p.startsOn) return { atRisk: false, projectedPercent: null };
  const now = percentDoneBy(progress.completedOn, progress.eligible, today);
  const windowStart = addDays(today, -WINDOW_DAYS);
  const recent = progress.completedOn.filter((d) => d > windowStart && d <= today).length;
  const perDay = (recent / progress.eligible) * 100 / WINDOW_DAYS;
  const daysLeft = Math.max(0, daysBetween(today, p.endsOn));
  const projectedPercent = Math.min(100, now + perDay * daysLeft);
  return { atRisk: projectedPercent < p.targetPercent, projectedPercent };
}

/** The teams whose completion is below the target (those an "At risk" phase names), in the order given. */
export function teamsBehind(teams: readonly { teamId: string; completed: number; eligible: number }[], targetPercent: number): string[] {
  return teams.filter((t) => t.eligible > 0 && (t.completed / t.eligible) * 100 < targetPercent).map((t) => t.teamId);
}

export type PhaseErrorKey = 'rollout.errors.name' | 'rollout.errors.date' | 'rollout.errors.endBeforeStart' | 'rollout.errors.target';

/** The errors of a phase form by field: a name, real dates with the end not before the start, a whole-number target 1–100%. */
export function checkPhase(
  input: { name: string; startsOn: string; endsOn: string; targetPercent: number },
): Partial<Record<'name' | 'startsOn' | 'endsOn' | 'targetPercent', PhaseErrorKey>> {
  const errors: Partial<Record<'name' | 'startsOn' | 'endsOn' | 'targetPercent', PhaseErrorKey>> = {};
  if (input.name.trim() === '' || input.name.trim().length > 200) errors.name = 'rollout.errors.name';
  if (!isDate(input.startsOn)) errors.startsOn = 'rollout.errors.date';
  if (!isDate(input.endsOn)) errors.endsOn = 'rollout.errors.date';
  else if (isDate(input.startsOn) && input.endsOn < input.startsOn) errors.endsOn = 'rollout.errors.endBeforeStart';
  if (!Number.isInteger(input.targetPercent) || input.targetPercent < 1 || input.targetPercent > 100) errors.targetPercent = 'rollout.errors.target';
  return errors;
}

function percentDoneBy(completedOn: readonly string[], eligible: number, date: string): number {
  return (completedOn.filter((d) => d <= date).length / eligible) * 100;
}
