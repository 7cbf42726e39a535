// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { i18nParity } from './src/i18n/build-check.ts';
import { contentCheck } from './src/content/build-check.ts';
import { REQUEST_BODY_LIMIT } from './src/domain/people/index.ts';
import { isHarmlessBuildWarning } from './scripts/build-warnings.ts';

// Behind a reverse proxy, Astro trusts X-Forwarded-Host/-Proto only for the public address,
// so the origin check and Astro.url see what the browser sees.
const publicUrl = process.env.PUBLIC_URL ? new URL(process.env.PUBLIC_URL) : null;

export default defineConfig({
  output: 'server',
  // Bodies over the limit are cut off while streaming (a declared length is refused earlier, in scripts/serve.ts).
  adapter: node({ mode: 'standalone', bodySizeLimit: REQUEST_BODY_LIMIT }),
  integrations: [i18nParity(), contentCheck(), mdx(), react()],
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  // Astro's origin check refuses cross-site form posts (CSRF); keep it on.
  security: {
    checkOrigin: true,
    allowedDomains: publicUrl ? [{ hostname: publicUrl.hostname, protocol: publicUrl.protocol.replace(':', '') }] : [],
    // Astro adds hashes for its own scripts and styles; nothing else may run.
    csp: { directives: ["default-src 'self'", "img-src 'self' data:", "form-action 'self'", "object-src 'none'", "base-uri 'self'"] },
  },
  build: { inlineStylesheets: 'auto' },
  // Shiki's inline styles would break the CSP; modules do not need code highlighting.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          if (!isHarmlessBuildWarning(warning)) warn(warning);
        },
      },
    },
  },
});
