import { describe, expect, it } from 'vitest';
import { MARK_END, MARK_START, mdxToPlainText, splitSnippet, toFtsQuery } from '../../src/domain/learning/search.ts';

describe('turning typed words into a search query', () => {
  it.each([
    ['significant harm', '"significant"* "harm"*'],
    ['niwed sylweddol', '"niwed"* "sylweddol"*'],
    ['Mae’r tîm', '"Maer"* "tîm"*'],
    ['harm" OR 1=1 --', '"harm"* "OR"* "1"* "1"*'],
    ['NEAR(a b)', '"NEAR"* "a"* "b"*'],
    ['', null],
    ['*** ---', null],
  ])('%j → %j', (input, query) => {
    expect(toFtsQuery(input)).toBe(query);
  });
});

describe('plain text for the index', () => {
  it('keeps words and example titles, drops tags and markup', () => {
    expect(mdxToPlainText('## Heading\n\nSome **bold** text.\n\n<PracticeExample title="The Pritchards">\nA visit.\n</PracticeExample>')).toBe('Heading Some bold text. The Pritchards. A visit.');
  });
});

describe('search snippets', () => {
  it('split into plain and marked parts, so no HTML is ever built from text', () => {
    expect(splitSnippet(`…the ${MARK_START}threshold${MARK_END} of ${MARK_START}harm${MARK_END}`)).toEqual([
      { text: '…the ', marked: false },
      { text: 'threshold', marked: true },
      { text: ' of ', marked: false },
      { text: 'harm', marked: true },
    ]);
  });
});
