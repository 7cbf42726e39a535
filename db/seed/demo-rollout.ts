// Demo data for the rollout and Welsh-medium pages: need rules, a finished pilot and a phase 2 under way,
// module completions with their language, confidence before and after for most of the pilot team, and last
// financial year's workshops in each language. Every insert skips a row another demo file already wrote.
import type { Db } from '../client.ts';
import { confidencePrompts, confidenceRatings, moduleCompletions, needRules, phaseTeams, registerRows, rolloutPhases, workshops } from '../schema/index.ts';

const ORG = 'demo-org';
const DAY = 86_400_000;
const ECP = 'effective-child-protection';
const ECP_MODULES = ['ecp-four-components', 'ecp-areas-of-change', 'ecp-steps-to-change', 'ecp-core-groups', 'ecp-domestic-abuse'];
const ECP_STATEMENTS = ['four-components', 'areas-of-change', 'steps-to-change', 'core-groups', 'domestic-abuse'];
const CC = 'collaborative-conversations';
const RM = 'risk-model';
const CC_MODULES = ['cc-spirit', 'cc-oars', 'cc-change-talk', 'cc-statutory-edge', 'cc-parents-learning-disabilities'];
const RM_MODULES = ['rm-threshold', 'rm-stage-one', 'rm-stage-two', 'rm-decision', 'rm-strategy-discussions'];

const day = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Adds the rollout demo to the demo organisation, with dates relative to `now`. */
export async function seedDemoRollout(db: Db, now: number): Promise<void> {
  await db.transaction(async (tx) => {
    // The two later teams must complete Effective Child Protection too, and the Risk Model is recommended for them (the
    // needs demo already requires both of the pilot team, so these rules use keys of their own).
    await tx
      .insert(needRules)
      .values(
        ['demo-team-coast', 'demo-team-uplands'].flatMap((teamId) => [
          { id: `demo-rule-ecp-${teamId}`, organisationId: ORG, programmeId: ECP, teamId, need: 'required' as const, workshopRequired: false, updatedBy: 'demo-admin', updatedAt: now },
          { id: `demo-rule-rm-${teamId}`, organisationId: ORG, programmeId: RM, teamId, need: 'recommended' as const, workshopRequired: false, updatedBy: 'demo-admin', updatedAt: now },
        ]),
      )
      .onConflictDoNothing();

    await tx
      .insert(rolloutPhases)
      .values([
        // The pilot met its target: its seven practitioners finished both programmes (the demo's three sign-ins in the team did not).
        { id: 'demo-phase-pilot', organisationId: ORG, name: 'Pilot: Assessment and Safeguarding Team', startsOn: day(now - 150 * DAY), endsOn: day(now - 30 * DAY), targetPercent: 70, createdAt: now, updatedAt: now },
        { id: 'demo-phase-2', organisationId: ORG, name: 'Phase 2: Coastal and Uplands teams', startsOn: day(now - 45 * DAY), endsOn: day(now + 60 * DAY), targetPercent: 80, createdAt: now, updatedAt: now },
      ])
      .onConflictDoNothing();
    await tx
      .insert(phaseTeams)
      .values([
        { phaseId: 'demo-phase-pilot', teamId: 'demo-team-assessment' },
        { phaseId: 'demo-phase-2', teamId: 'demo-team-coast' },
        { phaseId: 'demo-phase-2', teamId: 'demo-team-uplands' },
      ])
      .onConflictDoNothing();

    // The pilot: its seven practitioners completed both required programmes during the pilot (the demo's signed-in learners are left alone).
    const pilot: { id: string; locale: 'cy' | 'en'; daysAgo: number }[] = [
      { id: 'demo-p01', locale: 'cy', daysAgo: 130 },
      { id: 'demo-p02', locale: 'cy', daysAgo: 110 },
      { id: 'demo-p03', locale: 'en', daysAgo: 95 },
      { id: 'demo-p04', locale: 'cy', daysAgo: 80 },
      { id: 'demo-p05', locale: 'cy', daysAgo: 60 },
      { id: 'demo-p06', locale: 'en', daysAgo: 40 },
      { id: 'demo-p20', locale: 'cy', daysAgo: 35 },
    ];
    // Phase 2: two people so far, both in the last four weeks, which leaves the phase at risk.
    const phase2: { id: string; locale: 'cy' | 'en'; daysAgo: number }[] = [
      { id: 'demo-p07', locale: 'cy', daysAgo: 20 },
      { id: 'demo-p14', locale: 'cy', daysAgo: 9 },
    ];
    const completions: (typeof moduleCompletions.$inferInsert)[] = [...pilot, ...phase2].flatMap((p) =>
      ECP_MODULES.map((moduleId, i) => ({ personId: p.id, moduleId, moduleVersion: 1, programmeId: ECP, completedAt: now - (p.daysAgo + (ECP_MODULES.length - 1 - i) * 3) * DAY, locale: p.locale })),
    );
    // The Risk Model too, a little after each one's first programme, and its workshop (below) during the pilot.
    completions.push(...pilot.flatMap((p) => RM_MODULES.map((moduleId, i) => ({ personId: p.id, moduleId, moduleVersion: 1, programmeId: RM, completedAt: now - (p.daysAgo - 2 + (RM_MODULES.length - 1 - i)) * DAY, locale: p.locale }))));
    // Half-way through: Lowri has done two modules.
    completions.push(...ECP_MODULES.slice(0, 2).map((moduleId, i) => ({ personId: 'demo-p11', moduleId, moduleVersion: 1, programmeId: ECP, completedAt: now - (25 - i * 5) * DAY, locale: 'cy' as const })));
    // Older completions, from before the language was recorded.
    completions.push(...['demo-p08', 'demo-p09', 'demo-p10'].flatMap((personId) => CC_MODULES.slice(0, 2).map((moduleId, i) => ({ personId, moduleId, moduleVersion: 1, programmeId: CC, completedAt: now - (300 + i) * DAY, locale: null }))));
    await tx.insert(moduleCompletions).values(completions).onConflictDoNothing();

    // Confidence before and after for most of the pilot team: the ratings rise by about two points.
    const ratings = pilot.flatMap((p, person) =>
      ECP_STATEMENTS.flatMap((statementId, s) => {
        const before = 3 + ((person + s) % 4);
        const after = Math.min(10, before + 1 + ((person * 2 + s) % 3));
        const startedAt = now - (p.daysAgo + 20) * DAY;
        const doneAt = now - p.daysAgo * DAY;
        return [
          { personId: p.id, programmeId: ECP, statementId, moment: 'before' as const, rating: before, organisationId: ORG, ratedAt: startedAt },
          { personId: p.id, programmeId: ECP, statementId, moment: 'after' as const, rating: after, organisationId: ORG, ratedAt: doneAt },
        ];
      }),
    );
    await tx.insert(confidenceRatings).values(ratings).onConflictDoNothing();
    await tx
      .insert(confidencePrompts)
      .values(pilot.flatMap((p) => (['before', 'after'] as const).map((moment) => ({ personId: p.id, programmeId: ECP, moment, answeredAt: now - (moment === 'before' ? p.daysAgo + 20 : p.daysAgo) * DAY }))))
      .onConflictDoNothing();

    // Last financial year's workshops (April to March before this one): one in each language of delivery.
    const today = day(now);
    const fyStart = (Number(today.slice(5, 7)) >= 4 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1) - 1;
    const past = [
      { id: 'demo-wm-cy', date: `${fyStart}-10-14`, language: 'cy' as const, title: 'Amddiffyn plant effeithiol: gweithdy', people: ['demo-p01', 'demo-p02', 'demo-p04', 'demo-p05', 'demo-p07', 'demo-p08', 'demo-p10'] },
      { id: 'demo-wm-en', date: `${fyStart}-11-18`, language: 'en' as const, title: 'Effective child protection: workshop', people: ['demo-p03', 'demo-p06', 'demo-p09', 'demo-p12', 'demo-p16'] },
      { id: 'demo-wm-bi', date: `${fyStart + 1}-02-10`, language: 'bilingual' as const, title: 'Sgyrsiau cydweithredol / Collaborative conversations', people: ['demo-p11', 'demo-p13', 'demo-p14', 'demo-p18'] },
    ];
    // The pilot team's Risk Model workshop, which the needs rules require of them.
    const pilotWorkshop = { id: 'demo-wm-rm-pilot', date: day(now - 100 * DAY), language: 'cy' as const, title: 'Y model risg: gweithdy’r cynllun peilot', people: pilot.map((p) => p.id) };
    await tx
      .insert(workshops)
      .values(
        [...past, pilotWorkshop].map((w) => {
          const start = Date.parse(`${w.date}T09:30:00Z`);
          return { id: w.id, organisationId: ORG, programmeId: w.id === pilotWorkshop.id ? RM : w.language === 'bilingual' ? CC : ECP, title: w.title, date: w.date, startAt: start, endAt: start + 3 * 3_600_000, venue: 'Swyddfa’r Cyngor, Caernarfon', deliveryLanguage: w.language, places: 12, bookingClosesOn: w.date, openToAll: true, createdBy: 'demo-admin', createdAt: start - 60 * DAY, updatedAt: start - 60 * DAY };
        }),
      )
      .onConflictDoNothing();
    await tx
      .insert(registerRows)
      .values([...past, pilotWorkshop].flatMap((w) => w.people.map((personId) => ({ workshopId: w.id, personId, mark: 'attended' as const, minutes: 180, markedBy: 'demo-admin', markedAt: Date.parse(`${w.date}T13:00:00Z`) }))))
      .onConflictDoNothing();
  });
}
