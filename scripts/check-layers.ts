// Checks the layering rules in docs/architecture (design.md): which folders may import which.
// Part of `npm run check`, so a rule nobody checks cannot quietly decay.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { layerViolations } from '../tests/support/layers.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx|astro|mjs)$/.test(name) ? [path] : [];
  });
}

const files = ['src', 'db'].flatMap((d) => filesUnder(d)).map((path) => ({ path: relative('.', path), text: readFileSync(path, 'utf8') }));
const problems = layerViolations(files);
if (problems.length) {
  console.error(`Layering rules broken:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Layering rules hold across ${files.length} files.`);
