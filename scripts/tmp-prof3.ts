import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { tnaAtScale } from './bench-tna.ts';
const dir = mkdtempSync(join(tmpdir(), 'prof-'));
await tnaAtScale(dir);
const { db } = await openDatabase(`file:${join(dir, 'tna-scale.db')}`);
const inView = sql`select id from people where organisation_id = 'scale' and status != 'deactivated'`;
const qs: Record<string, () => Promise<unknown[]>> = {
  staff: () => db.all(sql`select p.id, p.name, (select group_concat(tm.team_id, ' ') from team_memberships tm where tm.person_id = p.id) as teams, (select group_concat(r.role, ' ') from person_roles r where r.person_id = p.id) as roles from people p where p.id in (${inView})`),
  completions: () => db.all(sql`select person_id, group_concat(module_id, ' ') as modules from (select distinct person_id, module_id from module_completions where person_id in (${inView})) group by person_id`),
  confidence: () => db.all(sql`select person_id, group_concat(programme_id || ' ' || moment || ' ' || mean, '|') as means from (select person_id, programme_id, moment, avg(rating) as mean from confidence_ratings where organisation_id = 'scale' and person_id in (${inView}) group by person_id, programme_id, moment) group by person_id`),
};
for (let i = 0; i < 3; i++) for (const [name, q] of Object.entries(qs)) { const t = performance.now(); const r = await q(); console.log(name, r.length, (performance.now() - t).toFixed(0)); }
