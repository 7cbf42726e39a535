import { describe, expect, it } from 'vitest';
import {
  mayOnAssignment,
  mayOnGroup,
  mayOnPerson,
  mayOnSession,
  mayOnSubmission,
  type AssignmentTarget,
  type GroupTarget,
  type PersonTarget,
  type SessionTarget,
  type SubmissionTarget,
} from '../../src/server/access/policy.ts';
import { actor, ORG, otherOrganisation } from '../support/policy-actors.ts';

const mentee = actor('mentee', ['learner'], { teamIds: ['team-a'] });
const mentor = actor('mentor', ['mentor'], { menteeIds: ['mentee'] });
const otherMentor = actor('other-mentor', ['mentor'], { menteeIds: ['someone-else'] });
const manager = actor('manager', ['manager'], { managedTeamIds: ['team-a'] });
const admin = actor('admin', ['admin']);
const colleague = actor('colleague', ['learner'], { teamIds: ['team-a'] });

const menteeRecord: PersonTarget = { id: 'mentee', organisationId: ORG, teamIds: ['team-a'] };
const groupMemberRecord: PersonTarget = { id: 'group-member', organisationId: ORG, teamIds: ['team-b'] };

describe('mentoring actions on a person', () => {
  it('a mentor may assign work to their mentee', () => {
    expect(mayOnPerson(mentor, 'mentoring.assign', menteeRecord)).toBe(true);
  });

  it('a mentor cannot assign to a group member who is not their mentee', () => {
    expect(mayOnPerson(mentor, 'mentoring.assign', groupMemberRecord)).toBe(false);
  });

  it('neither an administrator nor a manager may assign mentoring work', () => {
    expect(mayOnPerson(admin, 'mentoring.assign', menteeRecord)).toBe(false);
    expect(mayOnPerson(manager, 'mentoring.assign', menteeRecord)).toBe(false);
  });

  it('only the person and their mentor follow their progress', () => {
    expect(mayOnPerson(mentor, 'mentoring.progress.view', menteeRecord)).toBe(true);
    expect(mayOnPerson(mentee, 'mentoring.progress.view', menteeRecord)).toBe(true);
    expect(mayOnPerson(colleague, 'mentoring.progress.view', menteeRecord)).toBe(false);
    expect(mayOnPerson(otherMentor, 'mentoring.progress.view', menteeRecord)).toBe(false);
    expect(mayOnPerson(manager, 'mentoring.progress.view', menteeRecord)).toBe(false);
    expect(mayOnPerson(admin, 'mentoring.progress.view', menteeRecord)).toBe(false);
  });

  it('assignment status is seen by the person, their mentor, a manager of their team and an administrator', () => {
    for (const who of [mentee, mentor, manager, admin]) expect(mayOnPerson(who, 'assignments.status.view', menteeRecord)).toBe(true);
    for (const who of [otherMentor, colleague]) expect(mayOnPerson(who, 'assignments.status.view', menteeRecord)).toBe(false);
  });

  it('session counts are seen by a manager of the person\'s team and an administrator, not by the mentor or the person', () => {
    expect(mayOnPerson(manager, 'sessions.counts.view', menteeRecord)).toBe(true);
    expect(mayOnPerson(admin, 'sessions.counts.view', menteeRecord)).toBe(true);
    expect(mayOnPerson(mentor, 'sessions.counts.view', menteeRecord)).toBe(false);
    expect(mayOnPerson(mentee, 'sessions.counts.view', menteeRecord)).toBe(false);
  });

  it('another organisation\'s mentor, manager or administrator gets no mentoring action', () => {
    for (const who of [mentor, manager, admin].map(otherOrganisation)) {
      for (const action of ['mentoring.assign', 'mentoring.progress.view', 'assignments.status.view', 'sessions.counts.view'] as const) {
        expect(mayOnPerson(who, action, menteeRecord)).toBe(false);
      }
    }
  });
});

describe('changing or withdrawing an assignment', () => {
  const owned: AssignmentTarget = { organisationId: ORG, menteeId: 'mentee', ownerId: 'mentor' };
  const passedOn: AssignmentTarget = { organisationId: ORG, menteeId: 'mentee', ownerId: null };

  it('its owner may change it', () => {
    expect(mayOnAssignment(mentor, 'assignment.change', owned)).toBe(true);
  });

  it('another mentor, the mentee and a manager may not', () => {
    for (const who of [otherMentor, mentee, manager]) expect(mayOnAssignment(who, 'assignment.change', owned)).toBe(false);
  });

  it('an administrator may not change a mentor\'s assignment while the mentor owns it', () => {
    expect(mayOnAssignment(admin, 'assignment.change', owned)).toBe(false);
  });

  it('any administrator may change work passed on to the administrators, and nobody else', () => {
    expect(mayOnAssignment(admin, 'assignment.change', passedOn)).toBe(true);
    expect(mayOnAssignment(mentor, 'assignment.change', passedOn)).toBe(false);
  });

  it('another organisation is denied, and so is someone not signed in', () => {
    expect(mayOnAssignment(otherOrganisation(mentor), 'assignment.change', owned)).toBe(false);
    expect(mayOnAssignment(otherOrganisation(admin), 'assignment.change', passedOn)).toBe(false);
    expect(mayOnAssignment(null, 'assignment.change', owned)).toBe(false);
  });
});

describe('submitted work and its feedback', () => {
  const secondMarker = actor('second', ['mentor']);
  const submission = (extra: Partial<SubmissionTarget> = {}): SubmissionTarget => ({
    organisationId: ORG,
    menteeId: 'mentee',
    reviewerId: 'mentor',
    secondMarkerIds: ['second'],
    released: false,
    ...extra,
  });

  it('the mentee views their own submission', () => {
    expect(mayOnSubmission(mentee, 'submission.view', submission())).toBe(true);
  });

  it('the mentee reads feedback only once it is released', () => {
    expect(mayOnSubmission(mentee, 'feedback.read', submission())).toBe(false);
    expect(mayOnSubmission(mentee, 'feedback.read', submission({ released: true }))).toBe(true);
  });

  it('the mentee cannot review or second-mark their own work', () => {
    expect(mayOnSubmission(mentee, 'submission.review', submission({ reviewerId: 'mentee' }))).toBe(false);
    expect(mayOnSubmission(mentee, 'submission.second-mark', submission({ secondMarkerIds: ['mentee'] }))).toBe(false);
  });

  it('the reviewer views and reviews', () => {
    expect(mayOnSubmission(mentor, 'submission.view', submission())).toBe(true);
    expect(mayOnSubmission(mentor, 'submission.review', submission())).toBe(true);
  });

  it('a second marker views and second-marks', () => {
    expect(mayOnSubmission(secondMarker, 'submission.view', submission())).toBe(true);
    expect(mayOnSubmission(secondMarker, 'submission.second-mark', submission())).toBe(true);
  });

  it('a second marker cannot review', () => {
    expect(mayOnSubmission(secondMarker, 'submission.review', submission())).toBe(false);
  });

  it('the reviewer is not a second marker unless asked', () => {
    expect(mayOnSubmission(mentor, 'submission.second-mark', submission())).toBe(false);
  });

  it('any administrator reviews work whose mentor has gone', () => {
    expect(mayOnSubmission(admin, 'submission.view', submission({ reviewerId: null }))).toBe(true);
    expect(mayOnSubmission(admin, 'submission.review', submission({ reviewerId: null }))).toBe(true);
  });

  it('an administrator does not review work a mentor holds', () => {
    expect(mayOnSubmission(admin, 'submission.view', submission())).toBe(false);
    expect(mayOnSubmission(admin, 'submission.review', submission())).toBe(false);
  });

  it('a manager cannot read feedback', () => {
    for (const action of ['submission.view', 'submission.review', 'submission.second-mark', 'feedback.read'] as const) {
      expect(mayOnSubmission(manager, action, submission({ released: true }))).toBe(false);
    }
  });

  it('nobody reads released feedback but the mentee', () => {
    for (const who of [mentor, secondMarker, admin, colleague]) expect(mayOnSubmission(who, 'feedback.read', submission({ released: true }))).toBe(false);
  });

  it('another organisation is denied everything, even its mentee and reviewer ids', () => {
    for (const who of [mentee, mentor, secondMarker, admin].map(otherOrganisation)) {
      for (const action of ['submission.view', 'submission.review', 'submission.second-mark', 'feedback.read'] as const) {
        expect(mayOnSubmission(who, action, submission({ released: true }))).toBe(false);
        expect(mayOnSubmission(who, action, submission({ released: true, reviewerId: null }))).toBe(false);
      }
    }
    expect(mayOnSubmission(null, 'submission.view', submission())).toBe(false);
  });
});

describe('mentoring sessions', () => {
  const oneToOne: SessionTarget = { organisationId: ORG, authorId: 'mentor', menteeId: 'mentee', attendeeIds: [] };
  const group: SessionTarget = { organisationId: ORG, authorId: 'mentor', menteeId: null, attendeeIds: ['colleague'] };

  it('the author, the mentee and a group\'s attendees view a session', () => {
    expect(mayOnSession(mentor, 'session.view', oneToOne)).toBe(true);
    expect(mayOnSession(mentee, 'session.view', oneToOne)).toBe(true);
    expect(mayOnSession(colleague, 'session.view', group)).toBe(true);
  });

  it('nobody else views a session, not even an administrator or a manager', () => {
    for (const who of [otherMentor, manager, admin, colleague]) expect(mayOnSession(who, 'session.view', oneToOne)).toBe(false);
  });

  it('only the author edits a session', () => {
    expect(mayOnSession(mentor, 'session.edit', oneToOne)).toBe(true);
    for (const who of [mentee, admin, otherMentor]) expect(mayOnSession(who, 'session.edit', oneToOne)).toBe(false);
  });

  it('only the author reads the private note', () => {
    expect(mayOnSession(mentor, 'session.private-notes', oneToOne)).toBe(true);
    expect(mayOnSession(mentee, 'session.private-notes', oneToOne)).toBe(false);
    expect(mayOnSession(colleague, 'session.private-notes', group)).toBe(false);
  });

  it('an admin cannot read a private note', () => {
    expect(mayOnSession(admin, 'session.private-notes', oneToOne)).toBe(false);
    expect(mayOnSession(admin, 'session.private-notes', { ...oneToOne, menteeId: 'admin' })).toBe(false);
  });

  it('the mentee or an attendee adds what they took from it; the author does not', () => {
    expect(mayOnSession(mentee, 'session.takeaway', oneToOne)).toBe(true);
    expect(mayOnSession(colleague, 'session.takeaway', group)).toBe(true);
    expect(mayOnSession(mentor, 'session.takeaway', oneToOne)).toBe(false);
  });

  it('another organisation is denied every session action', () => {
    for (const who of [mentor, mentee, admin].map(otherOrganisation)) {
      for (const action of ['session.view', 'session.edit', 'session.private-notes', 'session.takeaway'] as const) {
        expect(mayOnSession(who, action, oneToOne)).toBe(false);
      }
    }
  });
});

describe('mentoring groups', () => {
  const mentorsGroup: GroupTarget = { organisationId: ORG, mentorId: 'mentor', memberIds: ['mentee', 'colleague'] };

  it('the group\'s mentor views and edits it', () => {
    expect(mayOnGroup(mentor, 'group.view', mentorsGroup)).toBe(true);
    expect(mayOnGroup(mentor, 'group.edit', mentorsGroup)).toBe(true);
  });

  it('members, other mentors, managers and administrators do not', () => {
    for (const who of [mentee, colleague, otherMentor, manager, admin]) {
      expect(mayOnGroup(who, 'group.view', mentorsGroup)).toBe(false);
      expect(mayOnGroup(who, 'group.edit', mentorsGroup)).toBe(false);
    }
  });

  it('another organisation is denied', () => {
    expect(mayOnGroup(otherOrganisation(mentor), 'group.view', mentorsGroup)).toBe(false);
    expect(mayOnGroup(null, 'group.view', mentorsGroup)).toBe(false);
  });
});
