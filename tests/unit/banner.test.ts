import { describe, expect, it } from 'vitest';
import { startBanner, type BannerFacts } from '../../scripts/banner.ts';
import { readConfig } from '../../src/server/platform/config.ts';

const signIns = [
  { email: 'learner@camau.example', role: 'learner' },
  { email: 'admin@camau.example', role: 'admin' },
];
const facts = (over: Partial<BannerFacts> = {}): BannerFacts => ({
  publicUrl: new URL('http://localhost:4321'),
  listen: { host: 'localhost', port: '4321' },
  demo: { password: 'camau-demo-2026', signIns },
  smtp: false,
  ...over,
});

describe('the start-up banner', () => {
  it('starts with a blank line and frames every line in one box', () => {
    const lines = startBanner(facts()).split('\n');
    expect(lines[0]).toBe('');
    expect(lines[1]).toMatch(/^┌─+┐$/);
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toMatch(/^└─+┘$/);
    const inside = lines.slice(2, -2);
    expect(inside.every((line) => line.startsWith('│ ') && line.endsWith(' │') && line.length === lines[1]!.length)).toBe(true);
  });

  it('gives the address in both languages and every demo sign-in with its password', () => {
    const text = startBanner(facts());
    expect(text).toContain('English:  http://localhost:4321/');
    expect(text).toContain('Cymraeg:  http://localhost:4321/cy/');
    expect(text).toContain('the password camau-demo-2026');
    expect(text).toMatch(/learner +learner@camau\.example/);
    expect(text).toMatch(/admin +admin@camau\.example/);
    expect(text).toContain('No SMTP_URL');
  });

  it('announces the address e-mailed links use, not the host it listens on, when started with HOST=127.0.0.1', () => {
    const config = readConfig({ HOST: '127.0.0.1', PORT: '4400' });
    const text = startBanner(facts({ publicUrl: config.publicUrl, listen: { host: '127.0.0.1', port: '4400' } }));
    expect(text).toContain('English:  http://localhost:4400/');
    expect(text).not.toContain('http://127.0.0.1');
    expect(text).toContain('(listening on 127.0.0.1:4400)');
  });

  it('announces PUBLIC_URL behind a proxy', () => {
    const config = readConfig({ PUBLIC_URL: 'https://camau.example.gov.wales', HOST: '0.0.0.0', PORT: '8080' });
    const text = startBanner(facts({ publicUrl: config.publicUrl, listen: { host: '0.0.0.0', port: '8080' }, demo: null, smtp: true }));
    expect(text).toContain('English:  https://camau.example.gov.wales/');
    expect(text).toContain('Cymraeg:  https://camau.example.gov.wales/cy/');
    expect(text).not.toContain('Demo sign-ins');
    expect(text).not.toContain('No SMTP_URL');
  });

  it('says nothing of where it listens when that is the address itself', () => {
    expect(startBanner(facts())).not.toContain('listening on');
  });
});
