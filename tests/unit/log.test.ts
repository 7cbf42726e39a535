import { describe, expect, it } from 'vitest';
import { logSafe } from '../../src/server/platform/log.ts';

describe('values written to the server log', () => {
  it('are kept as they are when short and plain', () => {
    expect(logSafe('v-neglect-chronic')).toBe('v-neglect-chronic');
  });

  it('are cut short, saying how much was left out', () => {
    expect(logSafe('x'.repeat(50_000_000), 10)).toBe(`${'x'.repeat(10)}… (49999990 more characters)`);
  });

  it('cannot break a line or turn text around: control characters and direction marks are escaped', () => {
    const out = logSafe('id\nFAKE LOG LINE\r\u001b[31m\u202egnp.exe\u200f\u2066');
    expect(out).toBe('id\\u{a}FAKE LOG LINE\\u{d}\\u{1b}[31m\\u{202e}gnp.exe\\u{200f}\\u{2066}');
    expect(out).not.toMatch(/[\u0000-\u001f\u202e\u200f\u2066]/u);
  });
});
