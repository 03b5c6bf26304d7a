export * from './types';
export { analyze, Analyzer } from './analyze';
export * from './present';
export * from './session';
