import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { and, eq, like } from 'drizzle-orm';
import { cpdEntries, jobs } from '../../db/schema/index.ts';
import {
  addExternalCpd,
  cpdEntriesFor,
  cpdJobKinds,
  cpdPack,
  cpdPackCsv,
  cpdReflectionForm,
  externalCpdForm,
  getOwnCpdEntry,
  packPeriodFrom,
  renewalForm,
} from '../../src/server/cpd/index.ts';
import { smtpMailer } from '../../src/server/mail/mailer.ts';
import { personTarget } from '../../src/server/people/people-repo.ts';
import { runDueJobs } from '../../src/server/platform/jobs/runner.ts';
import { scopeOf } from '../support/scope.ts';
import { startSmtpServer } from './smtp.ts';
import { formPost, freshDatabase, PUBLIC_URL } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(async () => {
  database.cleanup();
  await smtp?.close();
  smtp = undefined;
});

const learner = 'demo-learner'; // Welsh-speaking, in a team Rhodri Evans manages
const NOW = Date.parse('2026-06-15T10:00:00Z');
const scope = (personId = learner, now = NOW) => scopeOf(database.db, personId, now);
const ctx = async (personId = learner, locale: 'cy' | 'en' = 'en', now = NOW) => ({ scope: await scope(personId, now), locale });
const manualEntries = (personId = learner) => database.db.select().from(cpdEntries).where(and(eq(cpdEntries.personId, personId), eq(cpdEntries.kind, 'external')));

describe('learning done elsewhere', () => {
  it('is added by hand with its title, date, provider, time in hours and minutes and how it contributed', async () => {
    const result = await externalCpdForm(await ctx(), formPost({ title: 'Trauma-informed practice day', date: '2026-06-10', provider: 'Gwynedd Council', hours: '1', minutes: '30', kind: 'external', contribution: 'I now ask about sleep first.' }));
    expect(result).toMatchObject({ status: 303, redirect: '/cpd?done=added' });
    const [entry] = await manualEntries();
    expect(entry).toMatchObject({ titleEn: 'Trauma-informed practice day', titleCy: 'Trauma-informed practice day', provider: 'Gwynedd Council', minutes: 90, contribution: 'I now ask about sleep first.', completedAt: Date.parse('2026-06-10T12:00:00Z') });
  });

  it('is shown again with translated errors, and nothing saved, when its date is to come or its time cannot be read', async () => {
    const result = await externalCpdForm(await ctx(), formPost({ title: 'Conference', date: '2026-07-01', hours: '2', minutes: '75', kind: 'external' }));
    expect(result.status).toBe(422);
    expect(result.errors).toEqual({ date: { key: 'cpd.errors.dateInFuture' }, hours: { key: 'cpd.errors.time' } });
    expect(result.values).toMatchObject({ title: 'Conference', minutes: '75' });
    expect(await manualEntries()).toHaveLength(0);
  });
});

describe('an entry’s reflection', () => {
  it('saves how it contributed and who it was discussed with, and when', async () => {
    const id = await addExternalCpd(await scope(), { title: 'Reading: neglect research', date: '2026-06-01', provider: '', minutes: 45, kind: 'external', contribution: null });
    const result = await cpdReflectionForm(await ctx(learner, 'cy'), id, formPost({ contribution: 'Rwy’n cofnodi patrymau dros amser.', discussedWith: 'manager', discussedOn: '2026-06-12' }));
    expect(result).toMatchObject({ status: 303, redirect: `/cy/cpd?done=saved#entry-${id}` });
    expect(await getOwnCpdEntry(await scope(), id)).toMatchObject({ contribution: 'Rwy’n cofnodi patrymau dros amser.', discussedWith: 'manager', discussedOn: '2026-06-12' });
  });

  it('cannot be changed by anyone else: their entry looks like none', async () => {
    const id = await addExternalCpd(await scope(), { title: 'Reading', date: '2026-06-01', provider: '', minutes: 45, kind: 'external', contribution: 'Mine.' });
    const result = await cpdReflectionForm(await ctx('demo-mentor'), id, formPost({ contribution: 'Overwritten', discussedWith: '', discussedOn: '' }));
    expect(result.status).toBe(404);
    expect((await getOwnCpdEntry(await scope(), id))?.contribution).toBe('Mine.');
  });

  it('refuses a discussion with no date, naming the field', async () => {
    const id = await addExternalCpd(await scope(), { title: 'Reading', date: '2026-06-01', provider: '', minutes: 45, kind: 'external', contribution: null });
    const result = await cpdReflectionForm(await ctx(), id, formPost({ contribution: '', discussedWith: 'mentor', discussedOn: '' }));
    expect(result).toMatchObject({ status: 422, errors: { discussedOn: { key: 'cpd.errors.discussedOnMissing' } } });
  });
});

describe('what others see of a CPD record', () => {
  it('gives the manager titles and time but never how it contributed; the person sees their own text', async () => {
    await addExternalCpd(await scope(), { title: 'Court skills', date: '2026-06-01', provider: 'Legal team', minutes: 120, kind: 'workshop', contribution: 'Private reflection text' });
    const target = (await personTarget(database.db, learner))!;
    const manager = await scope('demo-manager');
    const seenByManager = (await cpdEntriesFor(manager, target))!.find((e) => e.titleEn === 'Court skills');
    expect(seenByManager).toMatchObject({ titleEn: 'Court skills', minutes: 120, contribution: null, contributionHidden: true });
    expect(JSON.stringify(await cpdEntriesFor(manager, target))).not.toContain('Private reflection text');

    const self = await scope();
    expect((await cpdEntriesFor(self, target))!.find((e) => e.titleEn === 'Court skills')?.contribution).toBe('Private reflection text');
  });

  it('gives someone the policy does not let see the person nothing at all', async () => {
    const outsider = await scope('demo-manager-2'); // manages another team
    expect(await cpdEntriesFor(outsider, (await personTarget(database.db, learner))!)).toBeNull();
  });
});

describe('renewal reminders', () => {
  const day = (iso: string) => Date.parse(`${iso}T09:00:00Z`);

  it('e-mail once at 86 and once at 21 days before renewal, in the person’s language, through the job runner', async () => {
    smtp = await startSmtpServer();
    const kinds = cpdJobKinds(smtpMailer(smtp.url, 'Camau <no-reply@camau.test>'), PUBLIC_URL);
    const run = (at: number) => runDueJobs({ db: database.db, kinds, now: () => at });

    const saved = await renewalForm(await ctx(learner, 'cy', day('2027-01-10')), formPost({ registrationNumber: '1234567', renewalDate: '2027-06-30' }));
    expect(saved).toMatchObject({ status: 303, redirect: '/cy/account?renewal=saved#renewal-heading' });
    // Saving the same date again queues nothing more.
    await renewalForm(await ctx(learner, 'cy', day('2027-02-01')), formPost({ registrationNumber: '1234567', renewalDate: '2027-06-30' }));
    expect(await database.db.select().from(jobs).where(like(jobs.dedupeKey, `cpd.renewal-reminder:${learner}:%`))).toHaveLength(2);

    await run(day('2027-04-04')); // the day before the application opens
    expect(smtp.received).toHaveLength(0);
    await run(day('2027-04-05'));
    await run(day('2027-04-06'));
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ to: ['learner@camau.example'], subject: 'Mae’r cais i adnewyddu gyda Gofal Cymdeithasol Cymru ar agor' });
    expect(smtp.received[0]!.text).toContain('30 Mehefin 2027');
    expect(smtp.received[0]!.text).toContain('http://camau.test/cy/cpd/pack');

    await run(day('2027-06-09'));
    await run(day('2027-06-10'));
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]!.subject).toBe('Adnewyddwch eich cofrestriad gyda Gofal Cymdeithasol Cymru nawr');
    expect(smtp.received[1]!.text).toContain('9 Mehefin 2027');
  });

  it('are dropped, not sent, for a renewal date the person has since changed', async () => {
    smtp = await startSmtpServer();
    const kinds = cpdJobKinds(smtpMailer(smtp.url, 'Camau <no-reply@camau.test>'), PUBLIC_URL);
    await renewalForm(await ctx(learner, 'en', day('2027-01-10')), formPost({ registrationNumber: '', renewalDate: '2027-06-30' }));
    await renewalForm(await ctx(learner, 'en', day('2027-01-11')), formPost({ registrationNumber: '', renewalDate: '2027-09-30' }));
    const summary = await runDueJobs({ db: database.db, kinds, now: () => day('2027-04-05') });
    expect(summary).toMatchObject({ dropped: 1, done: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it('refuse a registration number that is not digits, with nothing saved', async () => {
    const result = await renewalForm(await ctx(), formPost({ registrationNumber: 'ABC-123', renewalDate: '2027-06-30' }));
    expect(result).toMatchObject({ status: 422, errors: { registrationNumber: { key: 'cpd.errors.registrationNumber' } } });
    expect(await database.db.select().from(jobs).where(like(jobs.dedupeKey, `cpd.renewal-reminder:${learner}:%`))).toHaveLength(0);
  });
});

describe('the CPD pack', () => {
  it('lists the period’s entries in Welsh as CSV with hours, how each contributed, when it was discussed, and totals by kind', async () => {
    const first = await addExternalCpd(await scope(), { title: 'Diwrnod hyfforddi', date: '2026-03-02', provider: 'Cyngor Gwynedd', minutes: 90, kind: 'external', contribution: 'Rwy’n holi am gwsg yn gyntaf.' });
    await addExternalCpd(await scope(), { title: 'Gweithdy llys', date: '2026-04-20', provider: '', minutes: 120, kind: 'workshop', contribution: null });
    await addExternalCpd(await scope(), { title: 'Cyn y cyfnod', date: '2025-12-31', provider: '', minutes: 60, kind: 'external', contribution: null });
    await cpdReflectionForm(await ctx(learner, 'cy'), first, formPost({ contribution: 'Rwy’n holi am gwsg yn gyntaf.', discussedWith: 'manager', discussedOn: '2026-03-20' }));

    const pack = await cpdPack(await scope(), 'cy', { from: '2026-01-01', to: '2026-06-15' });
    const rows: string[][] = parse(cpdPackCsv(pack, 'cy').replace(/^\uFEFF/, ''));
    const mine = rows.filter((r) => r[0] !== 'Dyddiad' && ['Diwrnod hyfforddi', 'Gweithdy llys', 'Cyn y cyfnod'].includes(r[1]!));
    expect(rows[0]).toEqual(['Dyddiad', 'Gweithgaredd', 'Math', 'Darparwr', 'Oriau', 'Sut y cyfrannodd at fy ymarfer', 'Trafodwyd']);
    expect(mine).toEqual([
      ['2 Mawrth 2026', 'Diwrnod hyfforddi', 'Dysgu allanol', 'Cyngor Gwynedd', '1.5', 'Rwy’n holi am gwsg yn gyntaf.', 'Gyda’r rheolwr ar 20 Mawrth 2026'],
      ['20 Ebrill 2026', 'Gweithdy llys', 'Gweithdy', '', '2', '', ''],
    ]);
    // The entry before the period is left out of the rows and the totals.
    expect(rows.slice(-3)).toEqual([
      ['Cyfanswm: Gweithdy', '', 'Gweithdy', '', '2', '', ''],
      ['Cyfanswm: Dysgu allanol', '', 'Dysgu allanol', '', '1.5', '', ''],
      ['Cyfanswm', '', '', '', '3.5', '', ''],
    ]);
  });

  it('answers a period that runs backwards or cannot be read with the fields at fault', () => {
    const url = (query: string) => new URL(`/cpd/pack?${query}`, PUBLIC_URL);
    expect(packPeriodFrom(url('from=2026-06-01&to=2026-01-01'))).toMatchObject({ ok: false, errors: { to: { key: 'cpd.errors.periodOrder' } } });
    expect(packPeriodFrom(url('from=yesterday&to=2026-01-01'))).toMatchObject({ ok: false, errors: { from: { key: 'cpd.errors.date' } } });
    expect(packPeriodFrom(url(''), NOW)).toMatchObject({ ok: true, period: { to: '2026-06-15' } });
  });
});
