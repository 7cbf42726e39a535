export * from './organisations.ts';
export * from './operator-forms.ts';
export * from './platform-audit.ts';
export * from './comparison.ts';
