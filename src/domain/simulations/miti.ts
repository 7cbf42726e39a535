/**
 * MITI-style summary figures for a practice conversation, against the MITI 4.2.1 guidance
 * bands (expert opinion, not norms): reflection-to-question ratio fair 1:1, good 2:1; complex
 * reflections fair 40 %, good 50 % of all reflections.
 */
export type MitiCounts = {
  questions: number;
  simpleReflections: number;
  complexReflections: number;
  miAdherent: number;
  miNonAdherent: number;
};

export type MitiBand = 'below fair' | 'fair' | 'good';

export type MitiSummary = {
  /** Reflections per question; null when there were no questions. */
  reflectionToQuestion: number | null;
  /** Complex reflections as a percentage (0–100) of all reflections; null when there were none. */
  percentComplexReflections: number | null;
  bands: { reflectionToQuestion: MitiBand | null; percentComplexReflections: MitiBand | null };
};

export const MITI_BANDS = {
  reflectionToQuestion: { fair: 1, good: 2 },
  percentComplexReflections: { fair: 40, good: 50 },
} as const;

function band(value: number | null, thresholds: { fair: number; good: number }): MitiBand | null {
  if (value === null) return null;
  return value >= thresholds.good ? 'good' : value >= thresholds.fair ? 'fair' : 'below fair';
}

export function mitiSummary(counts: MitiCounts): MitiSummary {
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of 0 or more`);
  }
  const reflections = counts.simpleReflections + counts.complexReflections;
  const reflectionToQuestion = counts.questions === 0 ? null : reflections / counts.questions;
  const percentComplexReflections = reflections === 0 ? null : (counts.complexReflections / reflections) * 100;
  return {
    reflectionToQuestion,
    percentComplexReflections,
    bands: {
      reflectionToQuestion: band(reflectionToQuestion, MITI_BANDS.reflectionToQuestion),
      percentComplexReflections: band(percentComplexReflections, MITI_BANDS.percentComplexReflections),
    },
  };
}
