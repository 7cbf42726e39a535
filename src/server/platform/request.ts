import type { APIContext, AstroGlobal } from 'astro';
import { readConfig, servedOverHttps } from './config.ts';

type Context = Pick<APIContext, 'request' | 'clientAddress' | 'url' | 'locals'> | AstroGlobal;

/** The client's address; X-Forwarded-For is believed only when TRUST_PROXY is set (one proxy in front). */
export function clientIp(context: Pick<APIContext, 'request' | 'clientAddress'>): string {
  if (readConfig().trustProxy) {
    // The rightmost address is the one our own proxy added; anything to its left came from the client.
    const forwarded = context.request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
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

// A local path of plain URL characters: no scheme, no host, no backslash, no control characters
// (browsers drop tabs and newlines, so "/\t/evil.example" would become "//evil.example").
const LOCAL_PATH = /^\/(?![\/\\])[A-Za-z0-9\-._~%!$&'()*+,;=:@\/?]*$/;

/** Only local, locale-free paths may be used as a "go back to" target after sign-in. */
export function safeNextPath(value: string | null | undefined): string | null {
  if (!value || !LOCAL_PATH.test(value) || value.includes('//')) return null;
  return value;
}
