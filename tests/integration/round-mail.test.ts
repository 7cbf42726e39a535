import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../db/schema/index.ts';
import { mailJobKinds } from '../../src/server/mail/jobs.ts';
import { smtpMailer } from '../../src/server/mail/mailer.ts';
import { runDueJobs } from '../../src/server/platform/jobs/runner.ts';
import { roundForm } from '../../src/server/thresholds/round-form.ts';
import { fixtureVignette } from '../fixtures/vignette.ts';
import { scopeOf } from '../support/scope.ts';
import { startSmtpServer } from './smtp.ts';
import { formPost, freshDatabase, PUBLIC_URL } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(async () => {
  database.cleanup();
  await smtp?.close();
  smtp = undefined;
});

const vignette = fixtureVignette();
const today = new Date().toISOString().slice(0, 10);
const later = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
// Rhodri Evans manages two teams: Welsh speakers (Aled, Emyr) and English speakers (Cai, Ffion, Ieuan).
const participants = ['demo-p01', 'demo-p03', 'demo-p05', 'demo-p06', 'demo-p09'];
const fields = { title: 'Hydref: trothwyon', vignetteIds: [vignette.id], participantIds: participants, opens: today, closes: later };

async function open(mailer: ReturnType<typeof smtpMailer>) {
  const result = await roundForm(await scopeOf(database.db, 'demo-manager'), formPost(fields), [vignette], 'cy', { mailer, publicUrl: PUBLIC_URL });
  const id = /\/practice\/rounds\/([^?]+)\?created$/.exec(result.redirect ?? '')?.[1];
  if (!id) throw new Error(`round not opened: ${JSON.stringify(result)}`);
  return id;
}

describe('opening a calibration round', () => {
  it('e-mails every participant, each in their own language, with a link to the round', async () => {
    smtp = await startSmtpServer();
    const id = await open(smtpMailer(smtp.url, 'Camau <no-reply@camau.test>'));
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['aled.roberts@camau.example', 'cai.pritchard@camau.example', 'emyr.griffiths@camau.example', 'ffion.davies@camau.example', 'ieuan.williams@camau.example']);
    const to = (address: string) => smtp!.received.find((m) => m.to[0] === address)!;
    const cai = to('cai.pritchard@camau.example');
    expect(cai.subject).toBe('Calibration round to answer: Hydref: trothwyon');
    expect(cai.text).toContain('Hello Cai Pritchard,');
    expect(cai.text).toContain('Rhodri Evans has asked you to answer the fictional situations in the calibration round “Hydref: trothwyon” (situations to answer: 1).');
    expect(cai.text).toContain(`http://camau.test/practice/rounds/${id}`);
    const aled = to('aled.roberts@camau.example');
    expect(aled.subject).toBe('Rownd galibradu i’w hateb: Hydref: trothwyon');
    expect(aled.text).toContain('Mae Rhodri Evans wedi gofyn i chi ateb');
    expect(aled.text).toContain(`http://camau.test/cy/practice/rounds/${id}`);
  });

  it('opens the round even when the mail server refuses an e-mail, which the outbox then delivers on retry', async () => {
    smtp = await startSmtpServer({ refuse: (attempt) => attempt === 1 });
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    await open(mailer);
    expect(smtp.received).toHaveLength(4);
    const failed = (await database.db.select().from(mailOutbox)).filter((m) => m.status === 'failed');
    expect(failed).toHaveLength(1);
    await runDueJobs({ db: database.db, kinds: mailJobKinds(mailer), now: () => failed[0]!.nextAttemptAt! });
    expect(smtp.received).toHaveLength(5);
    expect(smtp.received.at(-1)!.to).toEqual([failed[0]!.toAddress]);
  });
});
