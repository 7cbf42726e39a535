import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fields, parseForm } from '../../src/server/platform/forms.ts';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};
const schema = z.object({ name: fields.requiredText(10), email: fields.email(), roles: z.array(z.string()).min(1, { error: 'errors.roleRequired' }) });

describe('parsing a submitted form', () => {
  it('returns clean data when it is valid', () => {
    const result = parseForm(schema, form([['name', '  Elin '], ['email', ' Elin@Example.ORG '], ['roles', 'learner'], ['roles', 'mentor']]), ['roles']);
    expect(result).toMatchObject({ ok: true, data: { name: 'Elin', email: 'elin@example.org', roles: ['learner', 'mentor'] } });
  });

  it('returns one translation key per bad field and keeps what was typed', () => {
    const result = parseForm(schema, form([['name', 'A name far too long'], ['email', 'nope']]), ['roles']);
    expect(result).toEqual({
      ok: false,
      errors: { name: { key: 'errors.tooLong', params: { max: 10 } }, email: { key: 'errors.emailInvalid' }, roles: { key: 'errors.roleRequired' } },
      values: { name: 'A name far too long', email: 'nope', roles: [] },
    });
  });

  it('treats a missing field as required', () => {
    const result = parseForm(schema, form([]), ['roles']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.name).toEqual({ key: 'errors.invalidChoice' });
  });
});
