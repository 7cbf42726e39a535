import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../src/domain/common/csv.ts';
import { toCsv } from '../../src/server/platform/csv.ts';

describe('CSV exports', () => {
  it.each([
    ['=HYPERLINK("http://evil.example")', `'=HYPERLINK("http://evil.example")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTab', `'\tTab`],
    ['Plain text', 'Plain text'],
    ['Mae’n braf = yes', 'Mae’n braf = yes'],
  ])('neutralise %j', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });

  it('quote commas and quotes, start with a byte-order mark and keep numbers as numbers', () => {
    expect(toCsv(['Enw', 'Oriau'], [['Rees, "Owain"', 1.5], ['=cmd', null]])).toBe('\uFEFFEnw,Oriau\n"Rees, ""Owain""",1.5\n\'=cmd,\n');
  });
});
