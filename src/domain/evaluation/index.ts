export * from './vocabulary.ts';
export * from './report-document.ts';
