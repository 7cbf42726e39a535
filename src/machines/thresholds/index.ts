export * from './threshold-exercise.machine.ts';
