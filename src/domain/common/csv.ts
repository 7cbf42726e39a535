/**
 * Neutralises a cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage
 * return at the start) by prefixing an apostrophe, as OWASP advises for CSV injection.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
