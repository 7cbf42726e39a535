import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // Integration tests use real database files and real sockets; they get more time.
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      // Astro components rendered with the container API, under Astro's own Vite plugins.
      './vitest.components.config.ts',
    ],
  },
});
