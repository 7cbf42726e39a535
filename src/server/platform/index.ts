export * from './config.ts';
export * from './csv.ts';
export * from './db.ts';
export * from './forms.ts';
export * from './health.ts';
export * from './request.ts';
export * from './tokens.ts';
