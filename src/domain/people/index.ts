export * from './people-import.ts';
export * from './roles.ts';
