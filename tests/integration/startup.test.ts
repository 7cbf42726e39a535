import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../../db/migrate.ts';
import { readConfig } from '../../src/server/platform/config.ts';
import { prepareDatabase, redactUrl, StartupError } from '../../scripts/prepare-database.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'camau-start-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const silent = () => {};

describe('starting Camau', () => {
  it('creates, migrates and seeds an empty database with the demo organisation', async () => {
    const dir = tempDir();
    const config = readConfig({ DATABASE_URL: `file:${join(dir, 'sub', 'camau.db')}` });
    const { database, seeded } = await prepareDatabase(config, silent);
    expect(seeded).toBe(true);
    // The councils; the platform's own row (holding the demo operator) is no organisation of staff.
    const names = await database.client.execute("SELECT name_en, name_cy FROM organisations WHERE kind = 'council' ORDER BY created_at");
    expect(names.rows.map((r) => [r.name_en, r.name_cy])).toEqual([
      ['Example Council', 'Cyngor Enghreifftiol'],
      ['Another Council', 'Cyngor Arall'],
      ['Harbour Council (demo)', 'Cyngor yr Harbwr (demo)'],
      ['Valley Council (demo)', 'Cyngor y Cwm (demo)'],
    ]);
    const count = await database.client.execute("SELECT count(*) AS n FROM people WHERE organisation_id = 'demo-org'");
    expect(Number(count.rows[0]!.n)).toBeGreaterThanOrEqual(28);
    database.client.close();

    const again = await prepareDatabase(config, silent);
    expect(again.seeded).toBe(false); // never seeds a database that has data
    again.database.client.close();
  });

  it('adds no demo data when CAMAU_DEMO is off', async () => {
    const dir = tempDir();
    const { database, seeded } = await prepareDatabase(readConfig({ DATABASE_URL: `file:${join(dir, 'camau.db')}`, CAMAU_DEMO: 'off' }), silent);
    expect(seeded).toBe(false);
    expect((await database.client.execute('SELECT count(*) AS n FROM organisations')).rows[0]!.n).toBe(0);
    database.client.close();
  });

  it('refuses, with a clear message, a database URL it cannot use', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const config = readConfig({ DATABASE_URL: `file:${join(dir, 'not-a-folder', 'camau.db')}` });
    await expect(prepareDatabase(config, silent)).rejects.toThrow(StartupError);
    await expect(prepareDatabase(config, silent)).rejects.toThrow(/cannot open the database/);
  });

  it('hides credentials when it prints a database URL', () => {
    expect(redactUrl('libsql://user:secret@db.example.org?authToken=abc')).toBe('libsql://***@db.example.org?authToken=***');
  });

  it('leaves the database exactly as it was when a migration fails', async () => {
    const dir = tempDir();
    const url = `file:${join(dir, 'camau.db')}`;
    const database = await openDatabase(url);
    await migrateDatabase(database.db);
    await database.client.execute("INSERT INTO organisations (id, name_en, name_cy, default_locale, created_at) VALUES ('o', 'Org', 'Sefydliad', 'cy', 1)");

    // A copy of the real migrations plus a new one whose second statement fails.
    const folder = join(dir, 'migrations');
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag: '9999_broken', breakpoints: true });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(folder, '9999_broken.sql'), 'ALTER TABLE organisations ADD COLUMN motto text;\n--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);\n');

    const tablesBefore = await database.client.execute("SELECT sql FROM sqlite_master WHERE name = 'organisations'");
    await expect(migrateDatabase(database.db, folder)).rejects.toThrow();
    const tablesAfter = await database.client.execute("SELECT sql FROM sqlite_master WHERE name = 'organisations'");
    expect(tablesAfter.rows).toEqual(tablesBefore.rows);
    expect((await database.client.execute('SELECT id FROM organisations')).rows.map((r) => r.id)).toEqual(['o']);
    const applied = await database.client.execute('SELECT count(*) AS n FROM __drizzle_migrations');
    expect(Number(applied.rows[0]!.n)).toBe(readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).length);
    database.client.close();
  });
});
