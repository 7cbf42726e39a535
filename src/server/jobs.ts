import { getMailer, mailJobKinds } from './mail/index.ts';
import { getDb, readConfig, startJobRunner, type JobRunner } from './platform/index.ts';

/** How often a server process looks for due jobs. */
export const JOB_INTERVAL_MS = 30_000;

/** Starts this process's job runner with every job kind the app has (today: mail retries and digests). */
export async function startAppJobs(intervalMs = JOB_INTERVAL_MS): Promise<JobRunner> {
  const config = readConfig();
  return startJobRunner({ db: await getDb(), kinds: mailJobKinds(getMailer(config)), intervalMs });
}
