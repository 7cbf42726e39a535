export * from './attempt-engine.ts';
export * from './refusal-to-http.ts';
