import { describe, expect, it } from 'vitest';
import { passingWrite } from '../../src/server/platform/passing-write.ts';

describe('a write made in passing', () => {
  const refused = () => Promise.reject(new Error('attempt to write a readonly database'));

  it('reports a refused write as false instead of failing the request, and logs it once', async () => {
    const lines: string[] = [];
    expect(await passingWrite('test kind', refused, (l) => lines.push(l))).toBe(false);
    expect(await passingWrite('test kind', refused, (l) => lines.push(l))).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('attempt to write a readonly database');
  });

  it('logs again after the same kind of write has worked in between', async () => {
    const lines: string[] = [];
    await passingWrite('other kind', refused, (l) => lines.push(l));
    expect(await passingWrite('other kind', () => Promise.resolve(), (l) => lines.push(l))).toBe(true);
    await passingWrite('other kind', refused, (l) => lines.push(l));
    expect(lines).toHaveLength(2);
  });
});
