import type { Generated, Insertable, Selectable } from 'kysely';

export type EmergencyReviewOutcome = 'appropriate' | 'not_appropriate';

/**
 * Emergency ("break the glass") access: one staff member may open one client's record outside
 * their role for a limited time, having given a reason. Every grant waits for an admin's review.
 */
export interface EmergencyAccessGrantsTable {
  id: Generated<string>;
  facilityId: string;
  staffUserId: string;
  clientId: string;
  reason: string;
  grantedAt: Generated<Date>;
  expiresAt: Date;
  reviewedAt: Date | null;
  reviewedByStaffUserId: string | null;
  reviewOutcome: EmergencyReviewOutcome | null;
  reviewNote: string | null;
}
export type EmergencyAccessGrant = Selectable<EmergencyAccessGrantsTable>;
export type NewEmergencyAccessGrant = Insertable<EmergencyAccessGrantsTable>;
