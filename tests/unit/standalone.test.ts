// The repository stands alone: its documentation and code point only at files inside the clone.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve('.');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

const docs = ['README.md', ...filesUnder('docs', /\.md$/)].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** Relative link targets in markdown: `[text](target)` and `[label]: target`, without web addresses or anchors. */
function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g), ...markdown.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]!);
  return targets.filter((t) => !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(t)).map((t) => decodeURIComponent(t.split(/[#?]/)[0]!));
}

/** Paths named in code spans (`docs/authoring.md`, `src/server/cpd/record-cpd.ts`) that look like files of the repository. */
function repositoryPaths(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`\s]+)`/g)]
    .map((m) => m[1]!)
    .filter((p) => /^(\.\.?\/)*(src|docs|db|scripts|tests|content|public|\.ci)\/[\w./-]*\w$/.test(p) && !/[<>*…]/.test(p));
}

describe('the documentation', () => {
  it('never points outside the clone (no ../shared)', () => {
    expect(docs.filter((d) => d.text.includes('../shared')).map((d) => d.path)).toEqual([]);
  });

  it('links only to files that exist in the repository', () => {
    const broken = docs.flatMap(({ path, text }) =>
      relativeLinks(text)
        .map((target) => resolve(dirname(path), target))
        .filter((target) => relative(root, target).startsWith('..') || !existsSync(target))
        .map((target) => `${path} → ${relative(root, target)}`),
    );
    expect(broken).toEqual([]);
  });

  it('names only files and folders that exist', () => {
    const missing = docs.flatMap(({ path, text }) => repositoryPaths(text).filter((p) => !existsSync(resolve(root, p))).map((p) => `${path}: ${p}`));
    expect(missing).toEqual([]);
  });

  it('would catch a link to a file outside the clone or one that is not there', () => {
    expect(relativeLinks('See [the design](../shared/design.md#colours), [authoring](docs/authoring.md), [web](https://example.org) and [top](#run-it).\n[ref]: ./docs/missing.md')).toEqual([
      '../shared/design.md',
      'docs/authoring.md',
      './docs/missing.md',
    ]);
    expect(repositoryPaths('in `src/server/cpd/record-cpd.ts`, `src/i18n/en/<namespace>.ts` and `npm start`')).toEqual(['src/server/cpd/record-cpd.ts']);
  });
});

describe('the code', () => {
  it('imports and reads nothing outside the clone', () => {
    const sources = ['src', 'db', 'scripts', 'tests'].flatMap((dir) => filesUnder(dir, /\.(ts|tsx|mts|mjs|astro)$/)).concat(readdirSync('.').filter((name) => /\.(ts|mjs)$/.test(name)));
    const outside = sources.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return [...text.matchAll(/['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g)]
        .map((m) => m[1]!)
        .filter((spec) => relative(root, resolve(dirname(path), spec)).startsWith('..'))
        .map((spec) => `${path}: ${spec}`);
    });
    expect(sources.length).toBeGreaterThan(100);
    expect(outside).toEqual([]);
  });
});
