import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { organisations, teams } from '../../db/schema/index.ts';
import { freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase();
});
afterEach(() => database.cleanup());

describe('the database connection', () => {
  it('lets a write wait for a transaction held open across an await, instead of both failing', async () => {
    await database.db.insert(organisations).values({ id: 'o', nameEn: 'Org', nameCy: 'Sefydliad', defaultLocale: 'cy', createdAt: 1 });
    const slowTransaction = database.db.transaction(async (tx) => {
      await tx.insert(teams).values({ id: 't1', organisationId: 'o', nameEn: 'One', nameCy: 'Un', createdAt: 1 });
      await new Promise((resolve) => setTimeout(resolve, 100)); // e.g. hashing, or another await
      await tx.insert(teams).values({ id: 't2', organisationId: 'o', nameEn: 'Two', nameCy: 'Dau', createdAt: 1 });
    });
    const meanwhile = database.db.insert(teams).values({ id: 't3', organisationId: 'o', nameEn: 'Three', nameCy: 'Tri', createdAt: 1 });
    await Promise.all([slowTransaction, meanwhile]);
    expect((await database.db.select().from(teams)).map((t) => t.id).sort()).toEqual(['t1', 't2', 't3']);
  });

  it('still reads while a write transaction is open', async () => {
    await database.db.insert(organisations).values({ id: 'o', nameEn: 'Org', nameCy: 'Sefydliad', defaultLocale: 'cy', createdAt: 1 });
    let readInside: number | undefined;
    await database.db.transaction(async (tx) => {
      await tx.insert(teams).values({ id: 't1', organisationId: 'o', nameEn: 'One', nameCy: 'Un', createdAt: 1 });
      readInside = (await database.db.select().from(teams)).length; // another connection: sees the last commit
    });
    expect(readInside).toBe(0);
    expect(await database.db.select().from(teams)).toHaveLength(1);
  });

  it('releases the lock when a transaction fails, so later writes go through', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(organisations).values({ id: 'x', nameEn: 'X', nameCy: 'X', defaultLocale: 'en', createdAt: 1 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await database.db.insert(organisations).values({ id: 'y', nameEn: 'Y', nameCy: 'Y', defaultLocale: 'en', createdAt: 1 });
    expect((await database.db.select().from(organisations)).map((o) => o.id)).toEqual(['y']);
  });
});
