import type { Role } from '@homegroup/core';

/**
 * Who may do what: the one access table. Every tRPC procedure and every HTTP download is built
 * from its row here (`procedure(path)` in `trpc.ts`, `requireAccess` for the downloads), and a
 * test enumerates the router and fails when a procedure has no row or a row has no procedure.
 *
 * `roles`: the roles allowed at the facility the staff member is working at now (a person may hold
 * different roles at different facilities).
 * `scope`, the facility rule, says whose records the procedure reaches:
 * - `facility`: only records of the facility the staff member is working at. Enforced in each
 *   query, and again by row-level security in the database.
 * - `directed`: aggregates over the facilities where the staff member is clinical director
 *   (admin); a counselor gets their own caseload there.
 * - `organization`: the community meeting directory, shared by the organisation's facilities and
 *   holding no client data.
 * - `self`: the staff member's own account and sessions.
 */
/** The one answer to a role that may not do something: the same words everywhere. */
export const ROLE_REFUSAL = 'Your role does not give access to this.';

export type FacilityScope = 'facility' | 'directed' | 'organization' | 'self';
export type Access =
  | { readonly public: true }
  | { readonly roles: readonly Role[]; readonly scope: FacilityScope };

const EVERYONE: readonly Role[] = ['admin', 'counselor', 'group_monitor', 'alumni_coordinator'];
/** Client records: counselors and clinical directors. */
const CLINICAL: readonly Role[] = ['admin', 'counselor'];
/** Facility configuration and staff administration: clinical directors. */
const DIRECTOR: readonly Role[] = ['admin'];
/** Groups and sessions: monitors too, who see names and attendance, never clinical data. */
const GROUP_WORK: readonly Role[] = ['admin', 'counselor', 'group_monitor'];
/** Alumni work: the coordinator's job, and the director's to oversee. */
const ALUMNI_WORK: readonly Role[] = ['admin', 'alumni_coordinator'];
/** Assessments are clinical (never for monitors); coordinators give them at follow-up calls. */
const ASSESSORS: readonly Role[] = ['admin', 'counselor', 'alumni_coordinator'];
/** Emergency access is for roles that do not reach client records in their daily work. */
const BREAK_GLASS: readonly Role[] = ['group_monitor', 'alumni_coordinator'];
/** The meeting directory holds public listings, no client data: every clinical role may search it. */
const DIRECTORY_READERS: readonly Role[] = ['admin', 'alumni_coordinator', 'counselor'];

export const ACCESS = {
  'alumni.list': { roles: ALUMNI_WORK, scope: 'facility' },
  'alumni.page': { roles: ALUMNI_WORK, scope: 'facility' },
  'alumni.matches': { roles: ALUMNI_WORK, scope: 'facility' },
  'alumni.savePreferences': { roles: ALUMNI_WORK, scope: 'facility' },
  'alumni.refer': { roles: ALUMNI_WORK, scope: 'facility' },
  'alumni.moveReferral': { roles: ALUMNI_WORK, scope: 'facility' },
  'alumni.recordConsent': { roles: ALUMNI_WORK, scope: 'facility' },
  'alumni.revokeConsent': { roles: ALUMNI_WORK, scope: 'facility' },
  'alumni.recordDisclosure': { roles: ALUMNI_WORK, scope: 'facility' },
  'alumni.followUpQueue': { roles: ALUMNI_WORK, scope: 'facility' },
  'alumni.recordFollowUp': { roles: ALUMNI_WORK, scope: 'facility' },
  'alumni.setFollowUpChoice': { roles: ALUMNI_WORK, scope: 'facility' },

  'assessments.instruments': { roles: ASSESSORS, scope: 'facility' },
  'assessments.save': { roles: ASSESSORS, scope: 'facility' },
  'assessments.clientOutcomes': { roles: ASSESSORS, scope: 'facility' },
  'assessments.settings': { roles: DIRECTOR, scope: 'facility' },
  'assessments.updateSetting': { roles: DIRECTOR, scope: 'facility' },

  'audit.events': { roles: DIRECTOR, scope: 'facility' },
  'audit.filterOptions': { roles: DIRECTOR, scope: 'facility' },
  'audit.disclosureAccounting': { roles: DIRECTOR, scope: 'facility' },

  'auth.signIn': { public: true },
  'auth.signInCode': { public: true },
  'auth.signOut': { public: true },
  'auth.me': { roles: EVERYONE, scope: 'self' },
  'auth.switchFacility': { roles: EVERYONE, scope: 'self' },
  'auth.changePassword': { roles: EVERYONE, scope: 'self' },
  'auth.twoFactorStatus': { roles: EVERYONE, scope: 'self' },
  'auth.startTwoFactor': { roles: EVERYONE, scope: 'self' },
  'auth.confirmTwoFactor': { roles: EVERYONE, scope: 'self' },
  'auth.turnOffTwoFactor': { roles: EVERYONE, scope: 'self' },
  'auth.mySessions': { roles: EVERYONE, scope: 'self' },
  'auth.endSession': { roles: EVERYONE, scope: 'self' },
  'auth.endOtherSessions': { roles: EVERYONE, scope: 'self' },

  'clients.attendanceHistory': { roles: CLINICAL, scope: 'facility' },
  'clients.list': { roles: CLINICAL, scope: 'facility' },
  'clients.get': { roles: CLINICAL, scope: 'facility' },
  'clients.caseload': { roles: CLINICAL, scope: 'facility' },
  'clients.page': { roles: CLINICAL, scope: 'facility' },
  'clients.counselors': { roles: CLINICAL, scope: 'facility' },
  'clients.needsAttention': { roles: CLINICAL, scope: 'facility' },
  'clients.upcomingMilestones': { roles: CLINICAL, scope: 'facility' },
  'clients.admit': { roles: CLINICAL, scope: 'facility' },
  'clients.update': { roles: CLINICAL, scope: 'facility' },
  'clients.discharge': { roles: CLINICAL, scope: 'facility' },
  'clients.addFamilyMember': { roles: CLINICAL, scope: 'facility' },
  'clients.setStep': { roles: CLINICAL, scope: 'facility' },
  'clients.addGoal': { roles: CLINICAL, scope: 'facility' },
  'clients.addGoalNote': { roles: CLINICAL, scope: 'facility' },
  'clients.acknowledgeFlag': { roles: CLINICAL, scope: 'facility' },

  'emergency.findClient': { roles: BREAK_GLASS, scope: 'facility' },
  'emergency.open': { roles: BREAK_GLASS, scope: 'facility' },
  'emergency.record': { roles: BREAK_GLASS, scope: 'facility' },
  'emergency.reviewQueue': { roles: DIRECTOR, scope: 'facility' },
  'emergency.review': { roles: DIRECTOR, scope: 'facility' },

  'facility.overview': { roles: EVERYONE, scope: 'facility' },
  'facility.securitySettings': { roles: DIRECTOR, scope: 'facility' },
  'facility.updateSecuritySettings': { roles: DIRECTOR, scope: 'facility' },
  'facility.settings': { roles: DIRECTOR, scope: 'facility' },
  'facility.updateSettings': { roles: DIRECTOR, scope: 'facility' },
  'facility.flagSettings': { roles: CLINICAL, scope: 'facility' },
  'facility.updateFlagSettings': { roles: DIRECTOR, scope: 'facility' },
  'facility.milestoneSets': { roles: CLINICAL, scope: 'facility' },
  'facility.updateMilestoneSet': { roles: DIRECTOR, scope: 'facility' },
  'facility.followUpDays': { roles: ALUMNI_WORK, scope: 'facility' },
  'facility.updateFollowUpDays': { roles: DIRECTOR, scope: 'facility' },

  'groups.list': { roles: GROUP_WORK, scope: 'facility' },
  'groups.get': { roles: GROUP_WORK, scope: 'facility' },
  'groups.staffOptions': { roles: CLINICAL, scope: 'facility' },
  'groups.create': { roles: CLINICAL, scope: 'facility' },
  'groups.update': { roles: CLINICAL, scope: 'facility' },
  'groups.archive': { roles: CLINICAL, scope: 'facility' },
  'groups.enrol': { roles: CLINICAL, scope: 'facility' },
  'groups.endEnrolment': { roles: CLINICAL, scope: 'facility' },
  'groups.searchPeople': { roles: GROUP_WORK, scope: 'facility' },

  'meetings.search': { roles: DIRECTORY_READERS, scope: 'organization' },
  'meetings.filterOptions': { roles: DIRECTORY_READERS, scope: 'organization' },
  'meetings.places': { roles: DIRECTORY_READERS, scope: 'organization' },
  'meetings.sources': { roles: ALUMNI_WORK, scope: 'organization' },
  'meetings.createSource': { roles: ALUMNI_WORK, scope: 'organization' },
  'meetings.importReport': { roles: ALUMNI_WORK, scope: 'organization' },
  'meetings.saveManual': { roles: ALUMNI_WORK, scope: 'organization' },

  'outcomes.filterOptions': { roles: CLINICAL, scope: 'directed' },
  'outcomes.dashboard': { roles: CLINICAL, scope: 'directed' },

  'sessions.today': { roles: GROUP_WORK, scope: 'facility' },
  'sessions.get': { roles: GROUP_WORK, scope: 'facility' },
  'sessions.saveAttendance': { roles: GROUP_WORK, scope: 'facility' },
  'sessions.sign': { roles: GROUP_WORK, scope: 'facility' },
  'sessions.cancel': { roles: GROUP_WORK, scope: 'facility' },
  'sessions.createAdHoc': { roles: GROUP_WORK, scope: 'facility' },

  'staff.list': { roles: DIRECTOR, scope: 'facility' },
  'staff.create': { roles: DIRECTOR, scope: 'facility' },
  'staff.setRole': { roles: DIRECTOR, scope: 'facility' },
  'staff.setActive': { roles: DIRECTOR, scope: 'facility' },
  'staff.resetTwoFactor': { roles: DIRECTOR, scope: 'facility' },
} as const satisfies Record<string, Access>;

/** File downloads and uploads served outside tRPC, with the same rows. */
export const HTTP_ACCESS = {
  'export.auditCsv': { roles: DIRECTOR, scope: 'facility' },
  'export.caseloadCsv': { roles: CLINICAL, scope: 'facility' },
  'export.fhirBundle': { roles: CLINICAL, scope: 'facility' },
  'export.disclosuresCsv': { roles: ALUMNI_WORK, scope: 'facility' },
  'export.indicatorCsv': { roles: CLINICAL, scope: 'directed' },
  'import.meetingFeed': { roles: ALUMNI_WORK, scope: 'organization' },
} as const satisfies Record<string, Access>;

export type ProcedurePath = keyof typeof ACCESS;
export type HttpPath = keyof typeof HTTP_ACCESS;
/** Paths that work signed out (sign-in and sign-out). */
export type PublicPath = {
  [P in ProcedurePath]: (typeof ACCESS)[P] extends { public: true } ? P : never;
}[ProcedurePath];
export type StaffPath = Exclude<ProcedurePath, PublicPath>;

/** The roles allowed on a path, or null for a public one. */
export function rolesFor(path: ProcedurePath | HttpPath): readonly Role[] | null {
  const row: Access =
    path in ACCESS ? ACCESS[path as ProcedurePath] : HTTP_ACCESS[path as HttpPath];
  return 'public' in row ? null : row.roles;
}
