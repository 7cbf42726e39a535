import { describe, expect, it } from 'vitest';
import { financialYear, financialYearStart, lastFinancialYear, welshMediumShare, type WelshMediumInput } from '../../src/domain/training/index.ts';

describe('financial years', () => {
  it('runs from 1 April to 31 March', () => {
    expect(financialYear(2025)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(financialYearStart('2026-03-31')).toBe(2025);
    expect(financialYearStart('2026-04-01')).toBe(2026);
  });

  it('defaults to the last complete financial year before today', () => {
    expect(lastFinancialYear('2026-12-05')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(lastFinancialYear('2026-03-31')).toEqual({ from: '2024-04-01', to: '2025-03-31' });
    expect(lastFinancialYear('2026-04-01')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });
});

describe('Welsh-medium share', () => {
  const input: WelshMediumInput = {
    workshops: [
      { id: 'w1', programmeId: 'risk-model', date: '2025-05-10', language: 'cy', cancelled: false },
      { id: 'w2', programmeId: 'risk-model', date: '2025-06-10', language: 'en', cancelled: false },
      { id: 'w3', programmeId: 'risk-model', date: '2025-07-10', language: 'bilingual', cancelled: false },
      { id: 'w4', programmeId: 'effective-child-protection', date: '2025-08-10', language: 'en', cancelled: false },
      { id: 'w5', programmeId: 'effective-child-protection', date: '2025-09-10', language: 'cy', cancelled: true },
      { id: 'w6', programmeId: 'risk-model', date: '2026-04-02', language: 'cy', cancelled: false },
    ],
    attendance: [
      { workshopId: 'w1', personId: 'ann' },
      { workshopId: 'w1', personId: 'bob' },
      { workshopId: 'w1', personId: 'cat' },
      { workshopId: 'w2', personId: 'dai' },
      { workshopId: 'w3', personId: 'ann' },
      { workshopId: 'w3', personId: 'eve' },
      { workshopId: 'w4', personId: 'fay' },
      { workshopId: 'w6', personId: 'gwen' },
    ],
    completions: [
      { completedOn: '2025-04-01', locale: 'cy' },
      { completedOn: '2025-10-01', locale: 'cy' },
      { completedOn: '2026-03-31', locale: 'en' },
      { completedOn: '2025-05-01', locale: null },
      { completedOn: '2025-03-31', locale: 'cy' },
    ],
  };
  const figures = welshMediumShare(input, financialYear(2025));

  it('counts workshops by language of delivery in the period, leaving out cancelled ones', () => {
    expect(figures.workshopsByLanguage).toEqual({ cy: 1, en: 2, bilingual: 1 });
  });

  it('counts each person who attended a Welsh-medium or bilingual workshop once', () => {
    expect(figures.staffAttendingWelsh).toBe(4); // ann, bob, cat (w1), eve (w3)
  });

  it('gives the Welsh-medium share of attendees for programmes offered in both languages only', () => {
    expect(figures.programmes).toEqual([{ programmeId: 'risk-model', attendees: 4, welshMediumAttendees: 3, percentWelshMedium: 75 }]);
  });

  it('counts modules completed in Welsh, in English and not recorded within the period', () => {
    expect(figures.modulesCompleted).toEqual({ cy: 2, en: 1, notRecorded: 1 });
  });

  it('gives empty figures for a period with nothing in it', () => {
    const none = welshMediumShare(input, financialYear(2030));
    expect(none).toEqual({ period: financialYear(2030), workshopsByLanguage: { cy: 0, en: 0, bilingual: 0 }, staffAttendingWelsh: 0, programmes: [], modulesCompleted: { cy: 0, en: 0, notRecorded: 0 } });
  });
});
