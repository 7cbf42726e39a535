import { and, asc, eq, inArray } from 'drizzle-orm';
import { mailOutbox, people } from '../../../db/schema/index.ts';
import { nameIn } from '../../domain/common/index.ts';
import { translator } from '../../i18n/index.ts';
import { defineJobKind, getDb, readConfig, startJobRunner, type JobKind, type JobRunner } from '../platform/index.ts';
import { getMailer } from './mailer-for.ts';
import { getOrganisation } from '../people/index.ts';
import { cpdJobKinds } from '../cpd/index.ts';
import { mentoringJobKinds } from '../mentoring/index.ts';
import { trainingJobKinds } from '../training/index.ts';
import { evaluationJobKinds } from '../evaluation/index.ts';
import type { Mailer } from './mailer.ts';
import { deliverMessage, isDeactivatedOrganisation, MAIL_DIGEST_JOB, MAIL_RETRY_JOB, nextRetryAt, ORGANISATION_DEACTIVATED } from './outbox.ts';

/** Tries a failed message again; after 24 hours of failures it is flagged as given up. */
function retryKind(mailer: Mailer) {
  return defineJobKind<{ outboxId: string }>({
    kind: MAIL_RETRY_JOB,
    // An administrator may have re-sent or the message been delivered another way meanwhile.
    async isStillRelevant({ outboxId }, { db }) {
      const [row] = await db.select({ status: mailOutbox.status }).from(mailOutbox).where(eq(mailOutbox.id, outboxId));
      return row?.status === 'failed';
    },
    async run({ outboxId }, { db, now }) {
      const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, outboxId));
      if (!row) return { ok: true };
      if (await isDeactivatedOrganisation(db, row.organisationId)) {
        await db.update(mailOutbox).set({ status: 'gave-up', error: ORGANISATION_DEACTIVATED, nextAttemptAt: null, liveText: null }).where(eq(mailOutbox.id, row.id));
        return { ok: true };
      }
      const result = await mailer.deliver({ to: row.toAddress, subject: row.subject, text: row.liveText ?? row.text, calendar: row.calendar });
      const attempts = row.attempts + 1;
      const at = now();
      if (result.status !== 'failed') {
        const sent = result.status === 'sent';
        await db.update(mailOutbox).set({ status: result.status, attempts, error: null, nextAttemptAt: null, sentAt: sent ? at : null, liveText: sent ? null : row.liveText }).where(eq(mailOutbox.id, row.id));
        return { ok: true };
      }
      const retryAt = nextRetryAt(row.createdAt, attempts, at);
      if (retryAt === null) {
        // Given up: the link is dropped too; an administrator re-sends with a fresh one.
        await db.update(mailOutbox).set({ status: 'gave-up', attempts, error: result.error, nextAttemptAt: null, liveText: null }).where(eq(mailOutbox.id, row.id));
        return { ok: false, error: result.error };
      }
      await db.update(mailOutbox).set({ attempts, error: result.error, nextAttemptAt: retryAt }).where(eq(mailOutbox.id, row.id));
      return { ok: false, error: result.error, retryAt };
    },
  });
}

/** Sends one person, in their language, one e-mail listing every digestible notice waiting for them. */
function digestKind(mailer: Mailer) {
  return defineJobKind<{ personId: string }>({
    kind: MAIL_DIGEST_JOB,
    async run({ personId }, { db, now }) {
      const waiting = await db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.personId, personId), eq(mailOutbox.status, 'digest-queued')))
        .orderBy(asc(mailOutbox.createdAt));
      // An earlier day's digest, run late, may already have carried everything.
      if (!waiting.length) return { ok: true };
      const [person] = await db.select().from(people).where(eq(people.id, personId));
      const ids = waiting.map((m) => m.id);
      const organisation = person ? await getOrganisation(db, person.organisationId) : null;
      if (!person || person.status === 'deactivated' || organisation?.deactivatedAt != null) {
        await db.update(mailOutbox).set({ status: 'gave-up', error: 'The person can no longer sign in' }).where(inArray(mailOutbox.id, ids));
        return { ok: true };
      }
      const t = translator(person.locale);
      const params = { name: person.name, organisation: organisation ? nameIn(person.locale, organisation) : '', count: waiting.length };
      const listed = waiting.map((m) => `${m.subject}\n${'-'.repeat(Math.min(m.subject.length, 60))}\n${m.text}`).join('\n\n');
      const text = [t('email.greeting', params), t('email.digest.intro', params), listed, t('email.signature', params)].join('\n\n');
      const { id } = await deliverMessage(db, mailer, { organisationId: person.organisationId, personId, to: person.email, locale: person.locale, subject: t('email.digest.subject', params), text }, now());
      await db.update(mailOutbox).set({ status: 'digested', digestId: id }).where(inArray(mailOutbox.id, ids));
      return { ok: true };
    },
  });
}

/** The mail jobs the server runs: retries of failed deliveries and the daily digests. */
export function mailJobKinds(mailer: Mailer): JobKind[] {
  return [retryKind(mailer), digestKind(mailer)];
}

/** How often a server process looks for due jobs. */
export const JOB_INTERVAL_MS = 30_000;

/** Starts this process's job runner with the mail job kinds (retries and digests) and the CPD renewal reminders. */
export async function startMailJobs(intervalMs = JOB_INTERVAL_MS): Promise<JobRunner> {
  const config = readConfig();
  const mailer = getMailer(config);
  return startJobRunner({ db: await getDb(), kinds: [...mailJobKinds(mailer), ...cpdJobKinds(mailer, config.publicUrl), ...mentoringJobKinds(mailer, config.publicUrl), ...trainingJobKinds(mailer, config.publicUrl), ...evaluationJobKinds()], intervalMs });
}
