import { resolve } from 'node:path';
import { loadContent } from './load.ts';

/**
 * An Astro integration that stops the build when training content is incomplete: a module,
 * section, question or option missing in either language, too little or too much text, or
 * programmes and modules that do not name each other (the same checks as `npm run content:check`).
 */
export function contentCheck() {
  return {
    name: 'camau-content-check',
    hooks: {
      'astro:config:setup': () => {
        const { problems } = loadContent(resolve('content'));
        if (problems.length) {
          throw new Error(`Camau content is not complete in Welsh and English:\n${problems.map((p) => `  ${p.file}: ${p.problem}`).join('\n')}`);
        }
      },
    },
  };
}
