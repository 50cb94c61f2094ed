export * from './auth';
export * from './clients';
export * from './groups';
export * from './pagination';
