// Runs the Astro CLI with its telemetry off: a council deployment sends no usage data anywhere.
// Every package.json script that runs Astro goes through here, so it holds on every platform.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The environment Astro runs in: the caller's, with Astro's telemetry always disabled. */
export function withoutTelemetry(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1' };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const astroRoot = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
  const result = spawnSync(process.execPath, [join(astroRoot, 'bin', 'astro.mjs'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: withoutTelemetry(process.env),
  });
  if (result.error) throw result.error;
  process.exit(result.status ?? 1);
}
