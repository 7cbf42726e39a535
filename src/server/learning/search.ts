import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { LoadedContent } from '../../content/load.ts';
import { LOCALES, type Locale } from '../../domain/common/index.ts';
import { MARK_END, MARK_START, mdxToPlainText, toFtsQuery } from '../../domain/learning/search.ts';

/** Rebuilds the search index from the content (at every start, so it always matches content/). */
export async function indexContent(db: Db, content: Pick<LoadedContent, 'modules' | 'sectionTexts'>): Promise<number> {
  let rows = 0;
  await db.transaction(async (tx) => {
    await tx.run(sql`DELETE FROM content_search`);
    for (const module of content.modules) {
      const texts = content.sectionTexts.get(module.id);
      for (const section of module.sections) {
        for (const locale of LOCALES) {
          const text = texts?.get(section.id)?.[locale];
          if (!text) continue;
          await tx.run(sql`INSERT INTO content_search (programme_id, module_id, section_id, locale, title, body)
            VALUES (${module.programme}, ${module.id}, ${section.id}, ${locale}, ${section.title[locale]}, ${mdxToPlainText(text)})`);
          rows += 1;
        }
      }
    }
  });
  return rows;
}

export type SearchHit = { programmeId: string; moduleId: string; sectionId: string; title: string; snippet: string };

/** Sections in one language that match every word typed, best first. */
export async function searchContent(db: Db, locale: Locale, input: string, limit = 20): Promise<SearchHit[]> {
  const query = toFtsQuery(input);
  if (!query) return [];
  const rows = await db.all<{ programme_id: string; module_id: string; section_id: string; title: string; snippet: string }>(sql`
    SELECT programme_id, module_id, section_id, title,
      snippet(content_search, 5, ${MARK_START}, ${MARK_END}, '…', 16) AS snippet
    FROM content_search
    WHERE content_search MATCH ${query} AND locale = ${locale}
    ORDER BY bm25(content_search, 0, 0, 0, 0, 4.0, 1.0)
    LIMIT ${limit}`);
  return rows.map((r) => ({ programmeId: r.programme_id, moduleId: r.module_id, sectionId: r.section_id, title: r.title, snippet: r.snippet }));
}
