import type { AttendanceMode, CommunityCode, ReferralStatus, TimeOfDay } from '@homegroup/core';
import type { Generated, Insertable, Selectable } from 'kysely';

/** What an alumnus wants from a community meeting, used to rank the directory for them. */
export interface ReferralPreferencesTable {
  clientId: string;
  facilityId: string;
  fellowships: string[];
  days: number[];
  timesOfDay: TimeOfDay[];
  attendanceModes: AttendanceMode[];
  language: string | null;
  communities: CommunityCode[];
  homeLabel: string | null;
  homeLatitude: number | null;
  homeLongitude: number | null;
  maxDistanceMiles: number | null;
  updatedBy: string;
  updatedAt: Generated<Date>;
}
export type ReferralPreferences = Selectable<ReferralPreferencesTable>;

export interface ReferralsTable {
  id: Generated<string>;
  facilityId: string;
  clientId: string;
  meetingId: string | null;
  alternativeName: string | null;
  alternativeDetails: string | null;
  status: ReferralStatus;
  /** The date the current status happened. */
  statusOn: string;
  firstAttendedOn: string | null;
  matchReasons: Generated<string[]>;
  version: Generated<number>;
  createdBy: string;
  createdAt: Generated<Date>;
}
export type Referral = Selectable<ReferralsTable>;
export type NewReferral = Insertable<ReferralsTable>;

/** Every status a referral passed through, with its date and who recorded it. */
export interface ReferralEventsTable {
  id: Generated<number>;
  referralId: string;
  facilityId: string;
  status: ReferralStatus;
  occurredOn: string;
  note: string | null;
  recordedBy: string;
  recordedAt: Generated<Date>;
}
export type ReferralEvent = Selectable<ReferralEventsTable>;
