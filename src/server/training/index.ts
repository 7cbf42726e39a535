export * from './workshops.ts';
export * from './bookings.ts';
export * from './workshop-form.ts';
export * from './booking-form.ts';
export * from './workshop-mail.ts';
export * from './training-home.ts';
