import { and, eq, inArray } from 'drizzle-orm';
import { calibrationRounds, people, roundParticipants } from '../../../db/schema/index.ts';
import { localePath, nameIn } from '../../domain/common/index.ts';
import { formatDateTime, translator } from '../../i18n/index.ts';
import { sendNotice, type Mailer } from '../mail/index.ts';
import type { Scope } from '../people/index.ts';

/** What a round's e-mails need from the outside world. */
export type RoundMail = { mailer: Mailer; publicUrl: URL };

/**
 * Tells each active participant of a new round, in their own language, what they are asked to
 * answer, by when, with a link to the round. Through the outbox, so a failed delivery is retried.
 */
export async function notifyRoundParticipants(scope: Scope, roundId: string, mail: RoundMail) {
  const { db, viewer: organiser } = scope;
  const now = scope.now.getTime();
  const [round] = await db.select().from(calibrationRounds).where(and(eq(calibrationRounds.id, roundId), eq(calibrationRounds.organisationId, organiser.organisationId)));
  if (!round) return [];
  const participants = db.select({ id: roundParticipants.personId }).from(roundParticipants).where(eq(roundParticipants.roundId, round.id));
  const recipients = await db
    .select({ id: people.id, name: people.name, email: people.email, locale: people.locale })
    .from(people)
    .where(and(eq(people.organisationId, organiser.organisationId), eq(people.status, 'active'), inArray(people.id, participants)));
  const sent = [];
  for (const person of recipients) {
    const t = translator(person.locale);
    const params = {
      name: person.name,
      organisation: nameIn(person.locale, organiser.organisation),
      organiser: organiser.name,
      title: round.title,
      count: round.vignetteIds.length,
      opens: formatDateTime(person.locale, round.opensAt),
      closes: formatDateTime(person.locale, round.closesAt),
      link: new URL(localePath(person.locale, `/practice/rounds/${round.id}`), mail.publicUrl).href,
    };
    const text = [t('email.greeting', params), t('email.round.body', params), t('email.signature', params)].join('\n\n');
    sent.push(await sendNotice(db, mail.mailer, { organisationId: organiser.organisationId, personId: person.id, to: person.email, locale: person.locale, subject: t('email.round.subject', params), text }, { digestible: false, now }));
  }
  return sent;
}
