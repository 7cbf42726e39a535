export * from './password-policy.ts';
export * from './rate-limit.ts';
export * from './account-tokens.ts';
