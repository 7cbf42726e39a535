import { LOCALES, type Locale } from '../common/index.ts';

export const MODULE_WORDS = { min: 1200, max: 2500 } as const;

/** Words of teaching text in MDX: components' tags and Markdown markup do not count. */
export function countWords(mdx: string): number {
  const text = mdx
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/[#>*_`|-]+/g, ' ')
    .trim();
  return text ? text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length : 0;
}

export type ContentProblem = { file: string; problem: string };

type ModuleShape = { id: string; programme: string; sections: readonly { id: string }[] };
type ProgrammeShape = { id: string; modules: readonly string[] };

/**
 * Rules that span files, which a per-file schema cannot see: every section in both languages,
 * words per language within bounds, a practice example in each language, programmes and
 * modules naming each other consistently.
 */
export function checkContentStructure(input: {
  programmes: readonly (ProgrammeShape & { file: string })[];
  modules: readonly (ModuleShape & { file: string; folder: string })[];
  /** Section text by module id, section id and language; absent when the file is missing. */
  sectionTexts: ReadonlyMap<string, ReadonlyMap<string, Partial<Record<Locale, string>>>>;
  /** Section files that no module.yaml names. */
  strayFiles: readonly string[];
}): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const moduleById = new Map<string, (typeof input.modules)[number]>();
  for (const m of input.modules) {
    if (moduleById.has(m.id)) problems.push({ file: m.file, problem: `module id "${m.id}" is used twice` });
    moduleById.set(m.id, m);
  }
  const listed = new Set<string>();
  for (const p of input.programmes) {
    for (const id of p.modules) {
      listed.add(id);
      const m = moduleById.get(id);
      if (!m) problems.push({ file: p.file, problem: `lists module "${id}", which does not exist` });
      else if (m.programme !== p.id) problems.push({ file: m.file, problem: `says it belongs to "${m.programme}" but is listed by programme "${p.id}"` });
    }
  }
  for (const m of input.modules) {
    if (!listed.has(m.id)) problems.push({ file: m.file, problem: `module "${m.id}" is not listed by any programme` });
    const texts = input.sectionTexts.get(m.id) ?? new Map();
    for (const locale of LOCALES) {
      let words = 0;
      let examples = 0;
      for (const section of m.sections) {
        const text = texts.get(section.id)?.[locale];
        if (text === undefined) {
          problems.push({ file: `${m.folder}/${section.id}.${locale}.mdx`, problem: `section "${section.id}" is missing in ${locale === 'cy' ? 'Welsh' : 'English'}` });
          continue;
        }
        words += countWords(text);
        examples += (text.match(/<PracticeExample[\s>]/g) ?? []).length;
      }
      if (words < MODULE_WORDS.min || words > MODULE_WORDS.max) {
        problems.push({ file: m.file, problem: `${words} words of ${locale === 'cy' ? 'Welsh' : 'English'} teaching text; a module has ${MODULE_WORDS.min}–${MODULE_WORDS.max}` });
      }
      if (examples === 0) problems.push({ file: m.file, problem: `no <PracticeExample> in ${locale === 'cy' ? 'Welsh' : 'English'}` });
    }
  }
  for (const file of input.strayFiles) problems.push({ file, problem: 'no module.yaml names this section file' });
  return problems;
}
