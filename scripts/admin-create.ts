// `npm run admin:create -- --email … --name …`: the first administrator of a real deployment.
// Creates the organisation when there is none, invites the person as administrator and prints
// (and, with SMTP_URL, e-mails) their single-use link to set a password.
// With `--operator`: a platform operator instead, in the platform's own row (made when missing).
import { parseArgs } from 'node:util';
import { asc, eq } from 'drizzle-orm';
import { organisations, people, personRoles } from '../db/schema/index.ts';
import { recordAudit } from '../src/server/audit/index.ts';
import { PLATFORM_ORGANISATION_NAMES } from '../src/domain/operator/index.ts';
import { recordPlatformAudit } from '../src/server/operator/index.ts';
import { accountLinkUrl, issueAccountLink } from '../src/server/auth/index.ts';
import { newId } from '../src/server/platform/index.ts';
import { readConfig } from '../src/server/platform/index.ts';
import { mailerFor } from '../src/server/mail/index.ts';
import { sendMail } from '../src/server/mail/index.ts';
import { prepareDatabase, StartupError } from './prepare-database.ts';

const usage = `Usage: npm run admin:create -- --email ADDRESS --name "FULL NAME" [--language cy|en]
       [--organisation-en "Gwynedd Council" --organisation-cy "Cyngor Gwynedd"]   (needed when there is no organisation yet)
       [--organisation-id ID]                                                     (when there are several)
   or: npm run admin:create -- --operator --email ADDRESS --name "FULL NAME" [--language cy|en]
       (a platform operator: creates organisations and their first administrators; sees no one's records)`;

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    language: { type: 'string', default: 'cy' },
    'organisation-en': { type: 'string' },
    'organisation-cy': { type: 'string' },
    'organisation-id': { type: 'string' },
    operator: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});
const fail = (message: string): never => {
  console.error(`${message}\n\n${usage}`);
  process.exit(1);
};
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const email = values.email?.trim().toLowerCase() ?? '';
const name = values.name?.trim() ?? '';
const locale = values.language === 'en' ? 'en' : values.language === 'cy' ? 'cy' : fail('--language must be cy or en.');
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail('Give the administrator’s e-mail address with --email.');
if (!name) fail('Give the administrator’s full name with --name.');

const config = readConfig();
let database;
try {
  ({ database } = await prepareDatabase({ ...config, demo: false }));
} catch (error) {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
}
const { db, client } = database;
const now = Date.now();
if (values.operator) {
  if (values['organisation-en'] || values['organisation-cy'] || values['organisation-id']) fail('An operator belongs to no organisation: leave out --organisation-….');
  await createOperator();
  client.close();
  process.exit(0);
}
// The platform's own row holds operators, not staff: "the organisation" here is always a council.
const orgs = await db.select().from(organisations).where(eq(organisations.kind, 'council')).orderBy(asc(organisations.createdAt));
let organisation = values['organisation-id'] ? orgs.find((o) => o.id === values['organisation-id']) : orgs.length === 1 ? orgs[0] : undefined;
if (!organisation) {
  if (values['organisation-id']) fail(`There is no organisation with id ${values['organisation-id']}.`);
  if (orgs.length > 1) fail(`There are ${orgs.length} organisations; choose one with --organisation-id (${orgs.map((o) => `${o.id}: ${o.nameEn}`).join('; ')}).`);
  const nameEn = values['organisation-en']?.trim();
  const nameCy = values['organisation-cy']?.trim();
  if (!nameEn || !nameCy) fail('There is no organisation yet: name it in both languages with --organisation-en and --organisation-cy.');
  organisation = { id: newId(), nameEn: nameEn!, nameCy: nameCy!, defaultLocale: locale, createdAt: now, kind: 'council' as const, deactivatedAt: null, sharesFiguresSince: null };
  await db.insert(organisations).values(organisation);
  console.log(`Created the organisation ${organisation.nameEn} / ${organisation.nameCy}.`);
}
const [existing] = await db.select().from(people).where(eq(people.email, email));
if (existing) fail(`${email} already has an account.`);
const id = newId();
const token = await db.transaction(async (tx) => {
  await tx.insert(people).values({ id, organisationId: organisation!.id, email, name, locale, status: 'invited', createdAt: now, updatedAt: now });
  await tx.insert(personRoles).values({ personId: id, role: 'admin' });
  await recordAudit(tx, { organisationId: organisation!.id, actorId: null, subjectId: id, action: 'person.invited', detail: { roles: ['admin'], via: 'admin:create' } }, now);
  return issueAccountLink(tx, id, 'invitation', now);
});
const link = await sendInvitation(organisation, id, token);
client.close();
console.log(`\n${name} <${email}> is an administrator. Their link to set a password (single use, valid 7 days):\n${link}\n`);

/** E-mails (or keeps in the outbox) the person's invitation with their set-password link, and returns the link. */
async function sendInvitation(organisation: { id: string; nameEn: string; nameCy: string }, personId: string, token: string): Promise<string> {
  const link = accountLinkUrl(config.publicUrl, locale, token);
  await sendMail(db, mailerFor(config), {
    organisationId: organisation.id,
    organisationName: locale === 'cy' ? organisation.nameCy : organisation.nameEn,
    personId,
    to: email,
    recipientName: name,
    locale,
    template: 'invitation',
    link,
  });
  return link;
}

/** The operator's account in the platform's own row (created on first use), audited in the platform log. */
async function createOperator(): Promise<void> {
  const [existing] = await db.select({ id: people.id }).from(people).where(eq(people.email, email));
  if (existing) fail(`${email} already has an account.`);
  const id = newId();
  const { token, platformId, created } = await db.transaction(async (tx) => {
    const [platform] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'platform'));
    const platformId = platform?.id ?? newId();
    if (!platform) await tx.insert(organisations).values({ id: platformId, ...PLATFORM_ORGANISATION_NAMES, defaultLocale: locale, createdAt: now, kind: 'platform' });
    await tx.insert(people).values({ id, organisationId: platformId, email, name, locale, status: 'invited', createdAt: now, updatedAt: now });
    await recordPlatformAudit(tx, { actorId: null, action: 'operator.created', detail: { personId: id, email, via: 'admin:create' } }, now);
    return { token: await issueAccountLink(tx, id, 'invitation', now), platformId, created: !platform };
  });
  if (created) console.log(`Created the platform's own organisation (${PLATFORM_ORGANISATION_NAMES.nameEn} / ${PLATFORM_ORGANISATION_NAMES.nameCy}).`);
  const link = await sendInvitation({ id: platformId, ...PLATFORM_ORGANISATION_NAMES }, id, token);
  console.log(`\n${name} <${email}> is a platform operator. Their link to set a password (single use, valid 7 days):\n${link}\n`);
}
