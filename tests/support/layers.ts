/** The import rules between layers (design.md), as data. */
const RULES: { layer: string; forbidden: RegExp; why: string }[] = [
  { layer: 'src/domain/', forbidden: /^(astro|astro:.*|react|react-dom|xstate|@xstate\/.*|@libsql\/.*|drizzle-orm.*|node:.*)$|\/(db|server|machines|islands|pages|components|layouts)\//, why: 'src/domain stays pure' },
  { layer: 'src/machines/', forbidden: /^(astro|astro:.*|react|@xstate\/react|@libsql\/.*|drizzle-orm.*)$|\/(db|server|islands|pages)\//, why: 'machines import xstate and src/domain only' },
  { layer: 'src/islands/', forbidden: /^(@libsql\/.*|drizzle-orm.*)$|\/(server|db)\//, why: 'islands run in the browser' },
  // Everything that draws a page or routes a request goes through src/server for data.
  ...['src/pages/', 'src/components/', 'src/layouts/', 'src/middleware.ts'].map((layer) => ({ layer, forbidden: /^(drizzle-orm.*|@libsql\/.*)$|(^|\/)db\//, why: 'pages call src/server, not the database' })),
  // Fixed vocabularies live in src/domain and type the database columns.
  { layer: 'db/', forbidden: /(^|\/)src\/(?!domain\/)/, why: 'db/ imports nothing from src/ but src/domain' },
];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

/** Every import that breaks a layering rule, as "file imports x (why)". */
export function layerViolations(files: { path: string; text: string }[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const path = file.path.replace(/\\/g, '/');
    for (const rule of RULES) {
      if (!path.startsWith(rule.layer)) continue;
      for (const spec of importsOf(file.text)) {
        if (rule.forbidden.test(spec)) problems.push(`${path} imports ${spec} (${rule.why})`);
      }
    }
  }
  return problems;
}
