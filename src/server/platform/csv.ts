import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../../domain/common/index.ts';
import { downloadResponse } from './download.ts';

/**
 * A CSV file (UTF-8 with a byte-order mark, so spreadsheet programs show Welsh letters
 * correctly) with every text cell made safe from formula injection.
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : (cell ?? ''))));
  return `\uFEFF${stringify([header.map(neutraliseFormula), ...safe])}`;
}

/** A download response for a CSV file. */
export function csvResponse(csv: string, filename: string): Response {
  return downloadResponse(csv, 'text/csv; charset=utf-8', filename);
}
