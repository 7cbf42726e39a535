import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, layerViolations } from '../../scripts/layer-rules.ts';

describe('the layering rules', () => {
  it('find the imports in a file', () => {
    expect(importsOf("import { a } from './a.ts';\nimport type { B } from \"../b\";\nconst c = await import('c');")).toEqual(['./a.ts', '../b', 'c']);
  });

  it.each([
    ['src/domain/scoring.ts', "import { db } from '../../db/client.ts';"],
    ['src/domain/scoring.ts', "import { createActor } from 'xstate';"],
    ['src/machines/x.machine.ts', "import { useMachine } from '@xstate/react';"],
    ['src/islands/Quiz.tsx', "import { getDb } from '../server/platform/index.ts';"],
    ['src/pages/home.astro', "import { eq } from 'drizzle-orm';"],
    ['src/pages/home.astro', "import { people } from '../../db/schema/index.ts';"],
    ['db/seed/demo.ts', "import { hashPassword } from '../../src/server/auth/index.ts';"],
    ['scripts/seed.ts', "import { signIn } from '../tests/e2e/support.ts';"],
  ])('catch %s importing across a boundary', (path, text) => {
    expect(layerViolations([{ path, text }])).toHaveLength(1);
  });

  it.each([
    ['a page reaching past an index', 'src/pages/cpd/index.astro', "import { cpdView } from '../../server/cpd/cpd-view.ts';", 'through src/server/cpd/index.ts'],
    ['a capability reaching into another', 'src/server/thresholds/consistency.ts', "import { getPerson } from '../people/people-repo.ts';", 'through src/server/people/index.ts'],
    ['a script reaching past an index', 'scripts/bench.ts', "import { percentile } from '../src/domain/common/statistics.ts';", 'through src/domain/common/index.ts'],
    ['an operator page reaching an organisation’s records', 'src/pages/operator/index.astro', "import { listPeople } from '../../server/people/index.ts';", 'operator pages read no organisation’s records'],
    ['plumbing depending on a capability', 'src/server/platform/db.ts', "import { getPerson } from '../people/index.ts';", 'plumbing and imports no capability'],
    ['shared domain logic depending on a capability', 'src/domain/common/csv.ts', "import { DECISIONS } from '../thresholds/index.ts';", 'plumbing and imports no capability'],
  ])('catch %s', (_case, path, text, why) => {
    const problems = layerViolations([{ path, text }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(why);
  });

  it('allow the intended direction', () => {
    expect(layerViolations([
      { path: 'src/pages/home.astro', text: "import { services } from '../server/app.ts';" },
      { path: 'src/pages/cpd/index.astro', text: "import { cpdView } from '../../server/cpd/index.ts';" },
      { path: 'src/server/thresholds/consistency.ts', text: "import { groupAnswers } from '../../domain/thresholds/consistency.ts';\nimport { getPerson } from '../people/index.ts';" },
      { path: 'src/server/people/people-admin.ts', text: "import { newId } from '../platform/index.ts';" },
      { path: 'db/schema/thresholds.ts', text: "import { DECISIONS } from '../../src/domain/thresholds/index.ts';" },
      { path: 'scripts/check-layers.ts', text: "import { layerViolations } from './layer-rules.ts';" },
      { path: 'src/server/x.ts', text: "import { people } from '../../db/schema/index.ts';" },
      { path: 'src/machines/x.machine.ts', text: "import { setup } from 'xstate';\nimport { score } from '../domain/score.ts';" },
      { path: 'db/schema/learning.ts', text: "import { CPD_KINDS } from '../../src/domain/cpd/index.ts';" },
      { path: 'src/pages/operator/index.astro', text: "import { listCouncils } from '../../server/operator/index.ts';\nimport { operatorSignedIn } from '../../server/auth/index.ts';\nimport { services } from '../../server/app.ts';" },
    ])).toEqual([]);
  });
});

describe('npm run check', () => {
  function runChecker(files: Record<string, string>) {
    const root = mkdtempSync(join(tmpdir(), 'camau-layers-'));
    try {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      return spawnSync(process.execPath, ['scripts/check-layers.ts', root], { encoding: 'utf8' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  it('fails on a planted violation and names it', () => {
    const result = runChecker({
      'src/server/people/index.ts': "export * from './people-repo.ts';",
      'src/server/thresholds/consistency.ts': "import { getPerson } from '../people/people-repo.ts';",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('src/server/thresholds/consistency.ts imports ../people/people-repo.ts');
  });

  it('passes a tree that keeps the rules', () => {
    const result = runChecker({ 'src/server/thresholds/consistency.ts': "import { getPerson } from '../people/index.ts';" });
    expect(result.status).toBe(0);
  });
});
