import { MI_CODES, type MiCode } from '../simulations/index.ts';
import { cohensKappa } from '../common/index.ts';

/** One coded response of a conversation transcript; `own` marks a response in the learner's own words. */
export type TranscriptCode = { id: string; code: MiCode; own: boolean };

/**
 * The codes an attempt's MITI figures count: the transcript's codes in order, each own-words
 * response's self-code replaced by the mentor's code when there is one (keyed by response id).
 */
export function authoritativeCodes(transcript: readonly TranscriptCode[], mentorCodes: ReadonlyMap<string, MiCode>): MiCode[] {
  return transcript.map((t) => (t.own ? mentorCodes.get(t.id) ?? t.code : t.code));
}

/** Learner-vs-mentor agreement over own-words responses both coded: n, percent (0–100) and Cohen's kappa over MI_CODES. */
export function selfMentorAgreement(pairs: readonly { self: MiCode; mentor: MiCode }[]): { n: number; percent: number | null; kappa: number | null } {
  const n = pairs.length;
  if (n === 0) return { n, percent: null, kappa: null };
  const index = new Map(MI_CODES.map((code, i) => [code, i]));
  const table = MI_CODES.map(() => new Array<number>(MI_CODES.length).fill(0));
  let agreed = 0;
  for (const { self, mentor } of pairs) {
    table[index.get(self)!]![index.get(mentor)!]! += 1;
    if (self === mentor) agreed += 1;
  }
  return { n, percent: (agreed / n) * 100, kappa: cohensKappa(table) };
}
