import { mayInOrganisation, type Actor } from './policy.ts';

// Routes anyone may open. Everything else needs a signed-in person (deny by default).
const PUBLIC_PATHS = new Set(['/', '/sign-in', '/forgot-password', '/set-password', '/403', '/404', '/413', '/500', '/health']);

const under = (path: string, area: string) => path === area || path.startsWith(`${area}/`);

/**
 * `unauthorised`: a script's request (under /api/) without a session; it cannot follow a redirect to the sign-in page.
 * `operator-home`: a platform operator asked for a home page (`/`, `/home`); theirs is `/operator`.
 */
export type RouteDecision = 'allow' | 'sign-in' | 'unauthorised' | 'forbidden' | 'operator-home';

// What a platform operator may open besides /operator/** and the public pages: signing out.
const OPERATOR_PATHS = new Set(['/sign-out']);

/** An operator holds no organisation: only their own pages, sign-out and the public pages. */
function operatorRoute(clean: string): RouteDecision {
  if (clean === '/' || clean === '/home') return 'operator-home';
  if (under(clean, '/operator') || OPERATOR_PATHS.has(clean) || PUBLIC_PATHS.has(clean) || clean.startsWith('/_astro/')) return 'allow';
  return 'forbidden';
}

/** The coarse, path-level rule; each page still asks the policy about the records it shows. */
export function isRouteAllowed(path: string, viewer: Actor | null): RouteDecision {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (viewer?.operator) return operatorRoute(clean);
  if (PUBLIC_PATHS.has(clean) || clean.startsWith('/_astro/')) return 'allow';
  if (!viewer) return clean === '/api' || clean.startsWith('/api/') ? 'unauthorised' : 'sign-in';
  // The platform operator's pages are for operators alone.
  if (under(clean, '/operator')) return 'forbidden';
  if (under(clean, '/admin') && !mayInOrganisation(viewer, 'organisation.overview')) return 'forbidden';
  // The mentor's workspace; /training stays open to everyone signed in and its pages ask the policy.
  if (under(clean, '/mentoring') && !mayInOrganisation(viewer, 'mentoring.workspace')) return 'forbidden';
  // The evaluation report is for administrators and managers; its pages ask the policy about each scope.
  if (under(clean, '/evaluation') && !mayInOrganisation(viewer, 'evaluation.report')) return 'forbidden';
  return 'allow';
}
