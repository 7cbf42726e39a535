// How far Astro's own work per page lets a page go: the public sign-in page (no session, no SQL)
// and the signed-in module section, each against a bare Node server returning the same HTML, on
// the built app with the workers `npm start` runs. Run after `npm run build`:
// `npx node scripts/bench-floor.ts` prints the figures (it writes nothing).
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, load, signIn, withBenchServer } from './bench-http.ts';

const dir = mkdtempSync(join(tmpdir(), 'camau-floor-'));
try {
  const lines = await withBenchServer(resolve('.'), dir, {}, async (server) => {
    const cookie = await signIn(server.base, 'cai.pritchard@camau.example');
    const pages = [
      ['public sign-in page (no session, no SQL)', '/sign-in', { accept: 'text/html' }],
      ['module section, signed in', '/learn/risk-model/rm-threshold/two-duties', { cookie, accept: 'text/html' }],
    ] as const;
    const out: string[] = [];
    for (const [name, path, headers] of pages) {
      await load({ url: server.base, connections: 10, duration: 3, requests: [{ method: 'GET', path, headers }] });
      const page = await load({ url: server.base, connections: 50, duration: 10, requests: [{ method: 'GET', path, headers }] });
      const html = await (await fetch(`${server.base}${path}`, { headers })).text();
      const port = await freePort();
      const bare = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html);
      });
      await new Promise<void>((listening) => bare.listen(port, '127.0.0.1', listening));
      const baseline = await load({ url: `http://127.0.0.1:${port}/`, connections: 50, duration: 10 });
      bare.close();
      out.push(`${name}: ${page.rps.toFixed(0)} ÷ ${baseline.rps.toFixed(0)} req/s = ${(page.rps / baseline.rps).toFixed(3)} (errors ${page.errors})`);
    }
    return out;
  });
  console.log(lines.join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
