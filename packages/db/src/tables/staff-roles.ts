import type { Role } from '@homegroup/core';
import type { Generated, Insertable, Selectable } from 'kysely';

export interface StaffRolesTable {
  staffUserId: string;
  facilityId: string;
  role: Role;
  grantedAt: Generated<Date>;
}
export type StaffRole = Selectable<StaffRolesTable>;
export type NewStaffRole = Insertable<StaffRolesTable>;
