import { missingKeys } from './index.ts';

/**
 * An Astro integration that stops the build when a UI string is missing in either language,
 * so a build can never ship with English-only text (the type checker says the same in `npm run check`).
 */
export function i18nParity() {
  return {
    name: 'camau-i18n-parity',
    hooks: {
      'astro:config:setup': () => {
        const { missingInCy, missingInEn } = missingKeys();
        if (missingInCy.length || missingInEn.length) {
          throw new Error(
            `Camau UI strings are not in both languages.\n  Missing in Welsh (src/i18n/cy/): ${missingInCy.join(', ') || 'none'}\n  Missing in English (src/i18n/en/): ${missingInEn.join(', ') || 'none'}`,
          );
        }
      },
    },
  };
}
