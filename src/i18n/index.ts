import { hoursAndMinutes } from '../domain/cpd/index.ts';
import { intlLocale, type Locale } from '../domain/common/index.ts';

// Formatting by language lives with the locale rules (islands use it without the message tables).
export { formatDay, intlLocale } from '../domain/common/index.ts';
import { cy } from './cy/index.ts';
import { interpolate, type MessageParams } from './interpolate.ts';
import { en, type MessageKey, type Messages } from './en/index.ts';

export type { MessageKey, Messages };
export { interpolate, type MessageParams };
export const messages: Record<Locale, Messages> = { en, cy };

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The key of the message that names `value` of a fixed vocabulary (`labelKey('role', r)`). The result
 * is the exact union of keys, so passing it to a translator proves every value has a message.
 * (An earlier version constrained `value` by inferring the vocabulary from every message key; that
 * inference cost seconds per call and made type checking take most of an hour.)
 */
export function labelKey<P extends string, V extends string>(prefix: P, value: V): `${P}.${V}` {
  return `${prefix}.${value}` as `${P}.${V}`;
}

/** A translator for one language; `{name}` placeholders are filled from `params`. */
export function translator(locale: Locale): Translate {
  const table = messages[locale];
  return (key, params) => interpolate(table[key], params);
}


/** The strings an island needs, looked up once on the server and typed as exactly those keys. */
export function labelsFor<K extends MessageKey>(t: Translate, keys: readonly K[]): Pick<Messages, K> {
  // fromEntries cannot carry the key type; the entries are exactly `keys`.
  return Object.fromEntries(keys.map((k) => [k, t(k)])) as Pick<Messages, K>;
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}


/** A CPD time in hours and minutes, as the record shows it: "1 h 30 min" / "1 awr 30 mun". */
export function formatDuration(locale: Locale, totalMinutes: number): string {
  const { hours, minutes } = hoursAndMinutes(totalMinutes);
  const t = translator(locale);
  if (hours === 0) return t('cpd.duration.minutes', { minutes });
  return minutes === 0 ? t('cpd.duration.hours', { hours }) : t('cpd.duration.hoursMinutes', { hours, minutes });
}

// One formatter per language: building one costs far more than using it.
const dateTimeFormats: Partial<Record<Locale, Intl.DateTimeFormat>> = {};

export function formatDateTime(locale: Locale, ms: number): string {
  return (dateTimeFormats[locale] ??= new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' })).format(ms);
}

/** Keys present in one language and missing in the other (used by the build check and tests). */
export function missingKeys(): { missingInCy: string[]; missingInEn: string[] } {
  const enKeys = Object.keys(en);
  const cyKeys = Object.keys(cy);
  return {
    missingInCy: enKeys.filter((k) => !cyKeys.includes(k) || !(cy as Record<string, string>)[k]?.trim()),
    missingInEn: cyKeys.filter((k) => !enKeys.includes(k)),
  };
}

export { fieldErrorText } from './field-error.ts';
