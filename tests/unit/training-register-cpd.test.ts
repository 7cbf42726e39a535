import { describe, expect, it } from 'vitest';
import { cancelledLate, checkRegisterRow, cpdMinutesFor } from '../../src/domain/training/index.ts';

describe('CPD minutes from the register', () => {
  it('credits the whole workshop to someone who attended', () => {
    expect(cpdMinutesFor('attended', null, 180)).toBe(180);
  });

  it('credits the minutes attended to someone who attended part, never more than the workshop', () => {
    expect(cpdMinutesFor('attended-part', 90, 180)).toBe(90);
    expect(cpdMinutesFor('attended-part', 240, 180)).toBe(180);
  });

  it('credits nothing to someone who did not attend or cancelled late', () => {
    expect(cpdMinutesFor('did-not-attend', null, 180)).toBeNull();
    expect(cpdMinutesFor('cancelled-late', 60, 180)).toBeNull();
  });

  it('credits nothing for "attended part" without real minutes', () => {
    expect(cpdMinutesFor('attended-part', null, 180)).toBeNull();
    expect(cpdMinutesFor('attended-part', 0, 180)).toBeNull();
  });
});

describe('checking a register row', () => {
  it('needs whole minutes from 1 to the workshop length for "attended part"', () => {
    expect(checkRegisterRow('attended-part', 60, 180)).toBeNull();
    expect(checkRegisterRow('attended-part', null, 180)).toBe('register.errors.minutes');
    expect(checkRegisterRow('attended-part', 181, 180)).toBe('register.errors.minutes');
    expect(checkRegisterRow('attended-part', 1.5, 180)).toBe('register.errors.minutes');
  });

  it('accepts the other marks without minutes and refuses an unknown mark', () => {
    expect(checkRegisterRow('attended', null, 180)).toBeNull();
    expect(checkRegisterRow('did-not-attend', null, 180)).toBeNull();
    expect(checkRegisterRow('present', null, 180)).toBe('register.errors.mark');
  });
});

describe('who the register lists as cancelled late', () => {
  it('lists someone who cancelled after the closing day', () => {
    expect(cancelledLate('2027-03-16', '2027-03-15')).toBe(true);
    expect(cancelledLate('2027-03-20', '2027-03-15')).toBe(true);
  });

  it('does not list someone who cancelled on or before the closing day: their place went to the waiting list', () => {
    expect(cancelledLate('2027-03-15', '2027-03-15')).toBe(false);
    expect(cancelledLate('2027-03-01', '2027-03-15')).toBe(false);
  });
});
