import { countCodes, MI_CODES, type MiCode } from './conversation.ts';
import type { MitiCounts } from './miti.ts';

const isMiCode = (code: string): code is MiCode => (MI_CODES as readonly string[]).includes(code);

/**
 * An attempt's MITI counts with each own-words response's self-code replaced by its mentor's
 * code: the self-code's count is taken away and the mentor's added (unknown codes count as nothing).
 */
export function recodedCounts(counts: MitiCounts, recodes: readonly { selfCode: string; mentorCode: string }[]): MitiCounts {
  const out = { ...counts };
  for (const { selfCode, mentorCode } of recodes) {
    const removed = countCodes(isMiCode(selfCode) ? [selfCode] : []);
    const added = countCodes(isMiCode(mentorCode) ? [mentorCode] : []);
    for (const key of Object.keys(out) as (keyof MitiCounts)[]) out[key] = Math.max(0, out[key] - removed[key] + added[key]);
  }
  return out;
}
