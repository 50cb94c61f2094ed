export { DEMO_PASSWORD, DEMO_STAFF, demoEmail, isSeeded, type SeedOptions, seedDemo } from './demo';
