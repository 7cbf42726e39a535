import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import SelectField from '../../src/components/form/SelectField.astro';
import ActivitySelect from '../../src/components/mentoring/ActivitySelect.astro';
import { translator } from '../../src/i18n/index.ts';
import { fixtureCatalogue } from '../fixtures/catalogue.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = async (component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>, locale: 'en' | 'cy' = 'en') => {
  const html = await container.renderToString(component, { props, locals: { t: translator(locale), locale, path: '/', auth: null, ip: '127.0.0.1' } });
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
};

describe('a select with groups', () => {
  it('draws the plain options first, then each group as an optgroup, with the chosen value selected', async () => {
    const doc = await render(SelectField, {
      name: 'fruit',
      label: 'Fruit',
      options: [{ value: '', label: 'Choose' }],
      groups: [{ label: 'Apples', options: [{ value: 'a1', label: 'Cox' }, { value: 'a2', label: 'Bramley' }] }],
      value: 'a2',
    });
    const select = doc.querySelector('select')!;
    expect(select.children[0]!.tagName).toBe('OPTION');
    const group = select.querySelector('optgroup')!;
    expect(group.getAttribute('label')).toBe('Apples');
    expect([...group.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Cox', 'Bramley']);
    expect(select.querySelector('option[selected]')!.getAttribute('value')).toBe('a2');
  });
});

describe('the Activity select of Assign work', () => {
  it('groups content by kind in the page’s language, then practice tasks with a new one last', async () => {
    const doc = await render(ActivitySelect, { catalogue: fixtureCatalogue, tasks: [{ id: 't1', title: 'Opening words' }], value: 'vignette:v-cellar' }, 'cy');
    const groups = [...doc.querySelectorAll('optgroup')];
    expect(groups.map((g) => g.getAttribute('label'))).toEqual(['Rhaglenni', 'Modiwlau', 'Efelychiadau sgwrs', 'Efelychiadau cynhadledd achos', 'Fignetau trothwy', 'Tasgau ymarfer']);
    expect([...groups[1]!.querySelectorAll('option')].map((o) => [o.getAttribute('value'), o.textContent])).toEqual([['module:rm-threshold', 'Trothwyon'], ['module:rm-analysis', 'Dadansoddi']]);
    expect([...groups[5]!.querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual(['task:t1', 'task:new']);
    expect(doc.querySelector('option[selected]')!.textContent).toBe('Y seler');
    expect(doc.querySelector('label')!.textContent).toBe('Gweithgaredd');
  });
});
