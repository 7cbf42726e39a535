import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { indexContent, searchContent } from '../../src/server/learning/search.ts';
import { freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
const content = loadContent(resolve('content'));
beforeAll(async () => {
  database = await freshDatabase();
  await indexContent(database.db, content);
});
afterAll(() => database.cleanup());

describe('searching the modules', () => {
  it('indexes every section in both languages', async () => {
    const sections = content.modules.reduce((n, m) => n + m.sections.length, 0);
    expect(await indexContent(database.db, content)).toBe(sections * 2);
  });

  it('finds English text only in English and Welsh only in Welsh, linking to the section', async () => {
    const english = await searchContent(database.db, 'en', 'significant harm');
    expect(english.length).toBeGreaterThan(0);
    const first = english[0]!;
    const module = content.modules.find((m) => m.id === first.moduleId)!;
    expect(module.sections.map((s) => s.id)).toContain(first.sectionId);
    expect(first.title).toBe(module.sections.find((s) => s.id === first.sectionId)!.title.en);

    expect((await searchContent(database.db, 'cy', 'niwed sylweddol')).length).toBeGreaterThan(0);
    expect(await searchContent(database.db, 'cy', 'significant harm')).toEqual([]);
  });

  it('matches the start of words and ignores accents', async () => {
    expect((await searchContent(database.db, 'en', 'reflect')).length).toBeGreaterThan(0);
    expect((await searchContent(database.db, 'cy', 'grwp craidd')).length).toBeGreaterThan(0);
  });

  it('treats operators and quotes as plain words', async () => {
    await expect(searchContent(database.db, 'en', '" OR NEAR( harm')).resolves.toBeInstanceOf(Array);
    expect(await searchContent(database.db, 'en', '***')).toEqual([]);
  });
});
