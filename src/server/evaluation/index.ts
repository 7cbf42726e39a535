export * from './report-docx.ts';
export * from './demo-history.ts';
export * from './report-exports.ts';
