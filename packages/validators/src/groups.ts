import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  AUDIENCES,
  type Audience,
  GROUP_FORMAT_CODES,
  GROUP_KIND_KEYS,
  type GroupKind,
  PARTICIPATION,
  type Participation,
} from '@homegroup/core';
import { z } from 'zod';
import { id, isoDate, optionalText } from './fields';

export const groupInput = z.object({
  name: z
    .string({ error: 'Give the group a name.' })
    .trim()
    .min(1, 'Give the group a name.')
    .max(120, 'A group name can be at most 120 characters.'),
  kind: z.enum(GROUP_KIND_KEYS as [GroupKind, ...GroupKind[]], {
    error: 'Choose what kind of group this is.',
  }),
  formatCodes: z
    .array(z.enum(GROUP_FORMAT_CODES, { error: 'That is not a meeting format Homegroup knows.' }))
    .max(12, 'Choose at most 12 formats.')
    .default([]),
  audiences: z
    .array(z.enum(Object.keys(AUDIENCES) as [Audience, ...Audience[]]))
    .min(1, 'Say who attends: clients, family members or alumni.'),
  programTrack: optionalText(80, 'The program track'),
  minAge: z
    .number({ error: 'Minimum age must be a whole number.' })
    .int('Minimum age must be a whole number.')
    .min(0, 'Minimum age cannot be negative.')
    .max(120, 'Minimum age must be at most 120.')
    .nullable()
    .default(null),
  participation: z.enum(['mandatory', 'optional'], {
    error: 'Say whether attending is mandatory.',
  }),
  enrolment: z.enum(['open', 'closed'], { error: 'Say whether enrolment is open or closed.' }),
  capacity: z
    .number({ error: 'Capacity must be a whole number.' })
    .int('Capacity must be a whole number.')
    .min(1, 'Capacity must be at least 1, or left empty for no limit.')
    .max(500, 'Capacity can be at most 500.')
    .nullable()
    .default(null),
  room: optionalText(120, 'The room'),
  videoUrl: z
    .url({ error: 'Give the video link as a full web address (https://…).', protocol: /^https$/ })
    .max(500, 'The video link can be at most 500 characters.')
    .nullable()
    .default(null),
  scheduleDays: z
    .array(z.number().int().min(0).max(6), { error: 'Choose the days of the week.' })
    .min(1, 'Choose at least one day of the week.')
    .max(7),
  startTime: z
    .string({ error: 'Give the start time.' })
    .regex(
      /^([01]\d|2[0-3]):[0-5]\d$/,
      'Give the start time as hours and minutes, for example 18:30.',
    ),
  durationMinutes: z
    .number({ error: 'Give the length in minutes.' })
    .int('Give the length in whole minutes.')
    .min(1, 'A session lasts at least 1 minute.')
    .max(480, 'A session lasts at most 8 hours (480 minutes).'),
  firstSessionDate: isoDate('the first session date'),
  monitorStaffId: id('the monitor'),
  coFacilitatorStaffId: id('the co-facilitator').nullable().default(null),
});
export type GroupInput = z.infer<typeof groupInput>;

export const groupUpdateInput = groupInput.omit({ firstSessionDate: true }).extend({
  groupId: id('a group'),
});
export type GroupUpdateInput = z.infer<typeof groupUpdateInput>;

export const groupIdInput = z.object({ groupId: id('a group') });

export const personRef = z.union(
  [z.object({ clientId: id('a client') }), z.object({ familyMemberId: id('a family member') })],
  { error: 'Choose a client or family member.' },
);
export type PersonRef = z.infer<typeof personRef>;

export const enrolInput = z.object({
  groupId: id('a group'),
  person: personRef,
  startDate: isoDate('the start date'),
  endDate: isoDate('the end date').nullable().default(null),
  overrideReason: optionalText(500, 'The reason'),
});
export type EnrolInput = z.infer<typeof enrolInput>;

export const endEnrolmentInput = z.object({
  enrolmentId: id('an enrolment'),
  endDate: isoDate('the end date'),
  reason: optionalText(200, 'The reason'),
});

export const sessionIdInput = z.object({ sessionId: id('a session') });

export const adHocSessionInput = z.object({
  groupId: id('a group'),
  date: isoDate('the date'),
  startTime: z
    .string()
    .regex(
      /^([01]\d|2[0-3]):[0-5]\d$/,
      'Give the start time as hours and minutes, for example 18:30.',
    ),
  durationMinutes: z
    .number({ error: 'Give the length in minutes.' })
    .int('Give the length in whole minutes.')
    .min(1, 'A session lasts at least 1 minute.')
    .max(480, 'A session lasts at most 8 hours (480 minutes).'),
});

export const attendanceEntryInput = z.object({
  person: personRef,
  status: z.enum(Object.keys(ATTENDANCE_STATUSES) as [AttendanceStatus, ...AttendanceStatus[]], {
    error: 'Choose present, late, left early or absent.',
  }),
  lateMinutes: z.number().int('Minutes must be a whole number.').nullable().default(null),
  leftEarlyMinutes: z.number().int('Minutes must be a whole number.').nullable().default(null),
  excuseReason: optionalText(200, 'The reason'),
  participation: z
    .enum(Object.keys(PARTICIPATION) as [Participation, ...Participation[]])
    .nullable()
    .default(null),
  engagementRating: z
    .number({ error: 'Engagement is rated from 1 to 5.' })
    .int('Engagement is rated from 1 to 5.')
    .min(1, 'Engagement is rated from 1 to 5.')
    .max(5, 'Engagement is rated from 1 to 5.')
    .nullable()
    .default(null),
  individualNote: optionalText(4000, 'A note'),
  walkIn: z.boolean().default(false),
  /** Take this person off the session (a walk-in added by mistake). */
  remove: z.boolean().default(false),
});
export type AttendanceEntryInput = z.infer<typeof attendanceEntryInput>;

export const sessionDetailsInput = z.object({
  topic: optionalText(200, 'The topic'),
  stepFocus: z
    .number()
    .int()
    .min(1, 'Steps run from 1 to 12.')
    .max(12, 'Steps run from 1 to 12.')
    .nullable()
    .optional(),
  reading: optionalText(200, 'The reading'),
  sharedNote: optionalText(8000, 'The shared note'),
});

export const saveAttendanceInput = z.object({
  sessionId: id('a session'),
  /** The session version the screen was loaded at. */
  baseVersion: z.number().int().min(1),
  details: sessionDetailsInput.optional(),
  entries: z.array(attendanceEntryInput).max(300, 'A session can hold at most 300 people.'),
  /** Mark attendance as taken. */
  complete: z.boolean().default(false),
  /** Required to change a signed session: it is kept with the change. */
  addendumReason: optionalText(1000, 'The reason'),
  /** The same key on a retry: the save is done at most once. */
  idempotencyKey: z.uuid('The save key must be a UUID.').optional(),
});
export type SaveAttendanceInput = z.infer<typeof saveAttendanceInput>;

export const signSessionInput = z.object({
  sessionId: id('a session'),
  baseVersion: z.number().int().min(1),
});

export const cancelSessionInput = z.object({
  sessionId: id('a session'),
  reason: z
    .string({ error: 'Give the reason the session is cancelled.' })
    .trim()
    .min(1, 'Give the reason the session is cancelled.')
    .max(300, 'The reason can be at most 300 characters.'),
});

export const facilitySettingsInput = z.object({
  monitorsLogAnySession: z.boolean({ error: 'Say whether monitors may log any session.' }),
  overdueAfterHours: z
    .number({ error: 'Give the hours as a whole number.' })
    .int('Give the hours as a whole number.')
    .min(1, 'A session becomes overdue after at least 1 hour.')
    .max(720, 'A session becomes overdue after at most 720 hours (30 days).'),
  sessionWindowWeeks: z
    .number({ error: 'Give the weeks as a whole number.' })
    .int('Give the weeks as a whole number.')
    .min(1, 'Plan sessions at least 1 week ahead.')
    .max(26, 'Plan sessions at most 26 weeks ahead.'),
});
export type FacilitySettingsInput = z.infer<typeof facilitySettingsInput>;
