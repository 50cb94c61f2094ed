export * from './caseload-columns';
export * from './charts';
export * from './flags';
export * from './measures';
export * from './person-sessions';
export * from './summary';
