import { and, eq } from 'drizzle-orm';
import { mailOutbox } from '../../../db/schema/index.ts';
import { nameIn } from '../../domain/common/index.ts';
import { recordAudit } from '../audit/index.ts';
import { accountLinkUrl, issueAccountLink } from '../auth/index.ts';
import { getPerson, resendInvitation, type AdminContext, type AdminResult } from '../people/index.ts';
import { deliverMessage, isMailTemplate, sendMail } from './outbox.ts';

/**
 * Sends an outbox message again, so an administrator never needs to read someone's link: an
 * invitation or reset goes out with a fresh link (the old one stops working); a notice is
 * delivered again as it was.
 */
export async function resendOutboxMessage(ctx: AdminContext, outboxId: string): Promise<AdminResult> {
  const now = ctx.scope.now.getTime();
  const refused: AdminResult = { ok: false, errors: { _form: { key: 'outbox.resendRefused' } } };
  const [row] = await ctx.scope.db.select().from(mailOutbox).where(and(eq(mailOutbox.organisationId, ctx.scope.organisationId), eq(mailOutbox.id, outboxId)));
  if (!row || !row.personId) return refused;
  const person = await getPerson(ctx.scope, row.personId);
  if (!person || person.status === 'deactivated') return refused;
  if (!isMailTemplate(row.template)) {
    await deliverMessage(ctx.scope.db, ctx.mailer, { organisationId: row.organisationId, personId: person.id, to: person.email, locale: row.locale, subject: row.subject, text: row.text }, now);
    return { ok: true, value: undefined };
  }
  if (person.status === 'invited') {
    const resent = await resendInvitation(ctx, person.id);
    return resent.ok ? { ok: true, value: undefined } : resent;
  }
  const token = await ctx.scope.db.transaction(async (tx) => {
    const issued = await issueAccountLink(tx, person.id, 'password-reset', now);
    await recordAudit(tx, { organisationId: person.organisationId, actorId: ctx.scope.viewer.id, subjectId: person.id, action: 'password.reset-requested', detail: { via: 'outbox' }, ip: ctx.ip }, now);
    return issued;
  });
  await sendMail(ctx.scope.db, ctx.mailer, {
    organisationId: person.organisationId,
    organisationName: nameIn(person.locale, ctx.scope.viewer.organisation),
    personId: person.id,
    to: person.email,
    recipientName: person.name,
    locale: person.locale,
    template: 'reset',
    link: accountLinkUrl(ctx.publicUrl, person.locale, token),
  }, now);
  return { ok: true, value: undefined };
}
