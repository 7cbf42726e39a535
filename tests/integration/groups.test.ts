import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { auditEvents, cpdEntries, groupMembers, mentoringGroups, mentoringSessions, people } from '../../db/schema/index.ts';
import { mayOnPerson } from '../../src/server/access/index.ts';
import { smtpMailer } from '../../src/server/mail/mailer.ts';
import { groupForm, groupView, listMyGroups, mySessions, sessionCalendarFor, sessionCountsFor, sessionForm, sessionView } from '../../src/server/mentoring/index.ts';
import type { Mailer } from '../../src/server/mail/index.ts';
import { personTarget } from '../../src/server/people/index.ts';
import { scopeOf } from '../support/scope.ts';
import { startSmtpServer } from './smtp.ts';
import { formPost, freshDatabase, PUBLIC_URL, quietMailer } from './support.ts';

const NOW = Date.parse('2026-12-05T12:00:00Z');
let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

async function makeGroup(fields: Record<string, string | string[]>, as = 'demo-mentor', groupId: string | null = null) {
  return groupForm({ scope: await scopeOf(database.db, as, NOW), locale: 'en', ip: null, mailer: quietMailer, publicUrl: PUBLIC_URL }, formPost(fields), groupId);
}
async function makeGroupWith(mailer: Mailer, fields: Record<string, string | string[]>, groupId: string) {
  return groupForm({ scope: await scopeOf(database.db, 'demo-mentor', NOW), locale: 'en', ip: null, mailer, publicUrl: PUBLIC_URL }, formPost(fields), groupId);
}
const idFrom = (redirect: string | null, area: string) => new RegExp(`/mentoring/${area}/([^?]+)`).exec(redirect ?? '')![1]!;

describe('support groups', () => {
  it('takes members from the mentor’s mentees and from any team of the organisation', async () => {
    const result = await makeGroup({ name: 'Reflective practice group', memberIds: ['demo-learner', 'demo-p03'] });
    expect(result.status).toBe(303);
    const group = await groupView(await scopeOf(database.db, 'demo-mentor', NOW), idFrom(result.redirect, 'groups'));
    expect(group?.members.map((m) => m.id).sort()).toEqual(['demo-learner', 'demo-p03']);
    expect(await listMyGroups(await scopeOf(database.db, 'demo-mentor', NOW))).toEqual([{ id: group!.id, name: 'Reflective practice group', members: 2 }]);
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'group.created'));
    expect(audit?.detail).toEqual({ groupId: group!.id });
  });

  it('audits a renamed group with its id only', async () => {
    const created = await makeGroup({ name: 'Reflective practice group', memberIds: ['demo-learner'] });
    const id = idFrom(created.redirect, 'groups');
    const renamed = await makeGroup({ name: 'Thursday group', memberIds: ['demo-learner', 'demo-p01'], revision: '0' }, 'demo-mentor', id);
    expect(renamed.status).toBe(303);
    const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'group.edited'));
    expect(rows.map((r) => [r.actorId, r.detail])).toEqual([['demo-mentor', { groupId: id }]]);
  });

  it('refuses a member from another organisation beside the field, and saves nothing', async () => {
    const result = await makeGroup({ name: 'Cross-border', memberIds: ['demo-learner', 'demo-other-p01'] });
    expect(result.status).toBe(422);
    expect(result.errors.memberIds?.key).toBe('groups.errors.member');
    expect(result.values.name).toBe('Cross-border');
    expect(await database.db.select().from(mentoringGroups)).toHaveLength(0);
    expect(await database.db.select().from(groupMembers)).toHaveLength(0);
  });

  it('keeps a member who is not the mentor’s mentee out of the mentor’s reach beyond the group', async () => {
    await makeGroup({ name: 'Group', memberIds: ['demo-p03'] });
    const mentor = await scopeOf(database.db, 'demo-mentor', NOW);
    const target = (await personTarget(database.db, 'demo-p03'))!;
    expect(mayOnPerson(mentor.viewer, 'person.view', target)).toBe(false);
    expect(mayOnPerson(mentor.viewer, 'mentoring.assign', target)).toBe(false);
  });

  it('is shown only to its mentor, and another mentor cannot change it', async () => {
    const id = idFrom((await makeGroup({ name: 'Mine', memberIds: ['demo-learner'] })).redirect, 'groups');
    for (const personId of ['demo-mentor-2', 'demo-learner', 'demo-manager', 'demo-admin', 'demo-other-admin']) {
      expect(await groupView(await scopeOf(database.db, personId, NOW), id), personId).toBeNull();
    }
    const edit = await makeGroup({ name: 'Taken over', memberIds: ['demo-p11'], revision: '0' }, 'demo-mentor-2', id);
    expect(edit.status).toBe(404);
    const [row] = await database.db.select().from(mentoringGroups).where(eq(mentoringGroups.id, id));
    expect(row?.name).toBe('Mine');
  });
});

describe('a group session', () => {
  it('records attendance, gives support-group CPD time to those present only, and each member sees the session', async () => {
    const groupId = idFrom((await makeGroup({ name: 'Thursday group', memberIds: ['demo-learner', 'demo-p03'] })).redirect, 'groups');
    const scope = await scopeOf(database.db, 'demo-mentor', NOW);
    const result = await sessionForm(
      { scope, locale: 'en', mailer: quietMailer, publicUrl: PUBLIC_URL, ip: null },
      formPost({
        requestKey: 'g1',
        kind: 'group',
        groupId,
        date: '2026-12-03',
        startsAt: '13:00',
        durationMinutes: '90',
        format: 'video',
        topic: 'Thresholds for a child protection conference',
        sharedSummary: 'Shared learning on thresholds.',
        privateNotes: 'Group dynamics note',
        'attendance[demo-learner]': 'present',
        'attendance[demo-p03]': 'apologies',
        'actions[0].text': 'Bring a case to discuss',
        'actions[0].owner': 'demo-p03',
        'actions[0].due': '2026-12-10',
      }),
    );
    expect(result.status).toBe(303);
    const id = idFrom(result.redirect, 'sessions');
    const entries = await database.db.select().from(cpdEntries).where(eq(cpdEntries.sourceId, id));
    expect(entries.map((e) => [e.personId, e.kind, e.minutes, e.titleEn])).toEqual([['demo-learner', 'support-group', 90, 'Support group: Thursday group']]);
    const member = await scopeOf(database.db, 'demo-p03', NOW);
    const view = await sessionView(member, id);
    expect(view?.attendees.find((a) => a.id === 'demo-p03')?.attendance).toBe('apologies');
    expect(view?.actions.map((a) => a.ownerId)).toEqual(['demo-p03']);
    expect((await mySessions(member)).map((s) => s.id)).toEqual([id]);
    expect(JSON.stringify(await mySessions(member))).not.toContain('Group dynamics note');
  });

  it('invites every member of a planned group session at once', async () => {
    const smtp = await startSmtpServer();
    try {
      const groupId = idFrom((await makeGroup({ name: 'Planned group', memberIds: ['demo-learner', 'demo-p03'] })).redirect, 'groups');
      const scope = await scopeOf(database.db, 'demo-mentor', NOW);
      await sessionForm(
        { scope, locale: 'en', mailer: smtpMailer(smtp.url, 'Camau <no-reply@camau.test>'), publicUrl: PUBLIC_URL, ip: null },
        formPost({ requestKey: 'g2', kind: 'group', groupId, topic: 'Scaling questions', date: '2026-12-17', startsAt: '13:00', durationMinutes: '60', format: 'in-person' }),
      );
      expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(['cai.pritchard@camau.example', 'learner@camau.example']);
      expect(smtp.received.every((m) => m.calendar?.contentType.match(/method=REQUEST/i))).toBe(true);
    } finally {
      await smtp.close();
    }
  });
});

describe('a manager’s view of sessions', () => {
  it('counts a team member’s recorded sessions with their dates and no text, and shows nothing to others', async () => {
    const scope = await scopeOf(database.db, 'demo-mentor', NOW);
    const context = { scope, locale: 'en' as const, mailer: quietMailer, publicUrl: PUBLIC_URL, ip: null };
    const fields = { kind: 'one-to-one', menteeId: 'demo-learner', startsAt: '10:00', durationMinutes: '60', format: 'phone', sharedSummary: 'Summary text', privateNotes: 'Secret text' };
    await sessionForm(context, formPost({ ...fields, requestKey: 'a', date: '2026-11-02' }));
    await sessionForm(context, formPost({ ...fields, requestKey: 'b', date: '2026-11-30' }));
    await sessionForm(context, formPost({ ...fields, requestKey: 'c', date: '2026-12-20' }));
    const counts = await sessionCountsFor(await scopeOf(database.db, 'demo-manager', NOW), 'demo-learner');
    expect(counts).toEqual({ count: 2, dates: ['2026-11-02', '2026-11-30'] });
    for (const personId of ['demo-manager-2', 'demo-mentor', 'demo-learner', 'demo-other-admin']) {
      expect(await sessionCountsFor(await scopeOf(database.db, personId, NOW), 'demo-learner'), personId).toBeNull();
    }
  });
});

/** Posts the Record a session form for a group as `as` (the demo mentor unless said). */
async function groupSession(fields: Record<string, string | string[]>, options: { as?: string; mailer?: Mailer } = {}) {
  const scope = await scopeOf(database.db, options.as ?? 'demo-mentor', NOW);
  return sessionForm(
    { scope, locale: 'en', mailer: options.mailer ?? quietMailer, publicUrl: PUBLIC_URL, ip: null },
    formPost({ requestKey: `k-${Math.random()}`, kind: 'group', date: '2026-12-17', startsAt: '13:00', durationMinutes: '60', format: 'in-person', sharedSummary: 'Typed summary', ...fields }),
  );
}
const summaryOf = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary');

describe('the topic of a group session', () => {
  it('is needed: without one the form answers 422 beside the field, keeps what was typed and saves nothing', async () => {
    const groupId = idFrom((await makeGroup({ name: 'Topic group', memberIds: ['demo-learner'] })).redirect, 'groups');
    const missing = await groupSession({ groupId, topic: '  ' });
    expect(missing.status).toBe(422);
    expect(missing.errors.topic?.key).toBe('sessions.errors.topic');
    expect(missing.values.sharedSummary).toBe('Typed summary');
    const tooLong = await groupSession({ groupId, topic: 'x'.repeat(201) });
    expect(tooLong.errors.topic?.key).toBe('sessions.errors.topicTooLong');
    expect(await database.db.select().from(mentoringSessions)).toHaveLength(0);
  });

  it('shows on the session, the group’s session list, the member’s My mentoring and the calendar invitation', async () => {
    const smtp = await startSmtpServer();
    try {
      const groupId = idFrom((await makeGroup({ name: 'Topic group', memberIds: ['demo-learner', 'demo-p03'] })).redirect, 'groups');
      const saved = await groupSession({ groupId, topic: 'Scaling questions with teenagers' }, { mailer: smtpMailer(smtp.url, 'Camau <no-reply@camau.test>') });
      const id = idFrom(saved.redirect, 'sessions');
      const mentor = await scopeOf(database.db, 'demo-mentor', NOW);
      const member = await scopeOf(database.db, 'demo-p03', NOW);
      expect((await sessionView(mentor, id))?.topic).toBe('Scaling questions with teenagers');
      expect((await groupView(mentor, groupId))?.sessions.map((s) => s.topic)).toEqual(['Scaling questions with teenagers']);
      expect((await mySessions(member)).map((s) => s.topic)).toEqual(['Scaling questions with teenagers']);
      // Cai Pritchard reads English, Elin Hughes Welsh.
      const summaries = Object.fromEntries(smtp.received.map((m) => [m.to[0], summaryOf(m.calendar!.content)]));
      expect(summaries).toEqual({
        'cai.pritchard@camau.example': 'Scaling questions with teenagers: support group with Gwenno Parry',
        'learner@camau.example': 'Scaling questions with teenagers: grŵp cymorth gyda Gwenno Parry',
      });
      const descriptions = smtp.received.map((m) => String(new ICAL.Component(ICAL.parse(m.calendar!.content)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('description')));
      expect(descriptions.every((d) => /(Topic|Pwnc): Scaling questions with teenagers\./.test(d))).toBe(true);
      expect(summaryOf((await sessionCalendarFor(member, id, PUBLIC_URL))!)).toBe('Scaling questions with teenagers: support group with Gwenno Parry');
    } finally {
      await smtp.close();
    }
  });
});

describe('a session posted for a group that is not the mentor’s', () => {
  it('is refused beside the group for another mentor’s group and another organisation’s group, and nothing is saved', async () => {
    const theirs = idFrom((await makeGroup({ name: 'Iwan’s group', memberIds: ['demo-p11'] }, 'demo-mentor-2')).redirect, 'groups');
    const [other] = await database.db.select({ organisationId: people.organisationId }).from(people).where(eq(people.id, 'demo-other-admin'));
    await database.db.insert(mentoringGroups).values({ id: 'other-org-group', organisationId: other!.organisationId, mentorId: 'demo-other-admin', name: 'Elsewhere', createdAt: NOW, updatedAt: NOW });
    await database.db.insert(groupMembers).values({ groupId: 'other-org-group', personId: 'demo-other-p01', addedAt: NOW });
    for (const groupId of [theirs, 'other-org-group']) {
      const result = await groupSession({ groupId, topic: 'Not my group' });
      expect(result.status, groupId).toBe(422);
      expect(result.errors.groupId?.key, groupId).toBe('sessions.errors.group');
    }
    expect(await database.db.select().from(mentoringSessions)).toHaveLength(0);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'session.created'))).toHaveLength(0);
  });
});

describe('cancelling a group', () => {
  async function groupWithSessions(mailer: Mailer = quietMailer) {
    const groupId = idFrom((await makeGroup({ name: 'Winding up', memberIds: ['demo-learner', 'demo-p03'] })).redirect, 'groups');
    const recorded = idFrom((await groupSession({ groupId, topic: 'Held already', date: '2026-12-01' })).redirect, 'sessions');
    const planned = idFrom((await groupSession({ groupId, topic: 'Still to come' }, { mailer })).redirect, 'sessions');
    return { groupId, recorded, planned };
  }
  const stateOf = async (id: string) => (await database.db.select().from(mentoringSessions).where(eq(mentoringSessions.id, id)))[0]?.state;

  it('needs the box ticked: otherwise 422 beside it and nothing changes', async () => {
    const { groupId, planned } = await groupWithSessions();
    const result = await makeGroup({ intent: 'cancel', revision: '0' }, 'demo-mentor', groupId);
    expect(result.status).toBe(422);
    expect(result.errors.confirm?.key).toBe('groups.errors.confirmCancel');
    expect((await database.db.select().from(mentoringGroups))[0]?.archivedAt).toBeNull();
    expect(await stateOf(planned)).toBe('planned');
  });

  it('archives the group, cancels its planned sessions with a CANCEL to each member, keeps recorded ones, and is audited', async () => {
    const smtp = await startSmtpServer();
    try {
      const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
      const { groupId, recorded, planned } = await groupWithSessions(mailer);
      const invitations = smtp.received.length;
      const result = await makeGroupWith(mailer, { intent: 'cancel', revision: '0', confirm: 'yes' }, groupId);
      expect(result.status).toBe(303);
      expect(result.redirect).toBe('/mentoring/groups?cancelled=1');
      expect((await database.db.select().from(mentoringGroups))[0]?.archivedAt).toBe(NOW);
      expect(await stateOf(planned)).toBe('cancelled');
      expect(await stateOf(recorded)).toBe('recorded');
      const cancellations = smtp.received.slice(invitations);
      expect(cancellations.flatMap((m) => m.to).sort()).toEqual(['cai.pritchard@camau.example', 'learner@camau.example']);
      expect(cancellations.every((m) => /method=CANCEL/i.test(m.calendar!.contentType))).toBe(true);
      const mentor = await scopeOf(database.db, 'demo-mentor', NOW);
      expect(await listMyGroups(mentor)).toEqual([]);
      expect((await groupView(mentor, groupId))?.cancelled).toBe(true);
      const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, 'demo-mentor'));
      expect(audit.filter((a) => a.action === 'group.cancelled').map((a) => a.detail)).toEqual([{ groupId }]);
      expect(audit.filter((a) => a.action === 'session.cancelled').map((a) => a.detail)).toEqual([{ sessionId: planned }]);
      // A cancelled group takes no new sessions and no edits.
      expect((await groupSession({ groupId, topic: 'After the end' })).errors.groupId?.key).toBe('sessions.errors.group');
      expect((await makeGroup({ name: 'Revived', memberIds: ['demo-learner'], revision: '1' }, 'demo-mentor', groupId)).status).toBe(404);
    } finally {
      await smtp.close();
    }
  });

  it('is not found for another mentor, and changes nothing', async () => {
    const { groupId, planned } = await groupWithSessions();
    const result = await makeGroup({ intent: 'cancel', revision: '0', confirm: 'yes' }, 'demo-mentor-2', groupId);
    expect(result.status).toBe(404);
    expect((await database.db.select().from(mentoringGroups))[0]?.archivedAt).toBeNull();
    expect(await stateOf(planned)).toBe('planned');
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'group.cancelled'))).toHaveLength(0);
  });

  it('answers a stale revision with 409 and changes nothing', async () => {
    const { groupId, planned } = await groupWithSessions();
    await makeGroup({ name: 'Renamed', memberIds: ['demo-learner', 'demo-p03'], revision: '0' }, 'demo-mentor', groupId);
    const result = await makeGroup({ intent: 'cancel', revision: '0', confirm: 'yes' }, 'demo-mentor', groupId);
    expect(result.status).toBe(409);
    expect(await stateOf(planned)).toBe('planned');
  });
});
