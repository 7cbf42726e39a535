import { describe, expect, it } from 'vitest';
import { checkContentStructure, countWords } from '../../src/domain/learning/content-rules.ts';

describe('counting words of teaching text', () => {
  it('ignores component tags and Markdown markup', () => {
    expect(countWords('## A heading\n\nOne two three.\n\n<KeyPoint>\nFour five\n</KeyPoint>\n\n<PracticeExample title="Not counted">\nSix — seven.\n</PracticeExample>')).toBe(9);
  });
  it('counts Welsh words with apostrophes and accents as single words', () => {
    expect(countWords("Mae’r tîm yn gweithio’n dda")).toBe(5);
  });
  it('finds nothing in an empty file', () => {
    expect(countWords('  \n ')).toBe(0);
  });
});

const words = (n: number) => Array.from({ length: n }, () => 'gair').join(' ');
const module = { id: 'cc-one', programme: 'cc', sections: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], file: 'content/modules/cc/cc-one/module.yaml', folder: 'content/modules/cc/cc-one' };
const programme = { id: 'cc', modules: ['cc-one'], file: 'content/programmes/cc.yaml' };
const fullTexts = (perSection = 500): Map<string, Map<string, Partial<Record<'en' | 'cy', string>>>> =>
  new Map([['cc-one', new Map(['a', 'b', 'c'].map((id) => [id, { en: `${words(perSection)} <PracticeExample title="x">y</PracticeExample>`, cy: `${words(perSection)} <PracticeExample title="x">y</PracticeExample>` }]))]]);

describe('checking content across files', () => {
  it('accepts a complete module in both languages', () => {
    expect(checkContentStructure({ programmes: [programme], modules: [module], sectionTexts: fullTexts(), strayFiles: [] })).toEqual([]);
  });

  it('names a section missing in Welsh', () => {
    const texts = fullTexts();
    texts.get('cc-one')!.set('b', { en: words(500) });
    const problems = checkContentStructure({ programmes: [programme], modules: [module], sectionTexts: texts, strayFiles: [] });
    expect(problems).toContainEqual({ file: 'content/modules/cc/cc-one/b.cy.mdx', problem: 'section "b" is missing in Welsh' });
  });

  it('refuses too little and too much teaching text', () => {
    expect(checkContentStructure({ programmes: [programme], modules: [module], sectionTexts: fullTexts(100), strayFiles: [] })).toContainEqual({
      file: module.file,
      problem: '303 words of English teaching text; a module has 1200–2500',
    });
    expect(checkContentStructure({ programmes: [programme], modules: [module], sectionTexts: fullTexts(900), strayFiles: [] }).map((p) => p.problem)).toContain(
      '2703 words of Welsh teaching text; a module has 1200–2500',
    );
  });

  it('finds modules and programmes that do not name each other, and stray files', () => {
    const problems = checkContentStructure({
      programmes: [{ ...programme, modules: ['cc-one', 'cc-ghost'] }],
      modules: [module, { ...module, id: 'cc-orphan', file: 'o/module.yaml', folder: 'o' }],
      sectionTexts: fullTexts(),
      strayFiles: ['content/modules/cc/old.en.mdx'],
    }).map((p) => p.problem);
    expect(problems).toEqual(
      expect.arrayContaining([
        'lists module "cc-ghost", which does not exist',
        'module "cc-orphan" is not listed by any programme',
        'no module.yaml names this section file',
      ]),
    );
  });
});
