import type { APIContext, AstroGlobal } from 'astro';
import { localePath } from '../domain/locale.ts';
import { readConfig, servedOverHttps } from './config.ts';

type Context = Pick<APIContext, 'request' | 'clientAddress' | 'url' | 'locals'> | AstroGlobal;

/** The client's address; X-Forwarded-For is believed only when TRUST_PROXY is set. */
export function clientIp(context: Pick<APIContext, 'request' | 'clientAddress'>): string {
  if (readConfig().trustProxy) {
    const forwarded = context.request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return context.clientAddress ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function isHttps(context: Pick<Context, 'url'>): boolean {
  return servedOverHttps(readConfig(), context.url);
}

/** A path in the current page's language. */
export function href(context: Pick<Context, 'locals'>, path: string): string {
  return localePath(context.locals.locale, path);
}

/** Only local, locale-free paths may be used as a "go back to" target after sign-in. */
export function safeNextPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  return value;
}
