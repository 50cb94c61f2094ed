export { type BrokenLink, type ChainReport, verifyAuditChain } from './audit-chain';
export {
  BackupError,
  type BackupHeader,
  backupLines,
  restoreBackup,
  type TableSummary,
  tableSummaries,
} from './backup';
export { createDb, type Db, type DbConfig, type DbHandle } from './create-db';
export {
  type FacilityScope,
  keepFacilityScope,
  withFacilityScope,
} from './facility-scope';
export { migrateToLatest } from './migrate';
export { migrations } from './migrations';
export { createScratchDatabase } from './scratch-database';
export type * from './tables';
