import { describe, expect, it } from 'vitest';
import { tnaFilterFrom } from '../../src/server/training/tna.ts';

const PROGRAMMES = ['risk-model', 'effective-child-protection'];

describe('the needs analysis filter from a query string', () => {
  it('keeps known values', () => {
    const filter = tnaFilterFrom(new URLSearchParams('team=demo-team-assessment&programme=risk-model&status=overdue&role=learner&sort=status&page=3'), PROGRAMMES);
    expect(filter).toEqual({ teamId: 'demo-team-assessment', programmeId: 'risk-model', status: 'overdue', role: 'learner', sort: 'status', page: 3 });
  });

  it('drops unknown or malformed values instead of failing', () => {
    const filter = tnaFilterFrom(new URLSearchParams('team=<script>&programme=nope&status=late&role=boss&sort=random&page=-1'), PROGRAMMES);
    expect(filter).toEqual({});
  });
});
