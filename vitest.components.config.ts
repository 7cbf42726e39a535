import { getViteConfig } from 'astro/config';

// Astro components render through Astro's container API, which needs Astro's Vite plugins.
export default getViteConfig({ test: { name: 'components', include: ['tests/components/**/*.test.ts'] } });
