import type { Db } from '../client.ts';
import { needRules } from '../schema/index.ts';

const ORGANISATION = 'demo-org';
const ASSESSMENT_TEAM = 'demo-team-assessment';

/**
 * The demo's needs rules: the Assessment and Safeguarding Team (the pilot team) must complete
 * Effective Child Protection and the Risk Model, and attend a Risk Model workshop too.
 */
export async function seedDemoNeeds(db: Pick<Db, 'insert'>, now: number): Promise<void> {
  await db.insert(needRules).values([
    { id: 'demo-rule-ecp', organisationId: ORGANISATION, programmeId: 'effective-child-protection', teamId: ASSESSMENT_TEAM, role: '', need: 'required', workshopRequired: false, updatedBy: 'demo-admin', updatedAt: now },
    { id: 'demo-rule-rm', organisationId: ORGANISATION, programmeId: 'risk-model', teamId: ASSESSMENT_TEAM, role: '', need: 'required', workshopRequired: true, updatedBy: 'demo-admin', updatedAt: now },
  ]);
}
