import { describe, expect, it } from 'vitest';
import { hashSecret, issueToken, parseToken, secretMatches } from '../../src/server/platform/tokens.ts';

describe('session and link tokens', () => {
  it('are an id and a 160-bit secret, and only the secret’s SHA-256 is kept', () => {
    const { id, secretHash, token } = issueToken();
    const parsed = parseToken(token)!;
    expect(parsed.id).toBe(id);
    expect(parsed.secret).toHaveLength(32); // 20 bytes in base32
    expect(secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(secretHash).toBe(hashSecret(parsed.secret));
    expect(token).not.toContain(secretHash);
  });

  it('are different every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => issueToken().token));
    expect(tokens.size).toBe(200);
  });

  it('match their own stored hash', () => {
    const { secretHash, token } = issueToken();
    expect(secretMatches(parseToken(token)!.secret, secretHash)).toBe(true);
  });

  it('reject a wrong secret of exactly the right length', () => {
    const { secretHash, token } = issueToken();
    const secret = parseToken(token)!.secret;
    const wrong = (secret[0] === 'a' ? 'b' : 'a') + secret.slice(1);
    expect(wrong).toHaveLength(secret.length);
    expect(secretMatches(wrong, secretHash)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['no dot', 'a'.repeat(49)],
    ['short secret', `${'a'.repeat(16)}.${'b'.repeat(31)}`],
    ['characters outside base32', `${'a'.repeat(16)}.${'1'.repeat(32)}`],
    ['upper case', `${'A'.repeat(16)}.${'B'.repeat(32)}`],
    ['extra part', `${'a'.repeat(16)}.${'b'.repeat(32)}.c`],
  ])('refuse a malformed token (%s)', (_, token) => {
    expect(parseToken(token)).toBeNull();
  });
});
