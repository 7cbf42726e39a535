import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import ChoiceGroup from '../../src/components/form/ChoiceGroup.astro';
import ErrorSummary from '../../src/components/form/ErrorSummary.astro';
import SelectField from '../../src/components/form/SelectField.astro';
import TextField from '../../src/components/form/TextField.astro';
import { translator } from '../../src/i18n/index.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = async (component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>, locale: 'en' | 'cy' = 'en') => {
  const html = await container.renderToString(component, { props, locals: { t: translator(locale), locale, path: '/', auth: null, ip: '127.0.0.1' } });
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
};

describe('the error summary', () => {
  it('names the field a "required" message is about, in English, and links to the field', async () => {
    const doc = await render(ErrorSummary, { errors: { email: { key: 'errors.required' } }, labels: { email: 'Email address' } });
    const link = doc.querySelector('.error-summary li a')!;
    expect(link.textContent).toBe('‘Email address’ is required.');
    expect(link.getAttribute('href')).toBe('#field-email');
  });

  it('names the field in Welsh on a Welsh page', async () => {
    const doc = await render(ErrorSummary, { errors: { email: { key: 'errors.required' } }, labels: { email: 'Cyfeiriad e-bost' } }, 'cy');
    expect(doc.querySelector('.error-summary h2')!.textContent).toBe('Mae problem');
    expect(doc.querySelector('.error-summary li a')!.textContent).toBe('Mae angen rhoi ateb i ‘Cyfeiriad e-bost’.');
  });

  it('names the field of a "too long" message with its limit', async () => {
    const doc = await render(ErrorSummary, { errors: { text: { key: 'errors.tooLong', params: { max: 500 } } }, labels: { text: 'What did you learn?' } });
    expect(doc.querySelector('.error-summary li a')!.textContent).toBe('‘What did you learn?’ must be 500 characters or fewer.');
  });

  it('keeps a message that already says what is wrong as it is', async () => {
    const doc = await render(ErrorSummary, { errors: { email: { key: 'errors.emailInvalid' } }, labels: { email: 'Email address' } });
    expect(doc.querySelector('.error-summary li a')!.textContent).toBe('Enter an email address in the right format, like name@example.org.');
  });

  it('falls back to the plain message for a field it was given no label for', async () => {
    const doc = await render(ErrorSummary, { errors: { name: { key: 'errors.required' } } });
    expect(doc.querySelector('.error-summary li a')!.textContent).toBe('This field is required.');
  });

  it('draws nothing when there are no errors', async () => {
    const doc = await render(ErrorSummary, { errors: {} });
    expect(doc.querySelector('.error-summary')).toBeNull();
  });
});

describe('the message beside a field', () => {
  it('names the text field by its label, as the summary does', async () => {
    const doc = await render(TextField, { name: 'email', label: 'Email address', error: { key: 'errors.required' } });
    const message = doc.querySelector('#field-email-error')!;
    expect(message.textContent).toBe('There is a problem: ‘Email address’ is required.');
    expect(doc.querySelector('input#field-email')!.getAttribute('aria-describedby')).toBe('field-email-error');
  });

  it('names the text field in Welsh', async () => {
    const doc = await render(TextField, { name: 'name', label: 'Enw llawn', error: { key: 'errors.required' } }, 'cy');
    expect(doc.querySelector('#field-name-error')!.textContent).toBe('Mae problem: Mae angen rhoi ateb i ‘Enw llawn’.');
  });

  it('names a group of choices by its legend', async () => {
    const doc = await render(ChoiceGroup, { name: 'decision', legend: 'Your decision', type: 'radio', options: [{ value: 'a', label: 'A' }], selected: undefined, error: { key: 'errors.required' } });
    expect(doc.querySelector('#field-decision-error')!.textContent).toBe('There is a problem: ‘Your decision’ is required.');
  });

  it('names a select by its label', async () => {
    const doc = await render(SelectField, { name: 'mentorId', label: 'Practice mentor', options: [{ value: '', label: 'None' }], error: { key: 'errors.required' } });
    expect(doc.querySelector('#field-mentorId-error')!.textContent).toBe('There is a problem: ‘Practice mentor’ is required.');
  });
});
