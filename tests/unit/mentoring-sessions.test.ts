import { describe, expect, it } from 'vitest';
import {
  actionHistory,
  carryForward,
  checkSession,
  earliestSessionDate,
  filledActions,
  latestSessionDate,
  sessionState,
  awaitsRecording,
  SESSION_TOPIC_MAX,
  type AgreedAction,
  type SessionInput,
} from '../../src/domain/mentoring/index.ts';

const today = '2026-12-05';
const session = (over: Partial<SessionInput> = {}): SessionInput => ({
  kind: 'one-to-one',
  menteeId: 'mentee-1',
  date: today,
  startsAt: '10:00',
  durationMinutes: 60,
  format: 'in-person',
  focus: ['conversations'],
  sharedSummary: 'We looked at opening questions.',
  privateNotes: '',
  actions: [],
  ...over,
});

describe('the rules for a session', () => {
  it('accept a well-formed 1:1 session', () => {
    expect(checkSession(session(), today)).toEqual({});
  });

  it('accept durations from 5 to 480 minutes and refuse 4, 481 and part minutes', () => {
    expect(checkSession(session({ durationMinutes: 5 }), today)).toEqual({});
    expect(checkSession(session({ durationMinutes: 480 }), today)).toEqual({});
    expect(checkSession(session({ durationMinutes: 4 }), today)).toEqual({ durationMinutes: 'sessions.errors.duration' });
    expect(checkSession(session({ durationMinutes: 481 }), today)).toEqual({ durationMinutes: 'sessions.errors.duration' });
    expect(checkSession(session({ durationMinutes: 30.5 }), today)).toEqual({ durationMinutes: 'sessions.errors.duration' });
  });

  it('accept a date up to 365 days from today either way and refuse 366', () => {
    expect(checkSession(session({ date: '2027-12-05' }), today)).toEqual({});
    expect(checkSession(session({ date: '2025-12-05' }), today)).toEqual({});
    expect(checkSession(session({ date: '2027-12-06' }), today)).toEqual({ date: 'sessions.errors.dateTooFar' });
    expect(checkSession(session({ date: '2025-12-04' }), today)).toEqual({ date: 'sessions.errors.dateTooFar' });
    expect(latestSessionDate(today)).toBe('2027-12-05');
    expect(earliestSessionDate(today)).toBe('2025-12-05');
  });

  it('refuse a date or start time that is not real', () => {
    expect(checkSession(session({ date: '2026-02-30', startsAt: '24:00' }), today)).toEqual({ date: 'sessions.errors.date', startsAt: 'sessions.errors.time' });
  });

  it('need the mentee of a 1:1 and the group of a group session', () => {
    expect(checkSession(session({ menteeId: '' }), today)).toEqual({ menteeId: 'sessions.errors.mentee' });
    expect(checkSession(session({ kind: 'group', menteeId: undefined, topic: 'Scaling questions' }), today)).toEqual({ groupId: 'sessions.errors.group' });
    expect(checkSession(session({ kind: 'group', menteeId: undefined, groupId: 'g1', topic: 'Scaling questions' }), today)).toEqual({});
  });

  it('need a topic of at most 200 characters for a group session, and ignore one on a 1:1', () => {
    const group = { kind: 'group' as const, menteeId: undefined, groupId: 'g1' };
    expect(checkSession(session({ ...group }), today)).toEqual({ topic: 'sessions.errors.topic' });
    expect(checkSession(session({ ...group, topic: '   ' }), today)).toEqual({ topic: 'sessions.errors.topic' });
    expect(checkSession(session({ ...group, topic: 'x'.repeat(SESSION_TOPIC_MAX) }), today)).toEqual({});
    expect(checkSession(session({ ...group, topic: 'x'.repeat(SESSION_TOPIC_MAX + 1) }), today)).toEqual({ topic: 'sessions.errors.topicTooLong' });
    expect(checkSession(session({ topic: '' }), today)).toEqual({});
  });

  it('refuse a format or focus outside the vocabulary (a tampered form)', () => {
    const tampered = session({ format: 'carrier-pigeon' as never, focus: ['gossip' as never] });
    expect(checkSession(tampered, today)).toEqual({ format: 'sessions.errors.format', focus: 'sessions.errors.focus' });
  });

  it('ignore blank action rows, however many the form sent', () => {
    const blank = { text: ' ', ownerId: '', dueDate: '' };
    const actions = [blank, { text: 'Read the module', ownerId: 'mentee-1', dueDate: '2026-12-18' }, blank];
    expect(checkSession(session({ actions }), today)).toEqual({});
    expect(filledActions(actions)).toEqual([{ index: 1, action: actions[1] }]);
  });

  it('refuse an action with an owner or date but no text, beside that row’s text field', () => {
    const actions = [{ text: 'Fine', ownerId: 'm', dueDate: '2026-12-18' }, { text: '', ownerId: 'mentee-1', dueDate: '' }];
    expect(checkSession(session({ actions }), today)).toEqual({ 'actions[1].text': 'sessions.errors.actionText', 'actions[1].due': 'sessions.errors.actionDue' });
  });

  it('need who does an action and by when', () => {
    expect(checkSession(session({ actions: [{ text: 'Practise reflections', ownerId: '', dueDate: '' }] }), today))
      .toEqual({ 'actions[0].owner': 'sessions.errors.actionOwner', 'actions[0].due': 'sessions.errors.actionDue' });
  });

  it('refuse an action due beyond the bank holiday data', () => {
    expect(checkSession(session({ actions: [{ text: 'Later', ownerId: 'm', dueDate: '2031-01-06' }] }), today))
      .toEqual({ 'actions[0].due': 'sessions.errors.actionDueOutOfRange' });
  });
});

describe('a session’s state', () => {
  const now = { date: '2026-12-05', time: '10:00' };
  it('is planned before its start, recorded from its start, and cancelled whenever cancelled', () => {
    expect(sessionState('2026-12-05', '10:01', now, false)).toBe('planned');
    expect(sessionState('2026-12-05', '10:00', now, false)).toBe('recorded');
    expect(sessionState('2026-11-20', '15:30', now, false)).toBe('recorded');
    expect(sessionState('2026-12-20', '09:00', now, true)).toBe('cancelled');
  });

  it('waits to be recorded once a planned session’s start has passed, and never when recorded or cancelled', () => {
    expect(awaitsRecording({ date: '2026-12-05', startsAt: '09:59', state: 'planned' }, now)).toBe(true);
    expect(awaitsRecording({ date: '2026-12-05', startsAt: '10:01', state: 'planned' }, now)).toBe(false);
    expect(awaitsRecording({ date: '2026-11-20', startsAt: '15:30', state: 'recorded' }, now)).toBe(false);
    expect(awaitsRecording({ date: '2026-11-20', startsAt: '15:30', state: 'cancelled' }, now)).toBe(false);
  });
});

const action = (id: string, over: Partial<AgreedAction> = {}): AgreedAction => ({
  id,
  sessionId: 's1',
  position: 0,
  text: `Action ${id}`,
  ownerId: 'mentee-1',
  dueDate: '2026-12-10',
  state: 'open',
  carriedFromId: null,
  doneAt: null,
  doneBy: null,
  updatedAt: 1,
  ...over,
});

describe('carrying the previous session’s open actions forward', () => {
  const now = 1_765_000_000_000;
  const open = [action('a', { position: 0 }), action('b', { position: 1 }), action('c', { position: 2 })];

  it('marks done, drops, or carries each action as decided', () => {
    const { updates, inserts } = carryForward(open, { a: 'done', b: 'drop', c: 'carry' }, 's2', now, { actorId: 'mentor-1' });
    expect(updates).toEqual([
      { id: 'a', state: 'done', doneAt: now, doneBy: 'mentor-1', updatedAt: now },
      { id: 'b', state: 'dropped', doneAt: null, doneBy: null, updatedAt: now },
      { id: 'c', state: 'carried', doneAt: null, doneBy: null, updatedAt: now },
    ]);
    expect(inserts).toEqual([
      { sessionId: 's2', position: 0, text: 'Action c', ownerId: 'mentee-1', dueDate: '2026-12-10', state: 'open', carriedFromId: 'c', updatedAt: now },
    ]);
  });

  it('carries an action nobody decided about', () => {
    const { updates, inserts } = carryForward(open, { a: 'done' }, 's2', now);
    expect(updates.map((u) => u.state)).toEqual(['done', 'carried', 'carried']);
    expect(inserts.map((i) => [i.carriedFromId, i.position])).toEqual([['b', 0], ['c', 1]]);
  });

  it('keeps text, owner and due date unless the mentor edited them', () => {
    const { inserts } = carryForward([action('a')], {}, 's2', now, { edits: { a: { dueDate: '2027-01-08', text: '  ' } } });
    expect(inserts[0]).toMatchObject({ text: 'Action a', ownerId: 'mentee-1', dueDate: '2027-01-08' });
  });

  it('leaves actions that are no longer open alone', () => {
    expect(carryForward([action('a', { state: 'done' })], { a: 'drop' }, 's2', now)).toEqual({ updates: [], inserts: [] });
  });

  it('keeps the history of an action carried twice, oldest first', () => {
    const all = [
      action('a', { state: 'carried' }),
      action('a2', { sessionId: 's2', state: 'carried', carriedFromId: 'a' }),
      action('a3', { sessionId: 's3', carriedFromId: 'a2' }),
      action('other'),
    ];
    expect(actionHistory(all, 'a3').map((a) => a.id)).toEqual(['a', 'a2', 'a3']);
    expect(actionHistory(all, 'a').map((a) => a.id)).toEqual(['a']);
    expect(actionHistory(all, 'missing')).toEqual([]);
  });

  it('stops following a history that loops back on itself (bad data never hangs a page)', () => {
    const looped = [action('x', { carriedFromId: 'y' }), action('y', { carriedFromId: 'x' })];
    expect(actionHistory(looped, 'x').map((a) => a.id)).toEqual(['y', 'x']);
  });
});
