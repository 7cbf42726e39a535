// English is the source of every key: each namespace file holds the keys that start with its name(s).
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

/** Every English UI string, composed from the namespace files; Welsh (../cy) must define exactly the same keys. */
export const en = {
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
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
/** The Welsh shape of one English namespace: the same keys, each a string. */
export type Translation<T> = { readonly [K in keyof T]: string };
