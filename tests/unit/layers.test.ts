import { describe, expect, it } from 'vitest';
import { importsOf, layerViolations } from '../support/layers.ts';

describe('the layering rules', () => {
  it('find the imports in a file', () => {
    expect(importsOf("import { a } from './a.ts';\nimport type { B } from \"../b\";\nconst c = await import('c');")).toEqual(['./a.ts', '../b', 'c']);
  });

  it.each([
    ['src/domain/scoring.ts', "import { db } from '../../db/client.ts';"],
    ['src/domain/scoring.ts', "import { createActor } from 'xstate';"],
    ['src/machines/x.machine.ts', "import { useMachine } from '@xstate/react';"],
    ['src/islands/Quiz.tsx', "import { getDb } from '../server/db.ts';"],
    ['src/pages/home.astro', "import { eq } from 'drizzle-orm';"],
    ['src/pages/home.astro', "import { people } from '../../db/schema/index.ts';"],
    ['db/seed/demo.ts', "import { hashPassword } from '../../src/server/auth/password.ts';"],
  ])('catch %s importing across a boundary', (path, text) => {
    expect(layerViolations([{ path, text }])).toHaveLength(1);
  });

  it('allow the intended direction', () => {
    expect(layerViolations([
      { path: 'src/pages/home.astro', text: "import { services } from '../server/app.ts';" },
      { path: 'src/server/x.ts', text: "import { people } from '../../db/schema/index.ts';" },
      { path: 'src/machines/x.machine.ts', text: "import { setup } from 'xstate';\nimport { score } from '../domain/score.ts';" },
      { path: 'db/schema/learning.ts', text: "import { CPD_KINDS } from '../../src/domain/cpd.ts';" },
    ])).toEqual([]);
  });
});
