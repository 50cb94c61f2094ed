export * from './alumni';
export * from './auth';
export * from './clients';
export * from './groups';
export * from './meetings';
export * from './outcomes';
export * from './pagination';
export * from './security';
