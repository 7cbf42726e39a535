/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Language of this page, from its URL (`/cy/…` is Welsh). */
    locale: import('./domain/common/index.ts').Locale;
    /** The page's path without the `/cy` prefix, for links to the same page in the other language. */
    path: string;
    /** Translator for `locale`. */
    t: import('./i18n/index.ts').Translate;
    /** The signed-in person with their session and request scope, or null (never half of it). */
    auth: import('./server/auth/index.ts').Auth | null;
    /** The client's address, for rate limits and the audit log. */
    ip: string;
  }
}
