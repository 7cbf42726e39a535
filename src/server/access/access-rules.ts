import { mayInOrganisation, type Actor } from './policy.ts';

// Routes anyone may open. Everything else needs a signed-in person (deny by default).
const PUBLIC_PATHS = new Set(['/', '/sign-in', '/forgot-password', '/set-password', '/403', '/404', '/413', '/500', '/health']);

const under = (path: string, area: string) => path === area || path.startsWith(`${area}/`);

/** `unauthorised`: a script's request (under /api/) without a session; it cannot follow a redirect to the sign-in page. */
export type RouteDecision = 'allow' | 'sign-in' | 'unauthorised' | 'forbidden';

/** The coarse, path-level rule; each page still asks the policy about the records it shows. */
export function isRouteAllowed(path: string, viewer: Actor | null): RouteDecision {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (PUBLIC_PATHS.has(clean) || clean.startsWith('/_astro/')) return 'allow';
  if (!viewer) return clean === '/api' || clean.startsWith('/api/') ? 'unauthorised' : 'sign-in';
  if (under(clean, '/admin') && !mayInOrganisation(viewer, 'organisation.overview')) return 'forbidden';
  // The mentor's workspace; /training stays open to everyone signed in and its pages ask the policy.
  if (under(clean, '/mentoring') && !mayInOrganisation(viewer, 'mentoring.workspace')) return 'forbidden';
  // The evaluation report is for administrators and managers; its pages ask the policy about each scope.
  if (under(clean, '/evaluation') && !mayInOrganisation(viewer, 'evaluation.report')) return 'forbidden';
  return 'allow';
}
