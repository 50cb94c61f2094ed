export { DEMO_PASSWORD, DEMO_STAFF, demoEmail, isSeeded, type SeedOptions, seedDemo } from './demo';
export {
  SCALE_FACILITY_NAME,
  SCALE_PASSWORD,
  type ScaleSeedOptions,
  type ScaleSeedResult,
  scaleCounselorEmail,
  seedScale,
} from './scale';
