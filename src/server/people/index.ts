export * from './people-admin.ts';
export * from './people-import.ts';
export * from './people-repo.ts';
export * from './invite-form.ts';
export * from './people-import-form.ts';
export * from './person-admin-form.ts';
export * from './team-form.ts';
export * from './scope.ts';
