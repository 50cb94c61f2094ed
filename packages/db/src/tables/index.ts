import type { AuditEventsTable } from './audit-events';
import type { AuthSessionsTable } from './auth-sessions';
import type { ClientsTable } from './clients';
import type { FacilitiesTable } from './facilities';
import type { OrganizationsTable } from './organizations';
import type { SignInAttemptsTable } from './sign-in-attempts';
import type { StaffRolesTable } from './staff-roles';
import type { StaffUsersTable } from './staff-users';

/** Every table, keyed by its SQL name; columns are camelCase here and snake_case in SQL. */
export interface Database {
  organizations: OrganizationsTable;
  facilities: FacilitiesTable;
  staffUsers: StaffUsersTable;
  staffRoles: StaffRolesTable;
  authSessions: AuthSessionsTable;
  signInAttempts: SignInAttemptsTable;
  clients: ClientsTable;
  auditEvents: AuditEventsTable;
}

export type * from './audit-events';
export type * from './auth-sessions';
export type * from './clients';
export type * from './facilities';
export type * from './organizations';
export type * from './sign-in-attempts';
export type * from './staff-roles';
export type * from './staff-users';
