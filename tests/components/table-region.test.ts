import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import TableRegion from '../../src/components/common/TableRegion.astro';
import { messages, translator } from '../../src/i18n/index.ts';

const table = '<table><caption id="people-caption">People in Gwynedd</caption><tbody><tr><th scope="row">Sam</th><td>sam@example.org</td></tr></tbody></table>';

async function render(locale: 'en' | 'cy', props: Record<string, unknown> = { labelledby: 'people-caption' }) {
  const container = await AstroContainer.create();
  const html = await container.renderToString(TableRegion, { props, slots: { default: table }, locals: { t: translator(locale), locale, path: '/', auth: null, ip: '127.0.0.1' } });
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

describe('the table region every wide table sits in', () => {
  it('is a focusable region named by the table’s caption, holding the table', async () => {
    const document = await render('en');
    const region = document.querySelector('.table-region')!;
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.getAttribute('aria-labelledby')).toBe('people-caption');
    expect(document.getElementById('people-caption')!.textContent).toBe('People in Gwynedd');
    expect(region.querySelector('table caption#people-caption')).not.toBeNull();
  });

  it('carries a visible hint that there is more to scroll to, in the page’s language, hidden from screen readers', async () => {
    const english = (await render('en')).querySelector('.table-region__hint')!;
    expect(english.textContent).toBe('Scroll sideways to see more');
    expect(english.getAttribute('aria-hidden')).toBe('true');
    expect((await render('cy')).querySelector('.table-region__hint')!.textContent).toBe(messages.cy['layout.scrollHint']);
    expect(messages.cy['layout.scrollHint']).not.toBe(messages.en['layout.scrollHint']);
  });

  it('adds a caller’s own class to the region', async () => {
    const region = (await render('en', { labelledby: 'people-caption', class: 'chart__table' })).querySelector('[role="region"]')!;
    expect([...region.classList]).toEqual(['table-region', 'chart__table']);
  });
});
