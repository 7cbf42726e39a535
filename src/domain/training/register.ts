import { REGISTER_MARKS, type RegisterMark } from './vocabulary.ts';

export type RegisterErrorKey = 'register.errors.mark' | 'register.errors.minutes';

/** CPD minutes a register mark earns: attended → the workshop's length; part → min(minutes, length); else none. */
export function cpdMinutesFor(mark: RegisterMark, minutes: number | null, workshopMinutes: number): number | null {
  if (mark === 'attended') return workshopMinutes > 0 ? workshopMinutes : null;
  if (mark === 'attended-part') {
    if (minutes === null || !Number.isInteger(minutes) || minutes <= 0) return null;
    return Math.min(minutes, workshopMinutes);
  }
  return null;
}

/** The error of one register row, or null: "attended part" needs whole minutes from 1 to the workshop's length. */
export function checkRegisterRow(mark: string, minutes: number | null, workshopMinutes: number): RegisterErrorKey | null {
  if (!(REGISTER_MARKS as readonly string[]).includes(mark)) return 'register.errors.mark';
  if (mark !== 'attended-part') return null;
  if (minutes === null || !Number.isInteger(minutes) || minutes < 1 || minutes > workshopMinutes) return 'register.errors.minutes';
  return null;
}

/**
 * Does a cancellation belong on the register as "Cancelled late"? Yes when the person gave up their
 * own place after booking had closed (London dates), so nobody from the waiting list could take it.
 */
export function cancelledLate(cancelledOn: string, bookingClosesOn: string): boolean {
  return cancelledOn > bookingClosesOn;
}
