export * from './report-docx.ts';
