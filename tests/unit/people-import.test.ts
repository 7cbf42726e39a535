import { describe, expect, it } from 'vitest';
import { validateImport } from '../../src/domain/people/people-import.ts';

const context = {
  teamIdByName: new Map([
    ['assessment team', 't1'],
    ['tîm asesu', 't1'],
    ['coast team', 't2'],
  ]),
  existingEmails: new Set(['taken@example.org']),
};
const header = ['name', 'email', 'team', 'roles', 'language'];
const run = (rows: string[][], head = header) => validateImport([head, ...rows], [1, ...rows.map((_, i) => i + 2)], context);

describe('validating a people CSV', () => {
  it('accepts good rows, matching teams in either language and several roles', () => {
    const result = run([
      ['Anwen Parry', 'Anwen.Parry@Example.org', 'Assessment team', 'learner', 'cy'],
      ['Owain Rees', 'owain@example.org', 'Tîm Asesu; Coast Team', 'learner;mentor', 'English'],
    ]);
    expect(result).toEqual({
      ok: true,
      people: [
        { line: 2, name: 'Anwen Parry', email: 'anwen.parry@example.org', teamIds: ['t1'], roles: ['learner'], locale: 'cy' },
        { line: 3, name: 'Owain Rees', email: 'owain@example.org', teamIds: ['t1', 't2'], roles: ['learner', 'mentor'], locale: 'en' },
      ],
    });
  });

  it('accepts Welsh column names', () => {
    const result = run([['Anwen Parry', 'anwen@example.org', 'Coast Team', 'dysgwr', 'cymraeg']], ['enw', 'e-bost', 'tîm', 'rolau', 'iaith']);
    expect(result.ok).toBe(true);
  });

  it('reports every bad row with its line number and reason, and imports nobody', () => {
    const result = run([
      ['Good Person', 'good@example.org', 'Coast Team', 'learner', 'cy'],
      ['', 'no-name@example.org', 'Coast Team', 'learner', 'cy'],
      ['Bad Email', 'not-an-email', 'Coast Team', 'learner', 'cy'],
      ['Taken', 'taken@example.org', 'Coast Team', 'learner', 'en'],
      ['Nowhere', 'nowhere@example.org', 'Atlantis Team', 'learner', 'en'],
      ['Wizard', 'wizard@example.org', 'Coast Team', 'wizard', 'en'],
      ['French', 'french@example.org', 'Coast Team', 'learner', 'fr'],
      ['Again', 'GOOD@example.org', 'Coast Team', 'learner', 'en'],
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 3, field: 'name', key: 'errors.required' },
        { line: 4, field: 'email', key: 'errors.emailInvalid' },
        { line: 5, field: 'email', key: 'errors.emailTaken' },
        { line: 6, field: 'team', key: 'errors.teamUnknown', params: { team: 'Atlantis Team' } },
        { line: 7, field: 'roles', key: 'errors.roleUnknown', params: { role: 'wizard' } },
        { line: 8, field: 'language', key: 'errors.languageUnknown', params: { language: 'fr' } },
        { line: 9, field: 'email', key: 'import.duplicate', params: { line: 2 } },
      ],
    });
  });

  it('refuses a file whose header does not name the columns', () => {
    expect(run([['a', 'b', 'c', 'd', 'e']], ['who', 'email', 'team', 'roles', 'language'])).toEqual({ ok: false, problems: [{ line: 1, key: 'import.badHeader' }] });
  });

  it('refuses a file with a header and no people', () => {
    expect(run([['', '', '', '', '']])).toEqual({ ok: false, problems: [{ line: 2, key: 'import.empty' }] });
  });

  it('requires at least one role', () => {
    expect(run([['No Role', 'norole@example.org', '', '', 'cy']])).toEqual({ ok: false, problems: [{ line: 2, field: 'roles', key: 'errors.roleRequired' }] });
  });

  it('does not mistake JavaScript object keys for roles or languages', () => {
    expect(run([['Proto', 'proto@example.org', '', 'constructor;__proto__', 'constructor']])).toEqual({
      ok: false,
      problems: [
        { line: 2, field: 'roles', key: 'errors.roleUnknown', params: { role: 'constructor' } },
        { line: 2, field: 'roles', key: 'errors.roleUnknown', params: { role: '__proto__' } },
        { line: 2, field: 'language', key: 'errors.languageUnknown', params: { language: 'constructor' } },
      ],
    });
  });
});
