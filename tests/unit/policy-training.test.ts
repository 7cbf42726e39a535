import { describe, expect, it } from 'vitest';
import { mayMarkRegisterRow, mayOnPerson, mayOnWorkshop, type PersonTarget, type WorkshopAction, type WorkshopTarget } from '../../src/server/access/policy.ts';
import { actor, ORG, otherOrganisation } from '../support/policy-actors.ts';

const coastPractitioner = actor('coast', ['learner'], { teamIds: ['team-coast'] });
const uplandsPractitioner = actor('uplands', ['learner'], { teamIds: ['team-uplands'] });
const coastManager = actor('coast-manager', ['manager'], { managedTeamIds: ['team-coast'] });
const mentor = actor('mentor', ['mentor'], { menteeIds: ['coast'] });
const facilitator = actor('facilitator', ['learner']);
const admin = actor('admin', ['admin']);

const workshop = (extra: Partial<WorkshopTarget> = {}): WorkshopTarget => ({
  organisationId: ORG,
  teamIds: [],
  facilitatorIds: ['facilitator'],
  createdBy: 'coast-manager',
  cancelled: false,
  ...extra,
});
const coastOnly = workshop({ teamIds: ['team-coast'] });
const ALL_ACTIONS: readonly WorkshopAction[] = [
  'workshop.view',
  'workshop.book',
  'workshop.edit',
  'workshop.register',
  'workshop.reactions.figures',
  'workshop.reactions.comments',
];

describe('training actions on a person', () => {
  const coastRecord: PersonTarget = { id: 'coast', organisationId: ORG, teamIds: ['team-coast'] };

  it('a training record is seen by the person, a manager of their team and an administrator', () => {
    for (const who of [coastPractitioner, coastManager, admin]) expect(mayOnPerson(who, 'training.record.view', coastRecord)).toBe(true);
    for (const who of [uplandsPractitioner, mentor]) expect(mayOnPerson(who, 'training.record.view', coastRecord)).toBe(false);
  });

  it('a training need is overridden by a manager of the person\'s team or an administrator, not by the person', () => {
    expect(mayOnPerson(coastManager, 'training.need.override', coastRecord)).toBe(true);
    expect(mayOnPerson(admin, 'training.need.override', coastRecord)).toBe(true);
    expect(mayOnPerson(coastPractitioner, 'training.need.override', coastRecord)).toBe(false);
    expect(mayOnPerson(mentor, 'training.need.override', coastRecord)).toBe(false);
  });

  it('a manager books for people in teams they manage, and an administrator for anyone', () => {
    expect(mayOnPerson(coastManager, 'training.book-for', coastRecord)).toBe(true);
    expect(mayOnPerson(admin, 'training.book-for', coastRecord)).toBe(true);
    expect(mayOnPerson(coastManager, 'training.book-for', { id: 'uplands', organisationId: ORG, teamIds: ['team-uplands'] })).toBe(false);
    expect(mayOnPerson(mentor, 'training.book-for', coastRecord)).toBe(false);
  });

  it('another organisation\'s manager or administrator gets no training action', () => {
    for (const who of [coastManager, admin].map(otherOrganisation)) {
      for (const action of ['training.record.view', 'training.need.override', 'training.book-for'] as const) {
        expect(mayOnPerson(who, action, coastRecord)).toBe(false);
      }
    }
  });
});

describe('workshops', () => {
  it('a workshop open to all is seen and booked by everyone in the organisation', () => {
    for (const who of [coastPractitioner, uplandsPractitioner, mentor]) {
      expect(mayOnWorkshop(who, 'workshop.view', workshop())).toBe(true);
      expect(mayOnWorkshop(who, 'workshop.book', workshop())).toBe(true);
    }
  });

  it('a workshop for some teams is seen and booked only by their members', () => {
    expect(mayOnWorkshop(coastPractitioner, 'workshop.view', coastOnly)).toBe(true);
    expect(mayOnWorkshop(coastPractitioner, 'workshop.book', coastOnly)).toBe(true);
    expect(mayOnWorkshop(uplandsPractitioner, 'workshop.view', coastOnly)).toBe(false);
    expect(mayOnWorkshop(uplandsPractitioner, 'workshop.book', coastOnly)).toBe(false);
  });

  it('administrators, managers and facilitators see any workshop of the organisation but book only one open to them', () => {
    const uplandsOnly = workshop({ teamIds: ['team-uplands'] });
    for (const who of [admin, coastManager, facilitator]) {
      expect(mayOnWorkshop(who, 'workshop.view', uplandsOnly)).toBe(true);
      expect(mayOnWorkshop(who, 'workshop.book', uplandsOnly)).toBe(false);
    }
  });

  it('a cancelled workshop is still seen but cannot be booked, edited or registered', () => {
    const cancelled = workshop({ cancelled: true });
    expect(mayOnWorkshop(coastPractitioner, 'workshop.view', cancelled)).toBe(true);
    expect(mayOnWorkshop(coastPractitioner, 'workshop.book', cancelled)).toBe(false);
    expect(mayOnWorkshop(admin, 'workshop.edit', cancelled)).toBe(false);
    expect(mayOnWorkshop(admin, 'workshop.register', cancelled)).toBe(false);
  });

  it('an administrator or the creator edits a workshop', () => {
    expect(mayOnWorkshop(admin, 'workshop.edit', workshop())).toBe(true);
    expect(mayOnWorkshop(coastManager, 'workshop.edit', workshop())).toBe(true);
    expect(mayOnWorkshop(actor('uplands-manager', ['manager']), 'workshop.edit', workshop())).toBe(false);
    expect(mayOnWorkshop(facilitator, 'workshop.edit', workshop())).toBe(false);
  });

  it('a creator who may no longer add workshops no longer edits theirs', () => {
    expect(mayOnWorkshop({ ...coastManager, roles: ['learner'] }, 'workshop.edit', workshop())).toBe(false);
  });

  it('an administrator or a facilitator marks the whole register', () => {
    expect(mayOnWorkshop(admin, 'workshop.register', workshop())).toBe(true);
    expect(mayOnWorkshop(facilitator, 'workshop.register', workshop())).toBe(true);
    expect(mayOnWorkshop(coastManager, 'workshop.register', workshop())).toBe(false);
    expect(mayOnWorkshop(coastPractitioner, 'workshop.register', workshop())).toBe(false);
  });

  it('reaction figures are for an administrator or a facilitator', () => {
    expect(mayOnWorkshop(admin, 'workshop.reactions.figures', workshop())).toBe(true);
    expect(mayOnWorkshop(facilitator, 'workshop.reactions.figures', workshop())).toBe(true);
    expect(mayOnWorkshop(coastManager, 'workshop.reactions.figures', workshop())).toBe(false);
    expect(mayOnWorkshop(coastPractitioner, 'workshop.reactions.figures', workshop())).toBe(false);
  });

  it('reaction comments are for an administrator only', () => {
    expect(mayOnWorkshop(admin, 'workshop.reactions.comments', workshop())).toBe(true);
    expect(mayOnWorkshop(facilitator, 'workshop.reactions.comments', workshop())).toBe(false);
    expect(mayOnWorkshop(coastManager, 'workshop.reactions.comments', workshop())).toBe(false);
  });

  it('another organisation is denied every workshop action', () => {
    for (const who of [coastPractitioner, coastManager, facilitator, admin].map(otherOrganisation)) {
      for (const action of ALL_ACTIONS) expect(mayOnWorkshop(who, action, workshop())).toBe(false);
    }
    for (const action of ALL_ACTIONS) expect(mayOnWorkshop(null, action, workshop())).toBe(false);
  });
});

describe('marking a register row', () => {
  it('an administrator or a facilitator marks any row', () => {
    expect(mayMarkRegisterRow(admin, workshop(), ['team-uplands'])).toBe(true);
    expect(mayMarkRegisterRow(facilitator, workshop(), [])).toBe(true);
  });

  it('a manager marks the rows of people in teams they manage, and no others', () => {
    expect(mayMarkRegisterRow(coastManager, workshop(), ['team-coast'])).toBe(true);
    expect(mayMarkRegisterRow(coastManager, workshop(), ['team-uplands'])).toBe(false);
    expect(mayMarkRegisterRow(coastManager, workshop(), [])).toBe(false);
  });

  it('a practitioner marks no row, not even their own', () => {
    expect(mayMarkRegisterRow(coastPractitioner, workshop(), ['team-coast'])).toBe(false);
  });

  it('no row of a cancelled workshop is marked', () => {
    expect(mayMarkRegisterRow(admin, workshop({ cancelled: true }), [])).toBe(false);
    expect(mayMarkRegisterRow(coastManager, workshop({ cancelled: true }), ['team-coast'])).toBe(false);
  });

  it('another organisation marks no row', () => {
    expect(mayMarkRegisterRow(otherOrganisation(admin), workshop(), [])).toBe(false);
    expect(mayMarkRegisterRow(otherOrganisation(coastManager), workshop(), ['team-coast'])).toBe(false);
  });
});
