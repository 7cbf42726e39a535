import { describe, expect, it } from 'vitest';
import { keptPerRequest } from '../../src/server/platform/per-request.ts';

describe('a read kept per request', () => {
  it('reads once for each request, however many parts of the page ask', async () => {
    let reads = 0;
    const kept = keptPerRequest(async (request: { id: string }) => `${request.id}:${++reads}`);
    const first = { id: 'a' };
    const second = { id: 'b' };
    expect(await Promise.all([kept.get(first), kept.get(first), kept.get(second)])).toEqual(['a:1', 'a:1', 'b:2']);
    expect(reads).toBe(2);
  });

  it('reads again after it is forgotten', async () => {
    let reads = 0;
    const kept = keptPerRequest(async () => ++reads);
    const request = {};
    expect(await kept.get(request)).toBe(1);
    kept.forget(request);
    expect(await kept.get(request)).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let reads = 0;
    const kept = keptPerRequest(async () => {
      reads += 1;
      if (reads === 1) throw new Error('the database is away');
      return reads;
    });
    const request = {};
    await expect(kept.get(request)).rejects.toThrow('the database is away');
    expect(await kept.get(request)).toBe(2);
  });
});
