export * from './dates';
export * from './groups';
export * from './random';
export * from './roles';
export * from './session-expiry';
export * from './sign-in-lockout';
export * from './stats';
