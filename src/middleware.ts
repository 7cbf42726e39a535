import { defineMiddleware, sequence } from 'astro:middleware';
import { localePath, negotiateLocale, splitLocalePath } from './domain/common/index.ts';
import { translator } from './i18n/index.ts';
import { authFromSession, clearSessionCookie, deleteSession, LANGUAGE_COOKIE, rememberLocale, sessionCookieName, setPreferredLocale } from './server/auth/index.ts';
import { clientIp, config, getDb, isHttps, isSameOriginWrite, passingWrite } from './server/platform/index.ts';
import { isRouteAllowed } from './server/access/index.ts';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/**
 * The response itself, or a copy when its headers are immutable (e.g. Response.redirect): a copy
 * wraps the page's stream in another, which would cost every page.
 */
function withMutableHeaders(response: Response): Response {
  try {
    response.headers.set('X-Content-Type-Options', 'nosniff');
    return response;
  } catch {
    return new Response(response.body, response);
  }
}

/** Security headers on every response (the per-page script/style hashes come from Astro's CSP). */
const securityHeaders = defineMiddleware(async (context, next) => {
  const out = withMutableHeaders(await next());
  out.headers.set('X-Content-Type-Options', 'nosniff');
  out.headers.set('Referrer-Policy', 'same-origin');
  out.headers.set('X-Frame-Options', 'DENY');
  // Astro's own CSP (script/style hashes, directives from astro.config) stays; frame-ancestors
  // only works as a header, so it is added here.
  const astroCsp = out.headers.get('Content-Security-Policy');
  out.headers.set('Content-Security-Policy', astroCsp ? `${astroCsp.replace(/[;\s]+$/, '')}; frame-ancestors 'none'` : "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
  out.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  out.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (!out.headers.has('Cache-Control')) out.headers.set('Cache-Control', 'no-store');
  if (isHttps(context)) out.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return out;
});

/**
 * The session cookie, if valid, makes `locals.auth` the signed-in person with their session and
 * the request's scope (all three or none); a session whose person may no longer sign in ends.
 */
const session = defineMiddleware(async (context, next) => {
  context.locals.auth = null;
  context.locals.ip = clientIp(context);
  const secure = isHttps(context);
  const token = context.cookies.get(sessionCookieName(secure))?.value;
  if (token) {
    const db = await getDb();
    const { auth, staleSessionId } = await authFromSession(db, token);
    context.locals.auth = auth;
    if (!auth) {
      if (staleSessionId) await passingWrite('stale session', () => deleteSession(db, staleSessionId));
      clearSessionCookie(context.cookies, secure);
    }
  }
  return next();
});

/**
 * English lives at `/…`, Welsh at `/cy/…`: Welsh requests are rewritten onto the same routes
 * with `locals.locale = 'cy'`. A first visit to `/` follows Accept-Language, else the
 * deployment's DEFAULT_LANGUAGE. The language of the page in use is remembered: in a cookie, and
 * for a signed-in person as their preference (used for e-mails).
 */
const locale = defineMiddleware(async (context, next) => {
  const { locale: pageLocale, path } = splitLocalePath(context.url.pathname);
  context.locals.locale = pageLocale;
  context.locals.path = path;
  context.locals.t = translator(pageLocale);
  const isPageView = context.request.method === 'GET' && (context.request.headers.get('accept') ?? '').includes('text/html');

  if (context.url.pathname === '/' && isPageView && !context.cookies.has(LANGUAGE_COOKIE) && !context.locals.auth) {
    const preferred = negotiateLocale(context.request.headers.get('accept-language')) ?? config().defaultLanguage;
    if (preferred === 'cy') return context.redirect('/cy/', 302);
  }
  if (isPageView) {
    if (context.cookies.get(LANGUAGE_COOKIE)?.value !== pageLocale) {
      context.cookies.set(LANGUAGE_COOKIE, pageLocale, { path: '/', maxAge: ONE_YEAR_S, sameSite: 'lax', httpOnly: true, secure: isHttps(context) });
    }
    const auth = context.locals.auth;
    if (auth && auth.viewer.locale !== pageLocale) {
      // An operator's scope holds no organisation: their language is remembered on their own account.
      const remember = auth.operator ? () => rememberLocale(auth.operator!.db, auth.viewer.id, pageLocale, auth.operator!.now.getTime()) : () => setPreferredLocale(auth.scope, pageLocale);
      if (await passingWrite('remembered language', remember)) auth.viewer.locale = pageLocale;
    }
  }
  return pageLocale === 'cy' ? next(path + context.url.search) : next();
});

/**
 * Every write must come from one of Camau's own pages, whatever its content type (Astro's own
 * check covers form posts only): a foreign or missing origin is refused with 403.
 */
const sameOrigin = defineMiddleware(async (context, next) => {
  if (isSameOriginWrite(context)) return next();
  const { path, t } = context.locals;
  if (path === '/api' || path.startsWith('/api/')) return Response.json({ error: t('errors.crossSite') }, { status: 403 });
  return next('/403');
});

/** Deny by default: only public routes are open without signing in; whole areas (`/admin`, `/mentoring`) are gated by `isRouteAllowed`, each page by the policy module. */
const access = defineMiddleware(async (context, next) => {
  const decision = isRouteAllowed(context.locals.path, context.locals.auth?.viewer ?? null);
  if (decision === 'unauthorised') return Response.json({ error: context.locals.t('errors.signedOut') }, { status: 401 });
  if (decision === 'sign-in') {
    const target = localePath(context.locals.locale, '/sign-in');
    const back = context.locals.path + context.url.search;
    return context.redirect(`${target}?next=${encodeURIComponent(back)}`, 303);
  }
  if (decision === 'operator-home') return context.redirect(localePath(context.locals.locale, '/operator'), 303);
  if (decision === 'forbidden') {
    return next('/403');
  }
  return next();
});

export const onRequest = sequence(securityHeaders, session, locale, sameOrigin, access);
