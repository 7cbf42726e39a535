import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { shareOf } from '../../src/domain/training/index.ts';
import { periodFrom } from '../../src/server/training/welsh-medium.ts';

describe('the period', () => {
  const query = (q: Record<string, string>) => new URLSearchParams(q);

  it('defaults to the last financial year', () => {
    expect(periodFrom(query({}), '2026-12-05')).toEqual({ ok: true, period: { from: '2025-04-01', to: '2026-03-31' }, chosen: false });
  });

  it('takes two real dates with the end on or after the start', () => {
    expect(periodFrom(query({ from: '2026-01-01', to: '2026-01-01' }), '2026-12-05')).toEqual({ ok: true, period: { from: '2026-01-01', to: '2026-01-01' }, chosen: true });
  });

  it('names a wrong or missing date and an end before the start', () => {
    const bad = periodFrom(query({ from: '2026-02-30', to: '' }), '2026-12-05');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual({ from: { key: 'welshMedium.errors.date' }, to: { key: 'welshMedium.errors.date' } });
    const backwards = periodFrom(query({ from: '2026-05-01', to: '2026-04-01' }), '2026-12-05');
    if (backwards.ok) throw new Error('expected an error');
    expect(backwards.errors).toEqual({ to: { key: 'welshMedium.errors.toBeforeFrom' } });
    expect(translator('cy')(backwards.errors.to!.key)).toBe('Rhaid i ddiwedd y cyfnod fod ar ei ddechrau neu ar ei ôl.');
  });
});

describe('a Welsh-medium percentage', () => {
  it('is shown from 5 people or modules, never below', () => {
    expect(shareOf(3, 5)).toBe(60);
    expect(shareOf(4, 4)).toBeNull();
    expect(shareOf(0, 0)).toBeNull();
  });
});
