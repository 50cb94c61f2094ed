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
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}
export type StaffUser = Selectable<StaffUsersTable>;
export type NewStaffUser = Insertable<StaffUsersTable>;
export type StaffUserUpdate = Updateable<StaffUsersTable>;
