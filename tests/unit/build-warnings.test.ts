import { describe, expect, it } from 'vitest';
import { isHarmlessBuildWarning } from '../../scripts/build-warnings.ts';

describe('the build warnings Camau silences', () => {
  it('silence the bundler’s note on Astro’s own head-inject directive in MDX modules', () => {
    expect(isHarmlessBuildWarning({ code: 'MODULE_LEVEL_DIRECTIVE', message: 'The semantics of the module level directive "use astro:head-inject" may not be preserved when bundling.' })).toBe(true);
  });

  it('keep any other module-level directive, and every other warning', () => {
    expect(isHarmlessBuildWarning({ code: 'MODULE_LEVEL_DIRECTIVE', message: 'Module level directives cause errors when bundled, "use client" in "x.js" was ignored.' })).toBe(false);
    expect(isHarmlessBuildWarning({ code: 'EMPTY_BUNDLE', message: 'use astro:head-inject' })).toBe(false);
    expect(isHarmlessBuildWarning({ message: 'something else' })).toBe(false);
  });
});
