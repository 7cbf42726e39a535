// A CPU profile of the server under the signed-in mix (`node --cpu-prof` in every process), summed
// over the processes and reduced to the functions that took the most time themselves.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load, withBenchServer } from './bench-http.ts';
import { signedInMix } from './bench-signed-in.ts';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };
/** Monotonic microseconds, the clock V8's profiler stamps its samples with (CLOCK_MONOTONIC on Linux). */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);
export type ProfileEntry = { name: string; ms: number; share: number };

const PROFILE_SECONDS = 10;
const PROFILE_CONNECTIONS = 20;

/**
 * Self time per function (name and file) over every profile in `folder`, largest first; idle time
 * left out, and, given a window of monotonic microseconds, only the samples taken inside it.
 */
export function topSelfTime(folder: string, count = 15, window?: { from: number; to: number }): { entries: ProfileEntry[]; busyMs: number } {
  const self = new Map<string, number>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(folder, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      at += profile.timeDeltas[i] ?? 0;
      if (window && (at < window.from || at > window.to)) return;
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      if (functionName === '(idle)') return;
      // Library files by package and file; our built chunks by their file name.
      const where = url.includes('node_modules/') ? url.slice(url.lastIndexOf('node_modules/') + 13) : url.split('/').slice(-2).join('/');
      const key = `${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
  }
  const busyMs = [...self.values()].reduce((a, b) => a + b, 0);
  const entries = [...self].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, ms]) => ({ name, ms, share: ms / busyMs }));
  return { entries, busyMs };
}

/** Profiles a fresh server while the mix runs at 20 connections for 10 s. */
export async function profileMix(dir: string): Promise<{ entries: ProfileEntry[]; busyMs: number; requests: number }> {
  const folder = mkdtempSync(join(dir, 'profile-'));
  const window = { from: 0, to: 0 };
  const requests = await withBenchServer(resolve('.'), dir, { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${folder}` }, async (server) => {
    const mix = await signedInMix(server.base);
    await load({ url: server.base, connections: 10, duration: 3, requests: mix.requests });
    // Only the samples of the measured load count: start-up and warming up are left out.
    window.from = monotonicMicros();
    const measured = await load({ url: server.base, connections: PROFILE_CONNECTIONS, duration: PROFILE_SECONDS, requests: mix.requests });
    window.to = monotonicMicros();
    return measured.requests;
  });
  return { ...topSelfTime(folder, 15, window), requests };
}

/** The profile's top entries for docs/benchmarks.md. */
export function profileMarkdown({ entries, busyMs, requests }: { entries: ProfileEntry[]; busyMs: number; requests: number }): string {
  return [
    `CPU profile of the server processes while the mix ran at ${PROFILE_CONNECTIONS} connections for ${PROFILE_SECONDS} s (${requests} requests, ${(busyMs / requests).toFixed(2)} ms of CPU per request over all processes; samples from the measured ${PROFILE_SECONDS} s only): the functions with the most self time.`,
    '',
    '| function (file) | self time | share of busy time |',
    '|---|---|---|',
    ...entries.map((e) => `| \`${e.name.replace(/\|/g, '\\|')}\` | ${e.ms.toFixed(0)} ms | ${(e.share * 100).toFixed(1)}% |`),
  ].join('\n');
}
