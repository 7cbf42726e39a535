export * from './sessions.ts';
export * from './session-time.ts';
export * from './session-cpd.ts';
export * from './session-invitations.ts';
export * from './session-form.ts';
export * from './my-mentoring-form.ts';
export * from './groups.ts';
export * from './group-form.ts';
