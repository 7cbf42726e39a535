// Fixed vocabularies of training, as the plan's schema (P0a) names them; db columns may import them.
export const DELIVERY_LANGUAGES = ['cy', 'en', 'bilingual'] as const;
export type DeliveryLanguage = (typeof DELIVERY_LANGUAGES)[number];
export const BOOKING_STATES = ['booked', 'waiting', 'cancelled', 'left', 'moved'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];
export const REGISTER_MARKS = ['attended', 'attended-part', 'did-not-attend', 'cancelled-late'] as const;
export type RegisterMark = (typeof REGISTER_MARKS)[number];
export const NEEDS = ['required', 'recommended', 'not-needed'] as const;
export type Need = (typeof NEEDS)[number];
export const CONFIDENCE_MOMENTS = ['before', 'after'] as const;
export type ConfidenceMoment = (typeof CONFIDENCE_MOMENTS)[number];
