export * from './people-import.ts';
