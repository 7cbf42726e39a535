/**
 * Turns what someone typed into a safe FTS5 query: each word becomes a quoted prefix term and
 * all must match. Operators and punctuation are dropped, so no input can break the query.
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}’']+/u)
    .map((w) => w.replace(/['’]/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 12);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/** Plain text from a section's MDX, for indexing: tags and Markdown markup removed. */
export function mdxToPlainText(mdx: string): string {
  return mdx
    .replace(/<PracticeExample\s+title="([^"]*)"\s*>/g, ' $1. ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/^#+\s*/gm, '')
    .replace(/[*_`>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** Splits a snippet with MARK_START/MARK_END around matches into plain and marked parts. */
export function splitSnippet(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  for (const [i, chunk] of snippet.split(MARK_START).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, marked: false });
      continue;
    }
    const [marked = '', rest = ''] = chunk.split(MARK_END);
    if (marked) parts.push({ text: marked, marked: true });
    if (rest) parts.push({ text: rest, marked: false });
  }
  return parts;
}
