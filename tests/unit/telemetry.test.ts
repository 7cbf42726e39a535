import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutTelemetry } from '../../scripts/astro.ts';

const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
// A command that runs the Astro CLI itself: `astro …` or `npx astro …` as a step, or its bin file.
const runsAstroDirectly = (command: string) => /(^|&&|\|\||;)\s*(npx\s+)?astro\b/.test(command) || /astro\/bin\/astro\.mjs/.test(command);
const RUNS_ASTRO_WITHOUT_TELEMETRY = /(^|&&|\|\||;)\s*node scripts\/astro\.ts\b/;

describe('Astro’s telemetry', () => {
  it('is off in every package.json script that runs Astro', () => {
    const direct = Object.entries(scripts).filter(([, command]) => runsAstroDirectly(command));
    expect(direct).toEqual([]);
    const throughWrapper = Object.keys(scripts).filter((name) => RUNS_ASTRO_WITHOUT_TELEMETRY.test(scripts[name]!));
    expect(throughWrapper.sort()).toEqual(['build', 'check', 'dev', 'start']);
  });

  it('is disabled in the environment the wrapper runs Astro in, whatever the caller set', () => {
    expect(withoutTelemetry({ PATH: '/usr/bin' })).toEqual({ PATH: '/usr/bin', ASTRO_TELEMETRY_DISABLED: '1' });
    expect(withoutTelemetry({ ASTRO_TELEMETRY_DISABLED: '' }).ASTRO_TELEMETRY_DISABLED).toBe('1');
  });

  it('would be caught if a script ran Astro directly', () => {
    for (const command of ['astro build', 'npx astro check', 'node scripts/seed.ts && astro dev', 'node node_modules/astro/bin/astro.mjs build']) {
      expect(runsAstroDirectly(command), command).toBe(true);
    }
    expect(runsAstroDirectly('node scripts/astro.ts build')).toBe(false);
  });
});
