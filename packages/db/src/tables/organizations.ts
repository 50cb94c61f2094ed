import type { Generated, Insertable, Selectable } from 'kysely';

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  createdAt: Generated<Date>;
}
export type Organization = Selectable<OrganizationsTable>;
export type NewOrganization = Insertable<OrganizationsTable>;
