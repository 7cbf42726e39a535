import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDate } from '../../src/domain/common/index.ts';
import { parseRenewalDetails, renewalReminderDates, renewalReminderSchedule, renewalStage } from '../../src/domain/cpd/index.ts';

describe('renewal reminder dates', () => {
  it('fall 86 days (the application opens) and 21 days (it must be done) before the renewal date', () => {
    expect(renewalReminderDates('2027-06-30')).toEqual({ opens: '2027-04-05', deadline: '2027-06-09' });
  });

  it('count calendar days across a leap day and the clocks changing', () => {
    expect(renewalReminderDates('2028-04-15')).toEqual({ opens: '2028-01-20', deadline: '2028-03-25' });
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('are both still to send, each on its own day, when the date is saved well ahead', () => {
    expect(renewalReminderSchedule('2027-06-30', '2027-01-10')).toEqual([
      { days: 86, sendOn: '2027-04-05' },
      { days: 21, sendOn: '2027-06-09' },
    ]);
  });

  it('send the "application open" reminder at once when the date is saved inside the window', () => {
    expect(renewalReminderSchedule('2027-06-30', '2027-05-01')).toEqual([
      { days: 86, sendOn: '2027-05-01' },
      { days: 21, sendOn: '2027-06-09' },
    ]);
  });

  it('send only the "do it now" reminder from 21 days before, and nothing after the renewal date', () => {
    expect(renewalReminderSchedule('2027-06-30', '2027-06-09')).toEqual([{ days: 21, sendOn: '2027-06-09' }]);
    expect(renewalReminderSchedule('2027-06-30', '2027-06-20')).toEqual([{ days: 21, sendOn: '2027-06-20' }]);
    expect(renewalReminderSchedule('2027-06-30', '2027-07-01')).toEqual([]);
  });
});

describe('the home page renewal stage', () => {
  it('is nothing before the application opens or without a date', () => {
    expect(renewalStage('2027-06-30', '2027-04-04')).toBeNull();
    expect(renewalStage(null, '2027-04-04')).toBeNull();
  });

  it('is "open" from 86 days before and "due" from 21 days before until the renewal date', () => {
    expect(renewalStage('2027-06-30', '2027-04-05')).toEqual({ stage: 'open', daysLeft: 86, deadline: '2027-06-09' });
    expect(renewalStage('2027-06-30', '2027-06-09')).toEqual({ stage: 'due', daysLeft: 21, deadline: '2027-06-09' });
    expect(renewalStage('2027-06-30', '2027-06-30')).toMatchObject({ stage: 'due', daysLeft: 0 });
    expect(renewalStage('2027-06-30', '2027-07-01')).toBeNull();
  });
});

describe('registration details', () => {
  it('accept a registration number of 1 to 10 digits (spaces ignored), or none', () => {
    expect(parseRenewalDetails({ registrationNumber: ' 1234 567 ', renewalDate: '' })).toEqual({ ok: true, value: { registrationNumber: '1234567', renewalDate: null } });
    expect(parseRenewalDetails({ registrationNumber: '', renewalDate: '2027-06-30' })).toEqual({ ok: true, value: { registrationNumber: null, renewalDate: '2027-06-30' } });
  });

  it('refuse letters, too many digits and dates that do not exist', () => {
    expect(parseRenewalDetails({ registrationNumber: 'SCW123', renewalDate: '2027-02-30' })).toEqual({
      ok: false,
      errors: { registrationNumber: 'cpd.errors.registrationNumber', renewalDate: 'cpd.errors.date' },
    });
    expect(parseRenewalDetails({ registrationNumber: '12345678901', renewalDate: '' }).ok).toBe(false);
    expect(isCalendarDate('2027-6-30')).toBe(false);
  });
});
