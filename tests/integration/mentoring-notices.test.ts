import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { assignments, jobs, moduleCompletions } from '../../db/schema/index.ts';
import { mailJobKinds } from '../../src/server/mail/jobs.ts';
import { smtpMailer, type Mailer } from '../../src/server/mail/mailer.ts';
import { setNoticesReceived } from '../../src/server/mail/notice-preferences.ts';
import { assignForm } from '../../src/server/mentoring/assign-form.ts';
import { changeDueDate, withdrawAssignment } from '../../src/server/mentoring/assignments.ts';
import { mentoringJobKinds } from '../../src/server/mentoring/notices.ts';
import { ASSIGNMENT_OVERDUE_JOB, ASSIGNMENT_REMINDER_JOB, noticeTimeOn } from '../../src/server/mentoring/notice-schedule.ts';
import { runDueJobs } from '../../src/server/platform/jobs/runner.ts';
import { fixtureCatalogue as catalogue } from '../fixtures/catalogue.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase, PUBLIC_URL } from './support.ts';
import { startSmtpServer } from './smtp.ts';

// Monday 7 December 2026, 10:00 in London. Work due Friday 18 December: reminder on Wednesday
// 16 December (two working days before), overdue notice on Saturday 19 December.
const NOW = Date.UTC(2026, 11, 7, 10);
const HOUR = 3_600_000;
const DIGEST = (day: number) => Date.UTC(2026, 11, day, 7); // the 07:00 UTC daily digest

let database: Awaited<ReturnType<typeof freshDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailer: Mailer;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
  smtp = await startSmtpServer();
  mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
});
afterEach(async () => {
  database.cleanup();
  await smtp.close();
});

const kinds = () => [...mailJobKinds(mailer), ...mentoringJobKinds(mailer, PUBLIC_URL, async () => catalogue)];
const runJobsAt = (at: number) => runDueJobs({ db: database.db, kinds: kinds(), now: () => at });
const to = (email: string) => smtp.received.filter((m) => m.to.includes(email));

async function assign(fields: Record<string, string | string[]> = {}) {
  const scope = await scopeOf(database.db, 'demo-mentor', NOW);
  const result = await assignForm(
    { scope, locale: 'en', ip: null, mail: { mailer, publicUrl: PUBLIC_URL } },
    formPost({ requestKey: `form-${Math.random()}`, menteeIds: ['demo-learner'], activity: 'module:rm-threshold', dueDate: '2026-12-18', ...fields }),
    catalogue,
  );
  expect(result.status).toBe(303);
  const mentee = Array.isArray(fields.menteeIds) ? fields.menteeIds[0]! : 'demo-learner';
  const [row] = await database.db.select().from(assignments).where(eq(assignments.menteeId, mentee));
  return row!;
}

describe('the notice of new work', () => {
  it('reaches the mentee in their language in the next morning’s digest, not at once', async () => {
    const row = await assign();
    expect(smtp.received).toHaveLength(0);

    await runJobsAt(DIGEST(8));

    const [digest] = to('learner@camau.example');
    expect(to('learner@camau.example')).toHaveLength(1);
    // Elin reads Welsh: the notice names the mentor, the module's Welsh title and the date.
    expect(digest!.text).toContain('Gwaith newydd gan Gwenno Parry: Trothwyon');
    expect(digest!.text).toContain(`http://camau.test/cy/assigned/${row.id}`);
  });

  it('is not sent to a mentee who turned that kind of notice off', async () => {
    await setNoticesReceived(await scopeOf(database.db, 'demo-learner', NOW), ['assignment-reminder', 'assignment-overdue', 'feedback-released']);
    await assign();
    await runJobsAt(DIGEST(8));
    expect(to('learner@camau.example')).toHaveLength(0);
  });
});

describe('the reminder and the overdue notice', () => {
  it('are queued for the morning two working days before and the morning after the due date', async () => {
    const row = await assign();
    const queued = await database.db.select().from(jobs).where(eq(jobs.kind, ASSIGNMENT_REMINDER_JOB));
    const overdue = await database.db.select().from(jobs).where(eq(jobs.kind, ASSIGNMENT_OVERDUE_JOB));
    expect(queued.map((j) => [j.runAt, j.payload])).toEqual([[noticeTimeOn('2026-12-16'), { assignmentId: row.id, dueDate: '2026-12-18' }]]);
    expect(overdue.map((j) => j.runAt)).toEqual([noticeTimeOn('2026-12-19')]);
  });

  it('sends the reminder once even when two runners take the job at the same moment', async () => {
    await assign();
    await runJobsAt(DIGEST(8)); // the new-work digest
    const before = to('learner@camau.example').length;

    const at = noticeTimeOn('2026-12-16');
    await Promise.all([runJobsAt(at), runJobsAt(at)]);
    await runJobsAt(DIGEST(16));

    const reminders = to('learner@camau.example').slice(before);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain('I’w gwblhau ymhen dau ddiwrnod gwaith: Trothwyon');
  });

  it('after downtime past the due date, drops the reminder and sends only the overdue notice, to mentee and mentor', async () => {
    await assign();
    await runJobsAt(DIGEST(8));
    const learnerBefore = to('learner@camau.example').length;

    // The server was down from the 15th to the morning of the 21st.
    const back = Date.UTC(2026, 11, 21, 6);
    await runJobsAt(back);
    await runJobsAt(DIGEST(21));

    const learner = to('learner@camau.example').slice(learnerBefore);
    expect(learner).toHaveLength(1);
    expect(learner[0]!.text).toContain('Yn hwyr: Trothwyon');
    expect(learner[0]!.text).not.toContain('dau ddiwrnod gwaith');
    const mentor = to('mentor@camau.example');
    expect(mentor).toHaveLength(1);
    expect(mentor[0]!.text).toContain('Overdue: Thresholds (Elin Hughes)');
  });

  it('are not sent for work that is done, withdrawn, or whose date has moved', async () => {
    const done = await assign();
    const withdrawn = await assign({ menteeIds: ['demo-p01'] });
    const moved = await assign({ menteeIds: ['demo-p02'] });
    await database.db.insert(moduleCompletions).values({ personId: 'demo-learner', moduleId: 'rm-threshold', moduleVersion: 1, programmeId: 'risk-model', completedAt: NOW + HOUR });
    const mentor = await scopeOf(database.db, 'demo-mentor', NOW + HOUR);
    expect(await withdrawAssignment(mentor, withdrawn.id, null)).toEqual({ ok: true });
    expect(await changeDueDate(mentor, moved.id, '2027-01-08', moved.revision, null)).toEqual({ ok: true });
    await runJobsAt(DIGEST(8));
    const before = smtp.received.length;

    await runJobsAt(noticeTimeOn('2026-12-16'));
    await runJobsAt(noticeTimeOn('2026-12-19'));
    await runJobsAt(DIGEST(19));

    expect(smtp.received.slice(before)).toEqual([]);
    expect((await database.db.select().from(jobs).where(eq(jobs.dedupeKey, `${ASSIGNMENT_OVERDUE_JOB}:${done.id}:2026-12-18`)))[0]?.status).toBe('dropped');
    // The moved work's new reminder is queued for its new date.
    const reminders = await database.db.select().from(jobs).where(eq(jobs.kind, ASSIGNMENT_REMINDER_JOB));
    expect(reminders.filter((j) => j.status === 'pending').map((j) => j.payload)).toEqual([{ assignmentId: moved.id, dueDate: '2027-01-08' }]);
  });
});
