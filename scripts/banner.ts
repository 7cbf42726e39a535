// The start-up banner: where Camau is and how to sign in, framed so it stands out in a terminal.

export type BannerFacts = {
  /** The address people and e-mailed links use (PUBLIC_URL, or its default). */
  publicUrl: URL;
  /** Where the server listens, shown only when it is not what the address says. */
  listen: { host: string; port: string };
  demo: { password: string; signIns: readonly { email: string; role: string }[] } | null;
  smtp: boolean;
};

/** The banner's lines inside a box, with a blank line before it so it is easy to find. */
export function startBanner(facts: BannerFacts): string {
  const home = new URL('/', facts.publicUrl).href;
  const welsh = new URL('/cy/', facts.publicUrl).href;
  const lines = ['Camau is running', '', `  English:  ${home}`, `  Cymraeg:  ${welsh}`];
  const listen = `${facts.listen.host}:${facts.listen.port}`;
  if (facts.publicUrl.host !== listen) lines.push(`  (listening on ${listen})`);
  if (facts.demo) {
    lines.push('', `Demo sign-ins, all with the password ${facts.demo.password}:`);
    for (const { email, role } of facts.demo.signIns) lines.push(`  ${role.padEnd(8)} ${email}`);
  }
  if (!facts.smtp) lines.push('', 'No SMTP_URL: e-mails are kept in Admin › Email outbox and printed here.');
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '─'.repeat(width + 2);
  return ['', `┌${rule}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${rule}┘`, ''].join('\n');
}
