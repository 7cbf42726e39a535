import type { Role } from '../../domain/people/index.ts';

/** The signed-in person, as far as access decisions need to know them. */
export type Actor = {
  id: string;
  organisationId: string;
  roles: readonly Role[];
  /** The teams the person belongs to (workshops closed to some teams are open to their members). */
  teamIds: readonly string[];
  managedTeamIds: readonly string[];
  menteeIds: readonly string[];
  /** A platform operator: belongs to no council, holds no roles and opens only the operator's pages. */
  operator?: boolean;
};

/** A person record someone wants to see or change. */
export type PersonTarget = { id: string; organisationId: string; teamIds: readonly string[] };

export type OrganisationAction =
  | 'people.list'
  | 'people.invite'
  | 'people.import'
  | 'teams.manage'
  | 'audit.view'
  | 'outbox.view'
  | 'organisation.overview'
  | 'consistency.view'
  | 'rounds.open'
  | 'mentoring.workspace'
  | 'workshops.add'
  | 'training.needs.view'
  | 'training.rollout.view'
  | 'training.rules.manage'
  | 'training.phases.manage'
  | 'training.welsh-medium.view'
  | 'evaluation.report'
  | 'evaluation.indicators.manage'
  | 'evaluation.comparison.manage';
export type PersonAction =
  | 'person.view'
  | 'person.manage'
  | 'cpd.contribution.view'
  | 'mentoring.assign'
  | 'mentoring.progress.view'
  | 'assignments.status.view'
  | 'sessions.counts.view'
  | 'training.record.view'
  | 'training.need.override'
  | 'training.book-for';

const ADMIN_ONLY: readonly OrganisationAction[] = [
  'people.list',
  'people.invite',
  'people.import',
  'teams.manage',
  'audit.view',
  'outbox.view',
  'organisation.overview',
  'training.rules.manage',
  'training.phases.manage',
  'training.welsh-medium.view',
  'evaluation.indicators.manage',
  // Taking part in the anonymous comparison between councils is the council's decision.
  'evaluation.comparison.manage',
];

/** Whether the actor holds the role (a person may hold several). */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

// Group figures and calibration rounds are for those who support practitioners.
const SUPPORT_ROLES: readonly Role[] = ['mentor', 'manager', 'admin'];
// Workshops and the training figures are run by managers and administrators; the query limits a manager to their teams.
const TRAINING_ROLES: readonly Role[] = ['manager', 'admin'];
// An administrator's mentoring workspace holds only work whose mentor has gone.
const WORKSPACE_ROLES: readonly Role[] = ['mentor', 'admin'];

/** May the actor do this across their own organisation? Deny by default. */
export function mayInOrganisation(actor: Actor | null, action: OrganisationAction): boolean {
  if (!actor) return false;
  if (ADMIN_ONLY.includes(action)) return hasRole(actor, 'admin');
  if (action === 'consistency.view' || action === 'rounds.open') return SUPPORT_ROLES.some((role) => hasRole(actor, role));
  if (action === 'mentoring.workspace') return WORKSPACE_ROLES.some((role) => hasRole(actor, role));
  if (action === 'workshops.add' || action === 'training.needs.view' || action === 'training.rollout.view' || action === 'evaluation.report') {
    return TRAINING_ROLES.some((role) => hasRole(actor, role));
  }
  return false;
}

/** How the actor stands to a person: the relations that open their record. */
type Relation = 'self' | 'mentor' | 'manager' | 'admin';

function relationsTo(actor: Actor, target: PersonTarget): readonly Relation[] {
  const relations: Relation[] = [];
  if (actor.id === target.id) relations.push('self');
  if (hasRole(actor, 'mentor') && actor.menteeIds.includes(target.id)) relations.push('mentor');
  if (hasRole(actor, 'manager') && target.teamIds.some((teamId) => actor.managedTeamIds.includes(teamId))) relations.push('manager');
  if (hasRole(actor, 'admin')) relations.push('admin');
  return relations;
}

// Who may do what to a person's record. How learning contributed to someone's practice is theirs:
// not even an administrator reads it. Only the person's own mentor sets them work or follows their
// progress (besides the person); managers see counts of sessions, never what was said.
const PERSON_RULES: Record<PersonAction, readonly Relation[]> = {
  'person.view': ['self', 'mentor', 'manager', 'admin'],
  'person.manage': ['admin'],
  'cpd.contribution.view': ['self'],
  'mentoring.assign': ['mentor'],
  'mentoring.progress.view': ['self', 'mentor'],
  'assignments.status.view': ['self', 'mentor', 'manager', 'admin'],
  'sessions.counts.view': ['manager', 'admin'],
  'training.record.view': ['self', 'manager', 'admin'],
  'training.need.override': ['manager', 'admin'],
  'training.book-for': ['manager', 'admin'],
};

/**
 * May the actor do this to that person's record? Nobody crosses organisations. Everyone may
 * see themselves; a mentor sees their mentees; a manager sees people in teams they manage;
 * an admin sees and manages everyone in the organisation. Each action names who of these may.
 */
export function mayOnPerson(actor: Actor | null, action: PersonAction, target: PersonTarget): boolean {
  if (!actor || actor.organisationId !== target.organisationId) return false;
  const allowed = PERSON_RULES[action];
  return relationsTo(actor, target).some((relation) => allowed.includes(relation));
}

/** The parts of a person's page (/people/:id), in the order the page shows them. */
export const PERSON_SECTIONS = ['details', 'thresholdAnswers', 'cpd', 'assignmentStatus', 'progress', 'sessionCounts', 'trainingRecord'] as const;
export type PersonSection = (typeof PERSON_SECTIONS)[number];

// A person sees their own progress on their page; of others, only their mentor does.
const SECTION_RULES: Record<PersonSection, readonly Relation[]> = {
  details: PERSON_RULES['person.view'],
  thresholdAnswers: PERSON_RULES['person.view'],
  cpd: PERSON_RULES['person.view'],
  assignmentStatus: PERSON_RULES['assignments.status.view'],
  progress: PERSON_RULES['mentoring.progress.view'],
  sessionCounts: PERSON_RULES['sessions.counts.view'],
  trainingRecord: PERSON_RULES['training.record.view'],
};

/** The sections of /people/:id this viewer sees (none for a record they may not see). */
export function personSections(actor: Actor | null, target: PersonTarget): readonly PersonSection[] {
  if (!actor || actor.organisationId !== target.organisationId) return [];
  const relations = relationsTo(actor, target);
  return PERSON_SECTIONS.filter((section) => relations.some((relation) => SECTION_RULES[section].includes(relation)));
}

/** A mentee's piece of assigned work; `ownerId` null means its mentor has gone and the organisation's admins hold it. */
export type AssignmentTarget = { organisationId: string; menteeId: string; ownerId: string | null };

/** Change or withdraw an assignment: its owner; any admin of the organisation when no one owns it (work passed on to admins). */
export function mayOnAssignment(actor: Actor | null, action: 'assignment.change', target: AssignmentTarget): boolean {
  if (!actor || actor.organisationId !== target.organisationId || action !== 'assignment.change') return false;
  if (target.ownerId === null) return hasRole(actor, 'admin');
  return actor.id === target.ownerId;
}

/** Submitted work and its review; `reviewerId` null means its mentor has gone and any admin reviews it. */
export type SubmissionTarget = {
  organisationId: string;
  menteeId: string;
  reviewerId: string | null;
  secondMarkerIds: readonly string[];
  released: boolean;
};
export type SubmissionAction = 'submission.view' | 'submission.review' | 'submission.second-mark' | 'feedback.read';

/**
 * The mentee views their own work and reads feedback once it is released; the reviewer (any admin
 * when there is none) views and reviews; a second marker views and second-marks only. Nobody marks
 * their own work, and managers get nothing: feedback is between mentee and mentor.
 */
export function mayOnSubmission(actor: Actor | null, action: SubmissionAction, target: SubmissionTarget): boolean {
  if (!actor || actor.organisationId !== target.organisationId) return false;
  const isMentee = actor.id === target.menteeId;
  const isReviewer = !isMentee && (target.reviewerId === null ? hasRole(actor, 'admin') : actor.id === target.reviewerId);
  const isSecondMarker = !isMentee && target.secondMarkerIds.includes(actor.id);
  switch (action) {
    case 'submission.view':
      return isMentee || isReviewer || isSecondMarker;
    case 'submission.review':
      return isReviewer;
    case 'submission.second-mark':
      return isSecondMarker;
    case 'feedback.read':
      return isMentee && target.released;
    default:
      return false;
  }
}

/** A mentoring session: one-to-one (`menteeId`) or a group's (`attendeeIds`). */
export type SessionTarget = { organisationId: string; authorId: string; menteeId: string | null; attendeeIds: readonly string[] };
export type SessionAction = 'session.view' | 'session.edit' | 'session.private-notes' | 'session.takeaway';

/**
 * View: the author, the mentee, the group's attendees; edit: the author; the private note: the
 * author only (not even an admin); adding "what I took from it" or marking one's own action done:
 * the mentee or an attendee.
 */
export function mayOnSession(actor: Actor | null, action: SessionAction, target: SessionTarget): boolean {
  if (!actor || actor.organisationId !== target.organisationId) return false;
  const isAuthor = actor.id === target.authorId;
  const isParticipant = actor.id === target.menteeId || target.attendeeIds.includes(actor.id);
  switch (action) {
    case 'session.view':
      return isAuthor || isParticipant;
    case 'session.edit':
    case 'session.private-notes':
      return isAuthor;
    case 'session.takeaway':
      return isParticipant;
    default:
      return false;
  }
}

/** A mentor's group; members see their group's sessions through `mayOnSession`, not the group itself. */
export type GroupTarget = { organisationId: string; mentorId: string; memberIds: readonly string[] };

/** View or edit a mentoring group: its mentor only. */
export function mayOnGroup(actor: Actor | null, action: 'group.view' | 'group.edit', target: GroupTarget): boolean {
  if (!actor || actor.organisationId !== target.organisationId) return false;
  if (action !== 'group.view' && action !== 'group.edit') return false;
  return actor.id === target.mentorId;
}

/** A workshop; `teamIds` empty means it is open to everyone in the organisation. */
export type WorkshopTarget = {
  organisationId: string;
  teamIds: readonly string[];
  facilitatorIds: readonly string[];
  createdBy: string;
  cancelled: boolean;
};
export type WorkshopAction =
  | 'workshop.view'
  | 'workshop.book'
  | 'workshop.edit'
  | 'workshop.register'
  | 'workshop.reactions.figures'
  | 'workshop.reactions.comments';

function openTo(actor: Actor, target: WorkshopTarget): boolean {
  return target.teamIds.length === 0 || target.teamIds.some((teamId) => actor.teamIds.includes(teamId));
}

/**
 * View: anyone it is open to (everyone, or a member of one of its teams); admins, managers and its
 * facilitators see any workshop of the organisation. Book: someone it is open to. Edit: an admin or
 * its creator (still allowed to add workshops). Register: an admin or a facilitator (the whole
 * register). Reaction figures: an admin or a facilitator; reaction comments: an admin only.
 * A cancelled workshop can still be seen but not booked, edited or registered.
 */
export function mayOnWorkshop(actor: Actor | null, action: WorkshopAction, target: WorkshopTarget): boolean {
  if (!actor || actor.organisationId !== target.organisationId) return false;
  const isAdmin = hasRole(actor, 'admin');
  const isFacilitator = target.facilitatorIds.includes(actor.id);
  switch (action) {
    case 'workshop.view':
      return openTo(actor, target) || isAdmin || isFacilitator || hasRole(actor, 'manager');
    case 'workshop.book':
      return !target.cancelled && openTo(actor, target);
    case 'workshop.edit':
      return !target.cancelled && (isAdmin || (actor.id === target.createdBy && mayInOrganisation(actor, 'workshops.add')));
    case 'workshop.register':
      return !target.cancelled && (isAdmin || isFacilitator);
    case 'workshop.reactions.figures':
      return isAdmin || isFacilitator;
    case 'workshop.reactions.comments':
      return isAdmin;
    default:
      return false;
  }
}

/**
 * May the actor mark this row of a workshop's register? Whoever may mark the whole register may;
 * a manager may mark the rows of people in teams they manage.
 */
export function mayMarkRegisterRow(actor: Actor | null, workshop: WorkshopTarget, rowTeamIds: readonly string[]): boolean {
  if (!actor || actor.organisationId !== workshop.organisationId || workshop.cancelled) return false;
  if (mayOnWorkshop(actor, 'workshop.register', workshop)) return true;
  return hasRole(actor, 'manager') && rowTeamIds.some((teamId) => actor.managedTeamIds.includes(teamId));
}

/** What an evaluation report covers: the whole organisation, one team, one programme or one rollout phase. */
export type EvaluationTarget =
  | { organisationId: string; kind: 'organisation' | 'programme' | 'phase' }
  | { organisationId: string; kind: 'team'; teamId: string };
export type EvaluationAction = 'evaluation.view' | 'evaluation.notes.write';

/**
 * The evaluation report of a scope: an admin sees any scope of their organisation and writes its
 * recommendations; a manager sees (and reads the recommendations of) only a team they manage.
 * Practitioners and mentors have none of it.
 */
export function mayOnEvaluation(actor: Actor | null, action: EvaluationAction, target: EvaluationTarget): boolean {
  if (!actor || actor.organisationId !== target.organisationId) return false;
  if (hasRole(actor, 'admin')) return true;
  if (action !== 'evaluation.view' || !hasRole(actor, 'manager')) return false;
  return target.kind === 'team' && actor.managedTeamIds.includes(target.teamId);
}
