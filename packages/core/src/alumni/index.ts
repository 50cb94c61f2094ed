export * from './consent';
export * from './distance';
export * from './follow-up';
export * from './matching';
export * from './referral-status';
export * from './vocabulary';
