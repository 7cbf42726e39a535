// The build warnings Camau silences, so `npm start` ends with the address, not a wall of noise.

/** The fields of a Rolldown/Rollup warning that decide whether it matters. */
export type BuildWarning = { code?: string; message: string };

/**
 * Whether a build warning is the known, harmless one: every MDX module carries Astro's own
 * `"use astro:head-inject"` marker, which Astro reads before bundling, so the bundler's note that
 * it "may not be preserved" is noise (about 100 times a build). Any other warning still shows.
 */
export function isHarmlessBuildWarning(warning: BuildWarning): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject');
}
