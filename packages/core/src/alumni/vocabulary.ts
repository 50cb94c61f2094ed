import { FELLOWSHIPS } from '../clients/vocabulary';

/**
 * Fellowships a community meeting can belong to: the ones a client may prefer, plus the family
 * fellowships whose meetings appear in public feeds (Al-Anon, Nar-Anon).
 */
export const MEETING_FELLOWSHIPS = {
  aa: FELLOWSHIPS.aa,
  na: FELLOWSHIPS.na,
  ca: FELLOWSHIPS.ca,
  cma: FELLOWSHIPS.cma,
  al_anon: 'Al-Anon Family Groups',
  nar_anon: 'Nar-Anon Family Groups',
  smart: FELLOWSHIPS.smart,
  lifering: FELLOWSHIPS.lifering,
  refuge: FELLOWSHIPS.refuge,
  other: FELLOWSHIPS.other,
} as const;
export type MeetingFellowship = keyof typeof MEETING_FELLOWSHIPS;

/** The fellowships whose programme is not the Twelve Steps. */
export const NON_TWELVE_STEP: readonly MeetingFellowship[] = ['smart', 'lifering', 'refuge'];

/**
 * A referral's life. Community meetings do not confirm attendance (anonymity is their
 * tradition), so "first meeting" and "attending" are what the alumnus tells us.
 */
export const REFERRAL_STATUSES = {
  suggested: 'Suggested',
  accepted: 'Accepted',
  first_attended: 'First meeting attended',
  attending: 'Attending regularly at 30 days',
  declined: 'Declined',
  lost_contact: 'Lost contact',
} as const;
export type ReferralStatus = keyof typeof REFERRAL_STATUSES;

/** Whom a warm hand-off discloses to. */
export const RECIPIENT_KINDS = {
  meeting_contact: 'A contact person at a meeting',
  temporary_sponsor: 'A temporary sponsor',
  alumni_volunteer: 'An alumni volunteer',
  other: 'Someone else',
} as const;
export type RecipientKind = keyof typeof RECIPIENT_KINDS;

export const CONTACT_OUTCOMES = {
  reached: 'Reached',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
  declined: 'Declined to talk',
} as const;
export type ContactOutcome = keyof typeof CONTACT_OUTCOMES;

export const ABSTINENCE_ANSWERS = {
  yes: 'Yes, abstinent since discharge',
  no: 'No, has used since discharge',
  declined: 'Preferred not to say',
} as const;
export type AbstinenceAnswer = keyof typeof ABSTINENCE_ANSWERS;

export const HOUSING_STATUSES = {
  stable: 'Stable housing (own or rented)',
  family: 'With family or friends',
  sober_living: 'Sober living or recovery residence',
  treatment: 'Back in treatment',
  unstable: 'Unstable or temporary',
  homeless: 'Homeless',
} as const;
export type HousingStatus = keyof typeof HOUSING_STATUSES;

export const WORK_STATUSES = {
  working: 'Working',
  school: 'In school or training',
  both: 'Working and in school',
  looking: 'Looking for work',
  neither: 'Neither',
  unable: 'Unable to work (health, disability, retired)',
} as const;
export type WorkStatus = keyof typeof WORK_STATUSES;

export const FOLLOW_UP_TASK_STATUSES = {
  open: 'Open',
  done: 'Done',
  declined: 'Declined',
  cancelled: 'Cancelled',
} as const;
export type FollowUpTaskStatus = keyof typeof FOLLOW_UP_TASK_STATUSES;

/** Weekly meetings by the part of the day they start in (local time of the meeting). */
export const TIMES_OF_DAY = {
  morning: { label: 'Morning (5 am – noon)', from: 5 * 60, to: 12 * 60 },
  afternoon: { label: 'Afternoon (noon – 5 pm)', from: 12 * 60, to: 17 * 60 },
  evening: { label: 'Evening (5 pm – 9 pm)', from: 17 * 60, to: 21 * 60 },
  night: { label: 'Late night (9 pm – 5 am)', from: 21 * 60, to: 5 * 60 },
} as const;
export type TimeOfDay = keyof typeof TIMES_OF_DAY;

export function timeOfDay(minute: number): TimeOfDay {
  for (const [key, span] of Object.entries(TIMES_OF_DAY) as [
    TimeOfDay,
    (typeof TIMES_OF_DAY)[TimeOfDay],
  ][]) {
    const inside =
      span.from < span.to
        ? minute >= span.from && minute < span.to
        : minute >= span.from || minute < span.to;
    if (inside) return key;
  }
  return 'night';
}

/** Meeting kinds a client may ask for by who they are for (Meeting Guide codes). */
export const COMMUNITY_CODES = {
  W: "Women's meetings",
  M: "Men's meetings",
  LGBTQ: 'LGBTQ meetings',
  Y: "Young people's meetings",
} as const;
export type CommunityCode = keyof typeof COMMUNITY_CODES;
