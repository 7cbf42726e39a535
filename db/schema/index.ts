export * from './organisations.ts';
export * from './people.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './mail.ts';
export * from './learning.ts';
export * from './thresholds.ts';
export * from './simulations.ts';
