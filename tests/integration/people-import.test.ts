import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { auditEvents, mailOutbox, people, personRoles, teamMemberships } from '../../db/schema/index.ts';
import { importPeople } from '../../src/server/people/people-import.ts';
import { demoAdmin, freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const peopleCount = async () => (await database.db.select().from(people)).length;

describe('importing people from CSV', () => {
  it('creates and invites everyone in a good file, each in their own language', async () => {
    const csv = [
      'name,email,team,roles,language',
      'Anwen Parry,anwen.parry@example.org,Assessment and Safeguarding Team,learner,cy',
      '"Rees, Owain",owain.rees@example.org,"Tîm Asesu a Diogelu;Coastal Children and Families Team",learner;mentor,en',
    ].join('\r\n');
    const result = await importPeople(await demoAdmin(database), csv);
    expect(result).toEqual({ ok: true, count: 2 });

    const imported = await database.db.select().from(people).where(inArray(people.email, ['anwen.parry@example.org', 'owain.rees@example.org']));
    expect(imported.map((p) => [p.name, p.status, p.locale, p.organisationId]).sort()).toEqual([
      ['Anwen Parry', 'invited', 'cy', 'demo-org'],
      ['Rees, Owain', 'invited', 'en', 'demo-org'],
    ]);
    const owain = imported.find((p) => p.email === 'owain.rees@example.org')!;
    expect((await database.db.select().from(personRoles).where(eq(personRoles.personId, owain.id))).map((r) => r.role).sort()).toEqual(['learner', 'mentor']);
    expect((await database.db.select().from(teamMemberships).where(eq(teamMemberships.personId, owain.id))).map((r) => r.teamId).sort()).toEqual(['demo-team-assessment', 'demo-team-coast']);

    const mail = await database.db.select().from(mailOutbox);
    expect(mail.map((m) => [m.toAddress, m.subject]).sort()).toEqual([
      ['anwen.parry@example.org', 'Gwahoddiad i Camau'],
      ['owain.rees@example.org', 'You are invited to Camau'],
    ]);
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'people.imported'));
    expect(audit).toMatchObject({ actorId: 'demo-admin', organisationId: 'demo-org', detail: { count: 2 } });
  });

  it('imports nobody when any row is bad, and says which lines and why', async () => {
    const before = await peopleCount();
    const csv = [
      'name,email,team,roles,language',
      'Good Person,good@example.org,Assessment and Safeguarding Team,learner,cy',
      'Bad Team,badteam@example.org,Duty Team,learner,cy', // another organisation's team
      'Bad Email,not-an-address,Assessment and Safeguarding Team,learner,en',
    ].join('\n');
    const result = await importPeople(await demoAdmin(database), csv);
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 3, field: 'team', key: 'errors.teamUnknown', params: { team: 'Duty Team' } },
        { line: 4, field: 'email', key: 'errors.emailInvalid' },
      ],
    });
    expect(await peopleCount()).toBe(before);
    expect(await database.db.select().from(mailOutbox)).toHaveLength(0);
  });

  it('refuses an address that already has an account in any organisation', async () => {
    const result = await importPeople(await demoAdmin(database), 'name,email,team,roles,language\nCarys,carys.meredith@arall.example,,learner,cy\n');
    expect(result).toEqual({ ok: false, problems: [{ line: 2, field: 'email', key: 'errors.emailTaken' }] });
  });

  it.each([
    ['an empty file', '', { ok: false, fileError: 'import.noFile' }],
    ['a file with an unclosed quote', 'name,email,team,roles,language\n"Unclosed,a@b.org,,learner,cy\n', { ok: false, fileError: 'import.unreadable' }],
    ['a file of the wrong shape', 'just some text\nnot a table\n', { ok: false, problems: [{ line: 1, key: 'import.badHeader' }] }],
  ])('explains %s', async (_, csv, expected) => {
    expect(await importPeople(await demoAdmin(database), csv)).toEqual(expected);
  });

  it('numbers lines as a spreadsheet shows them, counting blank lines', async () => {
    const csv = 'name,email,team,roles,language\n\nNo Language,nolang@example.org,,learner,\n';
    expect(await importPeople(await demoAdmin(database), csv)).toEqual({ ok: false, problems: [{ line: 3, field: 'language', key: 'errors.required' }] });
  });
});
