import { countCodes, toMiCode, type MiCode } from './conversation.ts';
import type { MitiCounts } from './miti.ts';

// A stored code read as today's MITI code (older codes mapped), or nothing when it is unknown.
const asCodes = (code: string): MiCode[] => { const known = toMiCode(code); return known ? [known] : []; };

/**
 * An attempt's MITI counts with each own-words response's self-code replaced by its mentor's
 * code: the self-code's count is taken away and the mentor's added (unknown codes count as nothing).
 */
export function recodedCounts(counts: MitiCounts, recodes: readonly { selfCode: string; mentorCode: string }[]): MitiCounts {
  const out = { ...counts };
  for (const { selfCode, mentorCode } of recodes) {
    const removed = countCodes(asCodes(selfCode));
    const added = countCodes(asCodes(mentorCode));
    for (const key of Object.keys(out) as (keyof MitiCounts)[]) out[key] = Math.max(0, out[key] - removed[key] + added[key]);
  }
  return out;
}
