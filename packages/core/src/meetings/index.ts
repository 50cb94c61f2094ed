export * from './meeting';
export * from './meeting-types';
export * from './normalise-feed';
export * from './parse-feed';
