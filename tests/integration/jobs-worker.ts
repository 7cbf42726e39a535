// A separate server process for the jobs test: runs every due job of the database named in
// argv[2] and prints the id of each job it ran, one a line.
import { openDatabase } from '../../db/client.ts';
import { defineJobKind } from '../../src/server/platform/jobs/jobs.ts';
import { runDueJobs } from '../../src/server/platform/jobs/runner.ts';

const database = await openDatabase(process.argv[2]!);
const now = Number(process.argv[3]);
// Both processes start claiming at the same wall-clock moment (argv[4]), after their start-up.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(process.argv[4]) - Date.now())));
const work = defineJobKind<{ n: number }>({
  kind: 'test.count',
  async run(_payload, { job }) {
    process.stdout.write(`${job.id}\n`);
    await new Promise((resolve) => setTimeout(resolve, 5)); // let the other process get a turn
    return { ok: true };
  },
});
await runDueJobs({ db: database.db, kinds: [work], now: () => now, batchSize: 5 });
database.client.close();
