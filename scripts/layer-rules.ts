import { posix } from 'node:path';

/**
 * The import rules of docs/architecture.md, as data. Two kinds: layers (which top-level folder
 * may import which) and capabilities (folders inside a layer talk through their index.ts).
 */
const RULES: { layer: string; forbidden: RegExp; why: string }[] = [
  { layer: 'src/domain/', forbidden: /^(astro|astro:.*|react|react-dom|xstate|@xstate\/.*|@libsql\/.*|drizzle-orm.*|node:.*)$|\/(db|server|machines|islands|pages|components|layouts)\//, why: 'src/domain stays pure' },
  { layer: 'src/machines/', forbidden: /^(astro|astro:.*|react|@xstate\/react|@libsql\/.*|drizzle-orm.*)$|\/(db|server|islands|pages)\//, why: 'machines import xstate and src/domain only' },
  { layer: 'src/islands/', forbidden: /^(@libsql\/.*|drizzle-orm.*)$|\/(server|db)\//, why: 'islands run in the browser' },
  // Everything that draws a page or routes a request goes through src/server for data.
  ...['src/pages/', 'src/components/', 'src/layouts/', 'src/middleware.ts'].map((layer) => ({ layer, forbidden: /^(drizzle-orm.*|@libsql\/.*)$|(^|\/)db\//, why: 'pages call src/server, not the database' })),
  // db/schema types its columns with the domain's vocabularies; nothing else from src/.
  { layer: 'db/', forbidden: /(^|\/)src\/(?!domain\/)/, why: 'db/ imports only vocabularies from src/domain' },
  { layer: 'scripts/', forbidden: /(^|\/)tests\//, why: 'production scripts never depend on the test folder' },
  // An operator's pages hold no organisation's scope: they reach only the operator's own server code, sign-in,
  // the comparison's medians (evaluation) and plumbing, never a capability that reads an organisation's records.
  { layer: 'src/pages/operator/', forbidden: /\/server\/(?!(operator|auth|evaluation|platform)\/|app\.ts$)/, why: 'operator pages read no organisation’s records' },
];

/** Layers whose sub-folders are capabilities with an index.ts. */
const CAPABILITY_LAYERS = ['src/domain', 'src/machines', 'src/server'];
/** The plumbing every capability uses; it must not depend on any capability. */
const PLUMBING = new Set(['common', 'platform']);

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

/** The capability a path belongs to, e.g. `src/server/thresholds/x.ts` → thresholds (any layer's folder counts). */
function capabilityOf(path: string): { layer: string; name: string } | null {
  const match = /^src\/(domain|machines|server|components|islands)\/([^/]+)\//.exec(path);
  return match ? { layer: `src/${match[1]}`, name: match[2]! } : null;
}

function capabilityProblems(path: string, spec: string): string[] {
  if (!spec.startsWith('.')) return [];
  const target = posix.normalize(posix.join(posix.dirname(path), spec));
  const to = capabilityOf(target);
  if (!to || !CAPABILITY_LAYERS.includes(to.layer)) return [];
  const from = capabilityOf(path);
  const problems: string[] = [];
  if (from && from.name !== to.name && PLUMBING.has(from.name) && !PLUMBING.has(to.name)) {
    problems.push(`${path} imports ${spec} (${from.layer}/${from.name} is plumbing and imports no capability)`);
  }
  if (from?.name !== to.name && target !== `${to.layer}/${to.name}/index.ts`) {
    problems.push(`${path} imports ${spec} (another capability is imported through ${to.layer}/${to.name}/index.ts)`);
  }
  return problems;
}

/** Every import that breaks a layering or capability rule, as "file imports x (why)". */
export function layerViolations(files: { path: string; text: string }[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const path = file.path.replace(/\\/g, '/');
    for (const spec of importsOf(file.text)) {
      for (const rule of RULES) {
        if (path.startsWith(rule.layer) && rule.forbidden.test(spec)) problems.push(`${path} imports ${spec} (${rule.why})`);
      }
      problems.push(...capabilityProblems(path, spec));
    }
  }
  return problems;
}
