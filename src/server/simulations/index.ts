export * from './simulation-view.ts';
export * from './simulations.ts';
