import type { Migration } from 'kysely';
import * as createFoundation from './20261121T193000Z-create-foundation';
import * as createGroups from './20261121T210000Z-create-groups';
import * as createClientEngagement from './20261122T090000Z-create-client-engagement';
import * as createAlumniReferrals from './20261123T090000Z-create-alumni-referrals';
import * as createOutcomes from './20261124T090000Z-create-outcomes';
import * as chainAuditEvents from './20261125T090000Z-chain-audit-events';
import * as rowLevelSecurity from './20261125T100000Z-row-level-security';
import * as createIdempotencyKeys from './20261125T110000Z-create-idempotency-keys';
import * as staffSecurity from './20261126T090000Z-staff-security';

/**
 * Every migration, in order. A static list (no file globbing) works under any bundler or test
 * runner. Add new migrations at the end; never edit one that has landed.
 */
export const migrations: Record<string, Migration> = {
  '20261121T193000Z-create-foundation': createFoundation,
  '20261121T210000Z-create-groups': createGroups,
  '20261122T090000Z-create-client-engagement': createClientEngagement,
  '20261123T090000Z-create-alumni-referrals': createAlumniReferrals,
  '20261124T090000Z-create-outcomes': createOutcomes,
  '20261125T090000Z-chain-audit-events': chainAuditEvents,
  '20261125T100000Z-row-level-security': rowLevelSecurity,
  '20261125T110000Z-create-idempotency-keys': createIdempotencyKeys,
  '20261126T090000Z-staff-security': staffSecurity,
};
