export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooCommon';

/**
 * Checks a new password against the policy (NIST SP 800-63B / ASVS): 8–128 characters
 * counted as Unicode code points, no composition rules, refused if it is a common password.
 * `isCommon` is passed in so the policy stays free of the word list it is checked against.
 */
export function checkPasswordPolicy(
  password: string,
  isCommon: (candidate: string) => boolean,
): { ok: true } | { ok: false; problem: PasswordProblem } {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return { ok: false, problem: 'tooShort' };
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, problem: 'tooLong' };
  if (isCommon(password) || isCommon(password.toLowerCase())) return { ok: false, problem: 'tooCommon' };
  return { ok: true };
}
