import ICAL from 'ical.js';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agreedActions, auditEvents, cpdEntries, mentoringSessions, mentorLinks, people, personRoles, sessionPrivateNotes } from '../../db/schema/index.ts';
import { cpdPack, cpdPackCsv } from '../../src/server/cpd/index.ts';
import { listCpdEntries, listReflections } from '../../src/server/learning/index.ts';
import { smtpMailer } from '../../src/server/mail/mailer.ts';
import {
  cancelSession,
  mentorOverview,
  myMentoringForm,
  myOpenActions,
  mySessions,
  overviewCsv,
  privateNoteOf,
  previousOpenActions,
  sessionCalendarFor,
  sessionForm,
  sessionView,
  type SessionFormContext,
} from '../../src/server/mentoring/index.ts';
import type { Mailer } from '../../src/server/mail/index.ts';
import { scopeOf } from '../support/scope.ts';
import { startSmtpServer } from './smtp.ts';
import { formPost, freshDatabase, PUBLIC_URL, quietMailer } from './support.ts';

// 5 December 2026, midday in London.
const NOW = Date.parse('2026-12-05T12:00:00Z');
const NOTE = 'Private: worried about her confidence with the family';
let database: Awaited<ReturnType<typeof freshDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;

beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
  database.cleanup();
});

async function ctx(personId: string, options: { now?: number; mailer?: Mailer } = {}): Promise<SessionFormContext> {
  return { scope: await scopeOf(database.db, personId, options.now ?? NOW), locale: 'en', mailer: options.mailer ?? quietMailer, publicUrl: PUBLIC_URL, ip: '127.0.0.1' };
}

/** The Record a session form as the mentor fills it in. */
function sessionFields(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    requestKey: 'key-1',
    kind: 'one-to-one',
    menteeId: 'demo-learner',
    date: '2026-12-01',
    startsAt: '10:00',
    durationMinutes: '60',
    format: 'in-person',
    focus: ['conversations', 'thresholds'],
    sharedSummary: 'We went over the strengths-based conversation.',
    privateNotes: NOTE,
    'actions[0].text': 'Read the module on scaling questions',
    'actions[0].owner': 'mentee',
    'actions[0].due': '2026-12-12',
    'actions[1].text': 'Send the practice vignette',
    'actions[1].owner': 'mentor',
    'actions[1].due': '2026-12-08',
    'actions[2].text': '',
    'actions[2].owner': 'mentee',
    'actions[2].due': '',
    intent: 'save',
    ...overrides,
  };
}

/** Every action row left blank. */
const NO_ACTIONS = { 'actions[0].text': '', 'actions[0].due': '', 'actions[1].text': '', 'actions[1].due': '' };

async function record(fields: Record<string, string | string[]> = {}, options: { as?: string; id?: string; now?: number; mailer?: Mailer } = {}) {
  const context = await ctx(options.as ?? 'demo-mentor', options);
  const menteeOfSession = options.id ? ((await database.db.select().from(mentoringSessions).where(eq(mentoringSessions.id, options.id)))[0]?.menteeId ?? null) : null;
  return sessionForm(context, formPost(sessionFields(fields)), options.id ?? null, menteeOfSession);
}

const idFrom = (redirect: string | null) => /\/mentoring\/sessions\/([^?]+)/.exec(redirect ?? '')![1]!;
const countSessions = async () => (await database.db.select().from(mentoringSessions)).length;

function parsed(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return { method: calendar.getFirstPropertyValue('method'), uid: event.getFirstPropertyValue('uid'), sequence: event.getFirstPropertyValue('sequence') };
}

describe('recording a session', () => {
  it('makes one session from a double-clicked Save session (the same request key)', async () => {
    const first = await record();
    const second = await record();
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(idFrom(second.redirect)).toBe(idFrom(first.redirect));
    expect(await countSessions()).toBe(1);
    expect(await database.db.select().from(agreedActions)).toHaveLength(2);
  });

  it('saves a past session as recorded, with its actions owned by the mentee and the mentor', async () => {
    const id = idFrom((await record()).redirect);
    const view = await sessionView(await scopeOf(database.db, 'demo-mentor', NOW), id);
    expect(view?.state).toBe('recorded');
    expect(view?.actions.map((a) => [a.text, a.ownerId])).toEqual([
      ['Read the module on scaling questions', 'demo-learner'],
      ['Send the practice vignette', 'demo-mentor'],
    ]);
  });

  it('draws one more action row for Add another action and saves nothing', async () => {
    const result = await record({ intent: 'add-action' });
    expect(result.status).toBe(200);
    expect(result.actionRows).toBe(4);
    expect(result.values['actions[0].text']).toBe('Read the module on scaling questions');
    expect(await countSessions()).toBe(0);
  });

  it('answers a stale revision with 409, keeps the typed summary and private note, and changes nothing', async () => {
    const id = idFrom((await record()).redirect);
    const tabOne = await record({ requestKey: 'key-1', revision: '0', sharedSummary: 'First tab summary' }, { id });
    expect(tabOne.status).toBe(303);
    const tabTwo = await record({ revision: '0', sharedSummary: 'Second tab summary', privateNotes: 'Second tab note' }, { id });
    expect(tabTwo.status).toBe(409);
    expect(tabTwo.values.sharedSummary).toBe('Second tab summary');
    expect(tabTwo.values.privateNotes).toBe('Second tab note');
    const [row] = await database.db.select().from(mentoringSessions).where(eq(mentoringSessions.id, id));
    expect(row?.sharedSummary).toBe('First tab summary');
    expect(row?.revision).toBe(1);
    const [note] = await database.db.select().from(sessionPrivateNotes).where(eq(sessionPrivateNotes.sessionId, id));
    expect(note?.text).toBe(NOTE);
  });

  it('rejects bad input beside each field with 422 and saves nothing', async () => {
    const result = await record({
      date: '2028-01-10',
      durationMinutes: '481',
      'actions[0].text': '',
      'actions[0].owner': 'mentee',
      'actions[0].due': '2026-12-12',
    });
    expect(result.status).toBe(422);
    expect(result.errors.date?.key).toBe('sessions.errors.dateTooFar');
    expect(result.errors.durationMinutes?.key).toBe('sessions.errors.duration');
    expect(result.errors['actions[0].text']?.key).toBe('sessions.errors.actionText');
    expect(result.values.privateNotes).toBe(NOTE);
    expect(await countSessions()).toBe(0);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'session.created'))).toHaveLength(0);
  });

  it('accepts 5 and 480 minutes but not 4', async () => {
    expect((await record({ ...NO_ACTIONS, requestKey: 'a', durationMinutes: '5' })).status).toBe(303);
    expect((await record({ ...NO_ACTIONS, requestKey: 'b', durationMinutes: '480' })).status).toBe(303);
    expect((await record({ ...NO_ACTIONS, requestKey: 'c', durationMinutes: '4' })).errors.durationMinutes?.key).toBe('sessions.errors.duration');
  });

  it('keeps no topic on a 1:1 session', async () => {
    const id = idFrom((await record({ topic: 'Not for a 1:1' })).redirect);
    const [row] = await database.db.select().from(mentoringSessions).where(eq(mentoringSessions.id, id));
    expect(row?.topic).toBeNull();
  });

  it('refuses a mentee of another mentor and a person of another organisation as a field error', async () => {
    const otherMentors = await record({ menteeId: 'demo-p11' });
    expect(otherMentors.status).toBe(422);
    expect(otherMentors.errors.menteeId?.key).toBe('sessions.errors.mentee');
    const otherOrganisation = await record({ menteeId: 'demo-other-p01' });
    expect(otherOrganisation.errors.menteeId?.key).toBe('sessions.errors.mentee');
    expect(await countSessions()).toBe(0);
  });

  it('audits created and edited sessions with the session id only', async () => {
    const id = idFrom((await record()).redirect);
    await record({ revision: '0' }, { id });
    const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, 'demo-mentor'));
    const sessionRows = rows.filter((r) => r.action.startsWith('session.'));
    expect(sessionRows.map((r) => r.action).sort()).toEqual(['session.created', 'session.edited']);
    for (const row of sessionRows) expect(row.detail).toEqual({ sessionId: id });
  });

  it('audits a cancelled session with its id only, and nothing for another mentor’s try', async () => {
    const id = idFrom((await record({ date: '2026-12-15' })).redirect);
    expect((await cancelSession(await scopeOf(database.db, 'demo-mentor-2', NOW), id, 0, null)).ok).toBe(false);
    expect((await cancelSession(await scopeOf(database.db, 'demo-mentor', NOW), id, 0, null)).ok).toBe(true);
    const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'session.cancelled'));
    expect(rows.map((r) => [r.actorId, r.detail])).toEqual([['demo-mentor', { sessionId: id }]]);
  });
});

describe('carrying actions forward', () => {
  it('opens the next session with the open actions, and a carried action keeps its history', async () => {
    const firstId = idFrom((await record({ date: '2026-11-20' })).redirect);
    const mentor = await scopeOf(database.db, 'demo-mentor', NOW);
    const open = await previousOpenActions(mentor, 'demo-learner');
    expect(open.map((a) => a.text)).toEqual(['Read the module on scaling questions', 'Send the practice vignette']);
    const [readModule, sendVignette] = open;

    const secondId = idFrom(
      (
        await record({
          requestKey: 'key-2',
          date: '2026-12-04',
          [`carry[${readModule!.id}]`]: 'carry',
          [`carry[${sendVignette!.id}]`]: 'done',
          'actions[0].text': 'Try a scaling question with the Jones family',
          'actions[1].text': '',
          'actions[1].due': '',
        })
      ).redirect,
    );
    const second = await sessionView(mentor, secondId);
    expect(second?.actions.map((a) => [a.text, a.state, a.firstAgreedOn, a.carriedTimes])).toEqual([
      ['Read the module on scaling questions', 'open', '2026-11-20', 1],
      ['Try a scaling question with the Jones family', 'open', null, 0],
    ]);
    const first = await sessionView(mentor, firstId);
    expect(first?.actions.map((a) => a.state)).toEqual(['carried', 'done']);
    const [carried] = await database.db.select().from(agreedActions).where(and(eq(agreedActions.sessionId, secondId), eq(agreedActions.position, 0)));
    expect(carried?.carriedFromId).toBe(readModule!.id);
  });
});

describe('earlier open actions with the same mentee', () => {
  it('must each be decided: a new session posted without the decisions shows them again with 422, keeps everything typed and saves nothing', async () => {
    await record({ requestKey: 'first', date: '2026-11-20' });
    const earlier = await database.db.select().from(agreedActions);
    // The plain form: the mentee was picked in the select, so the earlier actions were never shown.
    const typed = { requestKey: 'second', date: '2026-12-04', sharedSummary: 'Second session summary', privateNotes: 'Second private note', 'actions[0].text': 'Plan a joint visit', 'actions[1].text': '', 'actions[1].due': '' };
    const refused = await record(typed);
    expect(refused.status).toBe(422);
    expect(Object.fromEntries(Object.entries(refused.errors).map(([field, error]) => [field, error.key]))).toEqual(
      Object.fromEntries(earlier.map((a) => [`carry[${a.id}]`, 'sessions.errors.carryUndecided'])),
    );
    expect(refused.values).toMatchObject({ sharedSummary: 'Second session summary', privateNotes: 'Second private note', 'actions[0].text': 'Plan a joint visit', menteeId: 'demo-learner' });
    expect(await countSessions()).toBe(1);
    expect((await database.db.select().from(agreedActions)).map((a) => a.state)).toEqual(['open', 'open']);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'session.created'))).toHaveLength(1);

    // Posted again with a decision for each (as the re-shown form asks), the session is saved.
    const [readModule, sendVignette] = await previousOpenActions(await scopeOf(database.db, 'demo-mentor', NOW), 'demo-learner');
    const saved = await record({ ...refused.values, [`carry[${readModule!.id}]`]: 'drop', [`carry[${sendVignette!.id}]`]: 'done' } as Record<string, string | string[]>);
    expect(saved.status).toBe(303);
    const states = Object.fromEntries((await database.db.select().from(agreedActions)).map((a) => [a.text, a.state]));
    expect(states).toEqual({ 'Read the module on scaling questions': 'dropped', 'Send the practice vignette': 'done', 'Plan a joint visit': 'open' });
  });

  it('need no decision when the mentee has none open, or for a double-clicked Save', async () => {
    const first = await record({ requestKey: 'only' });
    expect(first.status).toBe(303);
    const again = await record({ requestKey: 'only' });
    expect(again.status).toBe(303);
    expect(idFrom(again.redirect)).toBe(idFrom(first.redirect));
    expect(await countSessions()).toBe(1);
  });
});

describe('invitations', () => {
  it('sends REQUEST with SEQUENCE 0, an update with SEQUENCE 1 and CANCEL with SEQUENCE 2, one UID, in the mentee’s language', async () => {
    smtp = await startSmtpServer();
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    const planned = await record({ date: '2026-12-15', startsAt: '14:00' }, { mailer });
    const id = idFrom(planned.redirect);
    expect(planned.redirect).toContain('change=planned');
    await record({ revision: '0', date: '2026-12-15', startsAt: '15:30' }, { id, mailer });
    const cancelled = await sessionForm(await ctx('demo-mentor', { mailer }), formPost({ intent: 'cancel', revision: '1' }), id);
    expect(cancelled.status).toBe(303);

    expect(smtp.received.map((m) => m.to)).toEqual([['learner@camau.example'], ['learner@camau.example'], ['learner@camau.example']]);
    const files = smtp.received.map((m) => parsed(m.calendar!.content));
    const uid = `mentoring-session-${id}@camau.test`;
    expect(files).toEqual([
      { method: 'REQUEST', uid, sequence: 0 },
      { method: 'REQUEST', uid, sequence: 1 },
      { method: 'CANCEL', uid, sequence: 2 },
    ]);
    // Elin Hughes reads Welsh.
    expect(smtp.received[0]!.subject).toMatch(/^Sesiwn fentora/);
    expect(smtp.received[1]!.subject).toMatch(/^Wedi newid/);
    expect(smtp.received[2]!.subject).toMatch(/^Wedi’i chanslo/);
    expect(smtp.received[1]!.calendar!.content).toContain('DTSTART;TZID=Europe/London:20261215T153000');
    expect(smtp.received.every((m) => !m.text.includes(NOTE) && !m.calendar!.content.includes(NOTE))).toBe(true);
  });

  it('sends nothing for a session recorded after it happened', async () => {
    smtp = await startSmtpServer();
    await record({}, { mailer: smtpMailer(smtp.url, 'Camau <no-reply@camau.test>') });
    expect(smtp.received).toHaveLength(0);
  });

  it('lets the mentee download the calendar file, but not another mentor', async () => {
    const id = idFrom((await record({ date: '2026-12-15' })).redirect);
    const ics = await sessionCalendarFor(await scopeOf(database.db, 'demo-learner', NOW), id, PUBLIC_URL);
    expect(parsed(ics!)).toEqual({ method: 'REQUEST', uid: `mentoring-session-${id}@camau.test`, sequence: 0 });
    expect(await sessionCalendarFor(await scopeOf(database.db, 'demo-mentor-2', NOW), id, PUBLIC_URL)).toBeNull();
  });
});

describe('CPD time for a recorded session', () => {
  const entriesOf = (personId: string) => database.db.select().from(cpdEntries).where(eq(cpdEntries.personId, personId));

  it('gives the mentee the minutes, discussed with the mentor on the date, and corrects them on edit', async () => {
    const id = idFrom((await record()).redirect);
    let [entry] = await entriesOf('demo-learner');
    expect(entry).toMatchObject({ kind: 'mentoring', sourceId: id, minutes: 60, discussedWith: 'mentor', discussedOn: '2026-12-01', titleEn: 'Mentoring session with Gwenno Parry' });
    await record({ revision: '0', durationMinutes: '45' }, { id });
    const entries = await entriesOf('demo-learner');
    expect(entries).toHaveLength(1);
    [entry] = entries;
    expect(entry?.minutes).toBe(45);
  });

  it('gives no time for a planned session, and removes it when a session is cancelled', async () => {
    const id = idFrom((await record({ date: '2026-12-15' })).redirect);
    expect(await entriesOf('demo-learner')).toHaveLength(0);
    const result = await cancelSession(await scopeOf(database.db, 'demo-mentor', NOW), id, 0, null);
    expect(result.ok).toBe(true);
    expect(await entriesOf('demo-learner')).toHaveLength(0);
  });
});

describe('the private note', () => {
  it('is read by its author only, and never appears in the mentee’s views, the audit log, the CPD pack, the CPD record and reflective log exports or the overview CSV', async () => {
    const id = idFrom((await record()).redirect);
    const mentor = await scopeOf(database.db, 'demo-mentor', NOW);
    const mentee = await scopeOf(database.db, 'demo-learner', NOW);
    const admin = await scopeOf(database.db, 'demo-admin', NOW);
    expect(await privateNoteOf(mentor, id)).toBe(NOTE);
    expect(await privateNoteOf(mentee, id)).toBeNull();
    expect(await privateNoteOf(admin, id)).toBeNull();

    expect(JSON.stringify(await sessionView(mentor, id))).not.toContain(NOTE);
    expect(JSON.stringify(await sessionView(mentee, id))).not.toContain(NOTE);
    expect(JSON.stringify(await mySessions(mentee))).not.toContain(NOTE);
    expect(JSON.stringify(await myOpenActions(mentee))).not.toContain(NOTE);
    const audit = await database.db.select().from(auditEvents);
    expect(JSON.stringify(audit)).not.toContain(NOTE);
    // The records /cpd.csv and /reflective-log.csv are made from (the routes add content titles; e2e reads the files).
    const entries = await listCpdEntries(mentee);
    expect(entries.map((e) => e.titleEn)).toContain('Mentoring session with Gwenno Parry');
    expect(JSON.stringify(entries)).not.toContain(NOTE);
    expect(JSON.stringify(await listReflections(mentee))).not.toContain(NOTE);
    for (const locale of ['en', 'cy'] as const) {
      const csv = cpdPackCsv(await cpdPack(mentee, locale, { from: '2026-01-01', to: '2026-12-31' }), locale);
      expect(csv).toContain(locale === 'en' ? 'Mentoring session with Gwenno Parry' : 'Sesiwn fentora gyda Gwenno Parry');
      expect(csv).not.toContain(NOTE);
      const overview = overviewCsv(await mentorOverview(mentor, { catalogue: [], outline: [], panel: new Map() }), locale);
      expect(overview).toContain('Elin Hughes');
      expect(overview).not.toContain(NOTE);
    }
  });
});

describe('who may see and change a session', () => {
  async function otherOrganisationMentor() {
    await database.db.insert(personRoles).values({ personId: 'demo-other-admin', role: 'mentor' });
    await database.db.insert(mentorLinks).values({ menteeId: 'demo-other-p01', mentorId: 'demo-other-admin', createdAt: NOW });
  }

  it('shows nothing to another mentor, a manager of another team, or another organisation', async () => {
    const id = idFrom((await record()).redirect);
    await otherOrganisationMentor();
    await database.db.update(people).set({ status: 'active' }).where(eq(people.id, 'demo-other-admin'));
    for (const personId of ['demo-mentor-2', 'demo-manager-2', 'demo-manager', 'demo-admin', 'demo-other-admin', 'demo-p01']) {
      const scope = await scopeOf(database.db, personId, NOW);
      expect(await sessionView(scope, id), personId).toBeNull();
      expect(await sessionCalendarFor(scope, id, PUBLIC_URL), personId).toBeNull();
    }
  });

  it('writes nothing when another mentor edits or cancels the session', async () => {
    const id = idFrom((await record({ date: '2026-12-15' })).redirect);
    const before = await database.db.select().from(mentoringSessions);
    const edit = await record({ revision: '0', sharedSummary: 'Not mine' }, { id, as: 'demo-mentor-2' });
    expect(edit.status).toBe(404);
    expect(edit.notFound).toBe(true);
    const cancel = await sessionForm(await ctx('demo-mentor-2'), formPost({ intent: 'cancel', revision: '0' }), id);
    expect(cancel.status).toBe(404);
    expect(await database.db.select().from(mentoringSessions)).toEqual(before);
    expect((await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, 'demo-mentor-2'))).length).toBe(0);
  });

  it('does not let another organisation’s mentor edit it', async () => {
    const id = idFrom((await record()).redirect);
    await otherOrganisationMentor();
    const edit = await record({ revision: '0', sharedSummary: 'Not mine' }, { id, as: 'demo-other-admin' });
    expect(edit.status).toBe(404);
    const [row] = await database.db.select().from(mentoringSessions).where(eq(mentoringSessions.id, id));
    expect(row?.sharedSummary).toBe('We went over the strengths-based conversation.');
  });
});

describe('My mentoring', () => {
  it('lets the mentee mark their own action done, but not the mentor’s', async () => {
    const id = idFrom((await record()).redirect);
    const mentee = await scopeOf(database.db, 'demo-learner', NOW);
    const view = await sessionView(mentee, id);
    const [mine, mentors] = view!.actions;
    const done = await myMentoringForm({ scope: mentee, locale: 'cy' }, formPost({ intent: 'done', actionId: mine!.id }));
    expect(done.status).toBe(303);
    const refused = await myMentoringForm({ scope: mentee, locale: 'cy' }, formPost({ intent: 'done', actionId: mentors!.id }));
    expect(refused.status).toBe(422);
    const states = await database.db.select({ id: agreedActions.id, state: agreedActions.state }).from(agreedActions);
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({ [mine!.id]: 'done', [mentors!.id]: 'open' });
    expect(await myOpenActions(mentee)).toHaveLength(0);
  });

  it('adds what the mentee took from a session, and refuses an empty line with the text kept', async () => {
    const id = idFrom((await record()).redirect);
    const mentee = await scopeOf(database.db, 'demo-learner', NOW);
    const empty = await myMentoringForm({ scope: mentee, locale: 'en' }, formPost({ intent: 'takeaway', sessionId: id, takeaway: '   ' }));
    expect(empty.status).toBe(422);
    expect(empty.errors.takeaway?.key).toBe('sessions.errors.takeaway');
    const added = await myMentoringForm({ scope: mentee, locale: 'en' }, formPost({ intent: 'takeaway', sessionId: id, takeaway: 'Ask scaling questions earlier' }));
    expect(added.status).toBe(303);
    const [session] = await mySessions(mentee);
    expect(session?.takeaways.map((t) => t.text)).toEqual(['Ask scaling questions earlier']);
    const stranger = await scopeOf(database.db, 'demo-p01', NOW);
    const refused = await myMentoringForm({ scope: stranger, locale: 'en' }, formPost({ intent: 'takeaway', sessionId: id, takeaway: 'Not my session' }));
    expect(refused.status).toBe(404);
  });
});
