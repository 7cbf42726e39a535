import type { APIContext, AstroGlobal } from 'astro';
import { readConfig, servedOverHttps } from './config.ts';

type Context = Pick<APIContext, 'request' | 'clientAddress' | 'url' | 'locals'> | AstroGlobal;

/**
 * The client's address. With TRUST_PROXY set (exactly one proxy of ours in front), the rightmost
 * X-Forwarded-For address; otherwise the socket's address (the production server drops a
 * client-sent X-Forwarded-For before Astro can believe it).
 */
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

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A read, or a write sent by one of Camau's own pages: its Origin is the site's (the public
 * address or the address the request came to), or, with no Origin, the browser says
 * `Sec-Fetch-Site: same-origin`. A write with neither is refused.
 */
export function isSameOriginWrite(context: Pick<APIContext, 'request' | 'url'>): boolean {
  const { request } = context;
  if (READS.has(request.method.toUpperCase())) return true;
  const origin = request.headers.get('origin');
  if (origin) return origin === readConfig().publicUrl.origin || origin === context.url.origin;
  return request.headers.get('sec-fetch-site') === 'same-origin';
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
