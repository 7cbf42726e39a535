import type { Db } from '../client.ts';
import { organisations, people } from '../schema/index.ts';
import { PLATFORM_ORGANISATION_NAMES } from '../../src/domain/operator/index.ts';

export const DEMO_PLATFORM_ID = 'demo-platform';
export const DEMO_OPERATOR_ID = 'demo-operator';
/** The demo's platform operator, printed at start-up with the other demo sign-ins. */
export const DEMO_OPERATOR_SIGN_IN = { email: 'operator@camau.example', role: 'operator' } as const;

/** The platform's own row and its demo operator (no roles; signs in with the demo password like the others). */
export async function seedDemoOperator(tx: Pick<Db, 'insert'>, passwordHash: string, now: number): Promise<void> {
  await tx.insert(organisations).values({ id: DEMO_PLATFORM_ID, ...PLATFORM_ORGANISATION_NAMES, defaultLocale: 'cy', createdAt: now - 1, kind: 'platform' });
  await tx.insert(people).values({
    id: DEMO_OPERATOR_ID,
    organisationId: DEMO_PLATFORM_ID,
    email: DEMO_OPERATOR_SIGN_IN.email,
    name: 'Gweithredwr Platfform',
    locale: 'en',
    status: 'active',
    passwordHash,
    createdAt: now,
    updatedAt: now,
  });
}
