import { describe, expect, it } from 'vitest';
import { readFormValues } from '../../src/domain/common/form-values.ts';

const formData = (entries: [string, string | Blob][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe('reading a submitted form', () => {
  it('keeps every value of a repeatable field and the first value of any other', () => {
    const values = readFormValues(formData([['areas', 'safety'], ['areas', 'school'], ['name', 'Elin'], ['name', 'Second']]), { multi: ['areas'] });
    expect(values).toEqual({ areas: ['safety', 'school'], name: 'Elin' });
  });

  it('gives a repeatable field with nothing ticked an empty list', () => {
    expect(readFormValues(formData([['event', 'SET_PLAN']]), { multi: ['areas', 'actions'] })).toEqual({ event: 'SET_PLAN', areas: [], actions: [] });
  });

  it('keeps a repeatable field with one value as a list of one', () => {
    expect(readFormValues(formData([['kindsOfHarm', 'neglect']]), { multi: ['kindsOfHarm'] })).toEqual({ kindsOfHarm: ['neglect'] });
  });

  it('reads URLSearchParams the same way as FormData', () => {
    const query = new URLSearchParams('areas=safety&areas=school&q=hello');
    expect(readFormValues(query, { multi: ['areas'] })).toEqual(readFormValues(formData([['areas', 'safety'], ['areas', 'school'], ['q', 'hello']]), { multi: ['areas'] }));
  });

  it('ignores uploaded files', () => {
    expect(readFormValues(formData([['upload', new Blob(['x'])], ['note', 'kept']]))).toEqual({ note: 'kept' });
  });

  it('cuts each value to the longest allowed, when asked', () => {
    expect(readFormValues(formData([['reason', 'abcdef'], ['tags', 'abcdef']]), { multi: ['tags'], maxLength: 3 })).toEqual({ reason: 'abc', tags: ['abc'] });
  });

  it('keeps empty strings (an empty field is sent, and says so)', () => {
    expect(readFormValues(formData([['reason', '']]))).toEqual({ reason: '' });
  });
});
