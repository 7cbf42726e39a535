export * from './report-docx.ts';
export * from './demo-history.ts';
