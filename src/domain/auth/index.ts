export * from './password-policy.ts';
export * from './rate-limit.ts';
