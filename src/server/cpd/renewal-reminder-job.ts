import { eq } from 'drizzle-orm';
import { people } from '../../../db/schema/index.ts';
import { renewalReminderDates } from '../../domain/cpd/index.ts';
import { formatDay, localePath, nameIn } from '../../domain/common/index.ts';
import { translator } from '../../i18n/index.ts';
import { sendNotice, type Mailer } from '../mail/index.ts';
import { getOrganisation } from '../people/index.ts';
import { defineJobKind, type JobKind } from '../platform/index.ts';
import { ukToday } from './cpd-entries.ts';
import { CPD_RENEWAL_REMINDER_JOB, type RenewalReminderPayload } from './renewal.ts';

/**
 * The renewal reminder e-mail, 86 days before renewal (the application opens) or 21 days before
 * (it must be done), in the person's language, through the mail module (kept and retried if
 * delivery fails). Dropped if the person changed the date, can no longer sign in, or the stage is over.
 */
export function renewalReminderKind(mailer: Mailer, publicUrl: URL): JobKind {
  return defineJobKind<RenewalReminderPayload>({
    kind: CPD_RENEWAL_REMINDER_JOB,
    async isStillRelevant({ personId, renewalDate, days }, { db, now }) {
      const [person] = await db.select({ renewalDate: people.renewalDate, status: people.status }).from(people).where(eq(people.id, personId));
      if (!person || person.status !== 'active' || person.renewalDate !== renewalDate) return false;
      const today = ukToday(now());
      return days === 86 ? today < renewalReminderDates(renewalDate).deadline : today <= renewalDate;
    },
    async run({ personId, renewalDate, days }, { db, now }) {
      const [person] = await db.select().from(people).where(eq(people.id, personId));
      if (!person) return { ok: true };
      const organisation = await getOrganisation(db, person.organisationId);
      const t = translator(person.locale);
      const params = {
        name: person.name,
        organisation: organisation ? nameIn(person.locale, organisation) : '',
        date: formatDay(person.locale, renewalDate),
        deadline: formatDay(person.locale, renewalReminderDates(renewalDate).deadline),
        link: new URL(localePath(person.locale, '/cpd/pack'), publicUrl).href,
      };
      const subject = days === 86 ? t('cpd.reminder.opens.subject', params) : t('cpd.reminder.due.subject', params);
      const body = days === 86 ? t('cpd.reminder.opens.body', params) : t('cpd.reminder.due.body', params);
      const text = [t('email.greeting', params), body, t('email.signature', params)].join('\n\n');
      await sendNotice(db, mailer, { organisationId: person.organisationId, personId, to: person.email, locale: person.locale, subject, text }, { digestible: false, now: now() });
      return { ok: true };
    },
  });
}

/** The CPD job kinds the server runs beside the mail jobs. */
export function cpdJobKinds(mailer: Mailer, publicUrl: URL): JobKind[] {
  return [renewalReminderKind(mailer, publicUrl)];
}
