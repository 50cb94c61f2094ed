import type { Generated, Insertable, Selectable } from 'kysely';

/** A relative of a client, who may attend family-system groups. */
export interface FamilyMembersTable {
  id: Generated<string>;
  facilityId: string;
  clientId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  relationship: string;
  dateOfBirth: string | null;
  createdAt: Generated<Date>;
}
export type FamilyMember = Selectable<FamilyMembersTable>;
export type NewFamilyMember = Insertable<FamilyMembersTable>;
