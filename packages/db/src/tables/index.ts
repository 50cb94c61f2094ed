import type { AttendanceRecordsTable } from './attendance-records';
import type { AuditEventsTable } from './audit-events';
import type { AuthSessionsTable } from './auth-sessions';
import type { ClientsTable } from './clients';
import type { FacilitiesTable } from './facilities';
import type { FacilitySettingsTable } from './facility-settings';
import type { FamilyMembersTable } from './family-members';
import type { GroupEnrolmentsTable } from './group-enrolments';
import type { GroupSessionsTable } from './group-sessions';
import type { GroupsTable } from './groups';
import type { OrganizationsTable } from './organizations';
import type { SessionAddendaTable } from './session-addenda';
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
  facilitySettings: FacilitySettingsTable;
  familyMembers: FamilyMembersTable;
  groups: GroupsTable;
  groupEnrolments: GroupEnrolmentsTable;
  groupSessions: GroupSessionsTable;
  attendanceRecords: AttendanceRecordsTable;
  sessionAddenda: SessionAddendaTable;
}

export type * from './attendance-records';
export type * from './audit-events';
export type * from './auth-sessions';
export type * from './clients';
export type * from './facilities';
export type * from './facility-settings';
export type * from './family-members';
export type * from './group-enrolments';
export type * from './group-sessions';
export type * from './groups';
export type * from './organizations';
export type * from './session-addenda';
export type * from './sign-in-attempts';
export type * from './staff-roles';
export type * from './staff-users';
