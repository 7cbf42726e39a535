import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from '../../src/domain/auth/password-policy.ts';
import { validateNewPassword } from '../../src/server/auth/password.ts';

const never = () => false;

describe('the password policy', () => {
  it.each([
    ['seven characters', 'abcdefg', { ok: false, problem: 'tooShort' }],
    ['eight characters', 'abcdefgh', { ok: true }],
    ['128 characters', 'x'.repeat(128), { ok: true }],
    ['129 characters', 'x'.repeat(129), { ok: false, problem: 'tooLong' }],
    ['a passphrase with spaces and no digits', 'mae hi’n bwrw glaw', { ok: true }],
    ['eight emoji counted as eight characters', '🐑🐑🐑🐑🐑🐑🐑🐑', { ok: true }],
    ['seven emoji (14 UTF-16 units) counted as seven', '🐑🐑🐑🐑🐑🐑🐑', { ok: false, problem: 'tooShort' }],
  ])('judges %s', (_, password, expected) => {
    expect(checkPasswordPolicy(password, never)).toEqual(expected);
  });

  it('has no composition rules: lower-case letters alone are fine', () => {
    expect(checkPasswordPolicy('cwmrhydyceirw', never)).toEqual({ ok: true });
  });

  it('refuses a common password, whatever its case', () => {
    const isCommon = (p: string) => p === 'password1';
    expect(checkPasswordPolicy('PASSWORD1', isCommon)).toEqual({ ok: false, problem: 'tooCommon' });
  });

  it.each(['password', '12345678', 'qwertyuiop', 'iloveyou'])('refuses %s, from the real common-password list', (password) => {
    expect(validateNewPassword(password)).toEqual({ ok: false, problem: 'tooCommon' });
  });

  it('accepts the kind of passphrase the hint suggests', () => {
    expect(validateNewPassword('defaid ar y mynydd yn y glaw')).toEqual({ ok: true });
  });
});
