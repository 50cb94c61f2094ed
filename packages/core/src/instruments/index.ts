export * from './answers';
export * from './library';
export * from './score';
export * from './types';
export * from './wording';
