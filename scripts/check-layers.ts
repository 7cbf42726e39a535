// Checks the layering rules in docs/architecture.md: which folders may import which.
// Part of `npm run check`, so a rule nobody checks cannot quietly decay.
// Usage: node scripts/check-layers.ts [root]   (root defaults to the working directory)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { layerViolations } from './layer-rules.ts';

const root = process.argv[2] ?? '.';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx|astro|mjs)$/.test(name) ? [path] : [];
  });
}

const files = ['src', 'db', 'scripts']
  .flatMap((d) => filesUnder(join(root, d)))
  .map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
const problems = layerViolations(files);
if (problems.length) {
  console.error(`Layering rules broken:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Layering rules hold across ${files.length} files.`);
