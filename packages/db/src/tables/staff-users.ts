import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface StaffUsersTable {
  id: Generated<string>;
  organizationId: string;
  /** Always lower case. */
  email: string;
  displayName: string;
  /** argon2id PHC string. */
  passwordHash: string;
  isActive: Generated<boolean>;
  /** Base32 secret for two-step codes; set when enrolment starts, trusted once `totpEnabledAt` is set. */
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  /** The 30-second step of the last code accepted: a code works once. */
  totpLastStep: number | null;
  passwordChangedAt: Date | null;
  disabledAt: Date | null;
  disabledByStaffUserId: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
export type StaffUser = Selectable<StaffUsersTable>;
export type NewStaffUser = Insertable<StaffUsersTable>;
export type StaffUserUpdate = Updateable<StaffUsersTable>;
