export * from './attendance';
export * from './display-name';
export * from './enrolment';
export * from './group-kinds';
export * from './meeting-formats';
export * from './schedule';
export * from './session-state';
export * from './twelve-steps';
