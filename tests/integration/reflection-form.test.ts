import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LONGEST_TEXT_FIELD } from '../../src/server/platform/forms.ts';
import { listReflections } from '../../src/server/learning/learning.ts';
import { reflectionForm } from '../../src/server/learning/reflection-form.ts';
import { fixtureModule } from '../fixtures/module.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const found = { programme: { id: 'collaborative-conversations' }, module: fixtureModule() };
const submit = async (text: string | null, locale: 'cy' | 'en' = 'en') => reflectionForm(await scopeOf(database.db, 'demo-learner'), found, formPost(text === null ? {} : { text }), locale);

describe('the reflection form', () => {
  it('saves the reflection with the prompt in the page language and goes back with a notice', async () => {
    const result = await submit('I noticed how much the family already knew.', 'cy');
    expect(result).toMatchObject({ status: 303, redirect: '/cy/learn/collaborative-conversations/cc-fixture/reflect?saved', errors: {} });
    const [entry] = await listReflections(await scopeOf(database.db, 'demo-learner'));
    expect(entry).toMatchObject({ moduleId: 'cc-fixture', moduleVersion: 1, prompt: 'What did you notice? (cy)', text: 'I noticed how much the family already knew.', sharedWithMentor: false });
  });

  it('refuses an empty or missing reflection with 422 and saves nothing', async () => {
    expect(await submit('   ')).toMatchObject({ status: 422, redirect: null, errors: { text: { key: 'errors.required' } } });
    expect(await submit(null)).toMatchObject({ status: 422, redirect: null, errors: { text: { key: expect.any(String) } } });
    expect(await listReflections(await scopeOf(database.db, 'demo-learner'))).toEqual([]);
  });

  it('refuses an over-long reflection but gives back what was written to edit', async () => {
    const long = 'a'.repeat(LONGEST_TEXT_FIELD + 1);
    const result = await submit(long);
    expect(result).toMatchObject({ status: 422, errors: { text: { key: 'errors.tooLong', params: { max: LONGEST_TEXT_FIELD } } } });
    expect(result.values.text).toBe(long);
    expect(await listReflections(await scopeOf(database.db, 'demo-learner'))).toEqual([]);
  });
});
