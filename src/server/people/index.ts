export * from './people-admin.ts';
export * from './people-import.ts';
export * from './people-repo.ts';
export * from './person-admin-form.ts';
