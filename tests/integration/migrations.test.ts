import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase, MIGRATIONS_FOLDER } from '../../db/migrate.ts';

const dir = mkdtempSync(join(tmpdir(), 'camau-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations folder that stops before `tag`, as a database made before it would have seen. */
function migrationsBefore(tag: string): string {
  const folder = join(dir, `before-${tag}`);
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag}`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

describe('the migration that gives learning records their organisation', () => {
  it('fills each existing row with its person’s organisation and keeps every row', async () => {
    const database = await openDatabase(`file:${join(dir, 'learning.db')}`);
    try {
      await migrateDatabase(database.db, migrationsBefore('0009_learning_organisation'));
      await database.db.run(sql`INSERT INTO organisations (id, name_en, name_cy, default_locale, created_at) VALUES ('org-a', 'A', 'A', 'cy', 0), ('org-b', 'B', 'B', 'en', 0)`);
      await database.db.run(sql`INSERT INTO people (id, organisation_id, email, name, locale, status, created_at, updated_at) VALUES ('p-a', 'org-a', 'a@example.org', 'A', 'cy', 'active', 0, 0), ('p-b', 'org-b', 'b@example.org', 'B', 'en', 'active', 0, 0)`);
      await database.db.run(sql`INSERT INTO section_visits (person_id, module_id, section_id, first_visited_at, last_visited_at) VALUES ('p-a', 'm', 's', 1, 1), ('p-b', 'm', 's', 1, 1)`);
      await database.db.run(sql`INSERT INTO knowledge_check_attempts (id, person_id, module_id, module_version, answers, score, total, passed, submitted_at) VALUES ('k-a', 'p-a', 'm', 1, '{}', 5, 5, 1, 2)`);
      await database.db.run(sql`INSERT INTO reflective_entries (id, person_id, prompt, text, created_at, updated_at) VALUES ('r-b', 'p-b', 'Why?', 'Because.', 3, 3)`);
      await database.db.run(sql`INSERT INTO cpd_entries (id, person_id, kind, source_id, activity_id, title_en, title_cy, minutes, completed_at) VALUES ('c-a', 'p-a', 'module', 'm@v1', 'm', 'M', 'M', 20, 4)`);

      await migrateDatabase(database.db);

      const rows = await database.db.all<{ t: string; person_id: string; organisation_id: string }>(sql`
        SELECT 'visit' AS t, person_id, organisation_id FROM section_visits
        UNION ALL SELECT 'check', person_id, organisation_id FROM knowledge_check_attempts
        UNION ALL SELECT 'reflection', person_id, organisation_id FROM reflective_entries
        UNION ALL SELECT 'cpd', person_id, organisation_id FROM cpd_entries ORDER BY 1, 2`);
      expect(rows.map((r) => [r.t, r.person_id, r.organisation_id])).toEqual([
        ['check', 'p-a', 'org-a'],
        ['cpd', 'p-a', 'org-a'],
        ['reflection', 'p-b', 'org-b'],
        ['visit', 'p-a', 'org-a'],
        ['visit', 'p-b', 'org-b'],
      ]);
      // The rebuilt tables keep their cascade: a person's records go with them.
      await database.db.run(sql`DELETE FROM people WHERE id = 'p-a'`);
      expect(await database.db.all(sql`SELECT person_id FROM section_visits`)).toEqual([{ person_id: 'p-b' }]);
    } finally {
      database.client.close();
    }
  });
});
