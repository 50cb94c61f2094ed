export * from './milestones';
export * from './record-rules';
export * from './step-work';
export * from './vocabulary';
