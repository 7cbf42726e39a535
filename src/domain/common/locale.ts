export const LOCALES = ['en', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];

/** The language choices on forms: each language in its own name, the same on every page. */
export const LANGUAGE_OPTIONS: readonly { value: Locale; label: string }[] = [
  { value: 'cy', label: 'Cymraeg' },
  { value: 'en', label: 'English' },
];

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'cy';
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'cy' ? 'en' : 'cy';
}

/**
 * The supported language a browser prefers most, from an `Accept-Language` header,
 * or null when it names neither Welsh nor English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  let best: { locale: Locale; q: number } | null = null;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (!isLocale(primary)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale: primary, q };
  }
  return best?.locale ?? null;
}

/** Splits a request path into its locale and the path without the `/cy` prefix. */
export function splitLocalePath(pathname: string): { locale: Locale; path: string } {
  if (pathname === '/cy' || pathname.startsWith('/cy/')) {
    return { locale: 'cy', path: pathname.slice(3) || '/' };
  }
  return { locale: 'en', path: pathname };
}

/** The URL path of `path` (locale-free, starting with `/`) in `locale`. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  if (locale === 'en') return clean;
  return clean === '/' ? '/cy/' : `/cy${clean}`;
}

/** BCP 47 tag for dates and numbers. */
export function intlLocale(locale: Locale): string {
  return locale === 'cy' ? 'cy-GB' : 'en-GB';
}

// Building an Intl formatter costs far more than using one, and pages format many dates: one per language.
const dayFormats: Partial<Record<Locale, Intl.DateTimeFormat>> = {};

/** A calendar date (YYYY-MM-DD) in words, e.g. "2 March 2026" / "2 Mawrth 2026". */
export function formatDay(locale: Locale, isoDate: string): string {
  const format = (dayFormats[locale] ??= new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }));
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

/** A name kept in both languages (an organisation's, a team's) in the reader's language. */
export function nameIn(locale: Locale, named: { nameEn: string; nameCy: string }): string {
  return locale === 'cy' ? named.nameCy : named.nameEn;
}
