import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import MitiAgreement from '../../src/components/mentoring/MitiAgreement.astro';
import type { Locale } from '../../src/domain/common/index.ts';
import { translator } from '../../src/i18n/index.ts';

async function render(locale: Locale, agreement: { n: number; percent: number | null; kappa: number | null }): Promise<string> {
  const container = await AstroContainer.create();
  const html = await container.renderToString(MitiAgreement, { props: { agreement }, locals: { t: translator(locale), locale, path: '/', auth: null, ip: '127.0.0.1' } });
  return html.replace(/<[^>]+>/g, '').replace(/&#39;|&#x27;/g, '’').trim();
}

describe('the learner–mentor agreement line', () => {
  it('gives the percentage and Cohen’s kappa to two places', async () => {
    expect(await render('en', { n: 4, percent: 75, kappa: 0.6364 })).toBe('Learner and mentor gave the same code to 75% of the 4 responses the mentor coded (Cohen’s kappa 0.64).');
    expect(await render('cy', { n: 4, percent: 75, kappa: 0.6364 })).toBe('Rhoddodd y dysgwr a’r mentor yr un cod i 75% o’r 4 ymateb a godiwyd gan y mentor (kappa Cohen 0.64).');
  });

  it('says in words, in both languages, why there is no kappa when it cannot be worked out', async () => {
    const en = await render('en', { n: 2, percent: 100, kappa: null });
    expect(en).toContain('100% of the 2 responses');
    expect(en).toContain('Cohen’s kappa cannot be worked out for these responses');
    expect(en).not.toMatch(/null|NaN|undefined/);
    const cy = await render('cy', { n: 2, percent: 100, kappa: null });
    expect(cy).toContain('100% o’r 2 ymateb');
    expect(cy).toContain('Does dim modd cyfrifo kappa Cohen');
    expect(cy).not.toMatch(/null|NaN|undefined/);
  });

  it('shows nothing before the mentor has coded a response', async () => {
    expect(await render('en', { n: 0, percent: null, kappa: null })).toBe('');
  });
});
