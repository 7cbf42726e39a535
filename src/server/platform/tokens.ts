import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

const ID_BYTES = 10; // 80 bits: the lookup key, not a secret
const SECRET_BYTES = 20; // 160 bits from the CSPRNG

function randomBase32(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

export type IssuedToken = { id: string; secretHash: string; token: string };

/** A new `id.secret` token; store `id` and `secretHash`, give `token` to the person only. */
export function issueToken(): IssuedToken {
  const id = randomBase32(ID_BYTES);
  const secret = randomBase32(SECRET_BYTES);
  return { id, secretHash: hashSecret(secret), token: `${id}.${secret}` };
}

const TOKEN_SHAPE = /^([a-z2-7]{16})\.([a-z2-7]{32})$/;

/** Splits a presented token into id and secret, or null when it is not of the right shape. */
export function parseToken(token: string | null | undefined): { id: string; secret: string } | null {
  const match = typeof token === 'string' ? TOKEN_SHAPE.exec(token) : null;
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

/** Whether `secret` matches the stored hash, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = new TextEncoder().encode(hashSecret(secret));
  const stored = new TextEncoder().encode(storedHash);
  return presented.length === stored.length && constantTimeEqual(presented, stored);
}

/** A short random id for records (not a secret). */
export function newId(): string {
  return randomBase32(10);
}
