import type { Messages } from '../en/index.ts';
import { common } from './common.ts';
import { people } from './people.ts';
import { errors } from './errors.ts';
import { auth } from './auth.ts';
import { admin } from './admin.ts';
import { email } from './email.ts';
import { home } from './home.ts';
import { learn } from './learn.ts';
import { cpd } from './cpd.ts';
import { practice } from './practice.ts';
import { sim } from './sim.ts';
import { mentoring } from './mentoring.ts';
import { review } from './review.ts';
import { training } from './training.ts';
import { sessions } from './sessions.ts';
import { groups } from './groups.ts';
import { tna } from './tna.ts';
import { progress } from './progress.ts';
import { register } from './register.ts';
import { moderation } from './moderation.ts';
import { rollout } from './rollout.ts';
import { reviewRead } from './review-read.ts';
import { evaluationExport } from './evaluation-export.ts';
import { evaluation } from './evaluation.ts';
import { indicators } from './indicators.ts';
import { report } from './report.ts';
import { comparison } from './comparison.ts';
import { operator } from './operator.ts';

/** Every Welsh UI string; each namespace file is checked against its English twin, this table against `Messages`. */
export const cy: Messages = {
  ...common,
  ...people,
  ...errors,
  ...auth,
  ...admin,
  ...email,
  ...home,
  ...learn,
  ...cpd,
  ...practice,
  ...sim,
  ...mentoring,
  ...review,
  ...training,
  ...sessions,
  ...groups,
  ...tna,
  ...progress,
  ...register,
  ...moderation,
  ...rollout,
  ...reviewRead,
  ...evaluationExport,
  ...evaluation,
  ...indicators,
  ...report,
  ...comparison,
  ...operator,
};
