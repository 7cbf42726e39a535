import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPasswordPolicy, type PasswordProblem } from '../../domain/auth/password-policy.ts';
import type { MessageKey } from '../../i18n/index.ts';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

let commonPasswords: Set<string> | undefined;
function isCommonPassword(candidate: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'] as string[]);
  return commonPasswords.has(candidate);
}

export const PASSWORD_PROBLEM_MESSAGE: Record<PasswordProblem, MessageKey> = {
  tooShort: 'errors.passwordTooShort',
  tooLong: 'errors.passwordTooLong',
  tooCommon: 'errors.passwordTooCommon',
};

/** Checks a new password against the policy, with the common-password list. */
export function validateNewPassword(password: string) {
  return checkPasswordPolicy(password, isCommonPassword);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown address cannot be told apart by timing. */
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword('camau-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
