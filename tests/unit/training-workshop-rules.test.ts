import { describe, expect, it } from 'vitest';
import { bookingOpen, checkWorkshop, clockMinutes, workshopMinutes, type WorkshopInput } from '../../src/domain/training/index.ts';

const valid: WorkshopInput = {
  programmeId: 'risk-model',
  title: 'Using the risk model in practice',
  date: '2027-01-20',
  startsAt: '09:30',
  endsAt: '12:30',
  venue: 'Caernarfon, Council Offices',
  onlineLink: '',
  language: 'cy',
  places: 12,
  bookingClosesOn: '2027-01-18',
  teamIds: [],
};
const ctx = { today: '2026-12-05', bookedCount: 0, programmeIds: ['risk-model', 'effective-child-protection'] };

describe('checking a workshop', () => {
  it('accepts a complete workshop', () => {
    expect(checkWorkshop(valid, ctx)).toEqual({});
  });

  it('accepts an online workshop with a link and no venue', () => {
    expect(checkWorkshop({ ...valid, venue: '', onlineLink: 'https://meet.example.org/abc' }, ctx)).toEqual({});
  });

  it('refuses a programme the content does not have', () => {
    expect(checkWorkshop({ ...valid, programmeId: 'knitting' }, ctx)).toEqual({ programmeId: 'training.errors.programme' });
  });

  it('refuses an end at or before the start', () => {
    expect(checkWorkshop({ ...valid, endsAt: '09:30' }, ctx)).toEqual({ endsAt: 'training.errors.endBeforeStart' });
    expect(checkWorkshop({ ...valid, endsAt: '08:00' }, ctx)).toEqual({ endsAt: 'training.errors.endBeforeStart' });
  });

  it('refuses a date in the past but accepts today', () => {
    expect(checkWorkshop({ ...valid, date: '2026-12-04', bookingClosesOn: '2026-12-04' }, ctx)).toEqual({ date: 'training.errors.datePast' });
    expect(checkWorkshop({ ...valid, date: '2026-12-05', bookingClosesOn: '2026-12-05' }, ctx)).toEqual({});
  });

  it('refuses fewer places than are already booked', () => {
    expect(checkWorkshop({ ...valid, places: 3 }, { ...ctx, bookedCount: 4 })).toEqual({ places: 'training.errors.placesBelowBooked' });
    expect(checkWorkshop({ ...valid, places: 4 }, { ...ctx, bookedCount: 4 })).toEqual({});
  });

  it('refuses booking that closes after the workshop', () => {
    expect(checkWorkshop({ ...valid, bookingClosesOn: '2027-01-21' }, ctx)).toEqual({ bookingClosesOn: 'training.errors.closesAfterDate' });
  });

  it('refuses a workshop with neither venue nor link, and a link that is not a web address', () => {
    expect(checkWorkshop({ ...valid, venue: ' ' }, ctx)).toEqual({ venue: 'training.errors.place' });
    expect(checkWorkshop({ ...valid, onlineLink: 'javascript:alert(1)' }, ctx)).toEqual({ onlineLink: 'training.errors.place' });
  });

  it('refuses nonsense in every field at once, each beside its field', () => {
    const errors = checkWorkshop(
      { ...valid, title: '', date: '2027-02-30', startsAt: '9am', endsAt: '25:00', language: 'fr', places: 0, bookingClosesOn: 'soon' },
      ctx,
    );
    expect(errors).toEqual({
      title: 'training.errors.title',
      date: 'training.errors.date',
      startsAt: 'training.errors.time',
      endsAt: 'training.errors.time',
      language: 'training.errors.language',
      places: 'training.errors.places',
      bookingClosesOn: 'training.errors.closes',
    });
  });
});

describe('booking window', () => {
  it('stays open through the whole closing day and shuts the day after', () => {
    expect(bookingOpen('2027-01-18', '2027-01-18', false)).toBe(true);
    expect(bookingOpen('2027-01-18', '2027-01-19', false)).toBe(false);
  });

  it('is shut for a cancelled workshop', () => {
    expect(bookingOpen('2027-01-18', '2026-12-05', true)).toBe(false);
  });
});

describe('workshop times', () => {
  it('reads HH:MM wall-clock times and measures a workshop in minutes', () => {
    expect(clockMinutes('09:30')).toBe(570);
    expect(clockMinutes('24:00')).toBeNull();
    expect(workshopMinutes('09:30', '12:45')).toBe(195);
    expect(workshopMinutes('12:00', '09:00')).toBe(0);
  });
});

describe('who may book', () => {
  it('accepts no teams (everyone) or teams of the organisation, and refuses an unknown team', () => {
    const teams = { ...ctx, teamIds: ['assessment', 'coastal'] };
    expect(checkWorkshop({ ...valid, teamIds: [] }, teams)).toEqual({});
    expect(checkWorkshop({ ...valid, teamIds: ['coastal'] }, teams)).toEqual({});
    expect(checkWorkshop({ ...valid, teamIds: ['coastal', 'elsewhere'] }, teams)).toEqual({ teamIds: 'training.errors.teams' });
  });
});
