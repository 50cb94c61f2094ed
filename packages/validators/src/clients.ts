import {
  DISCHARGE_TYPES,
  FELLOWSHIPS,
  FLAG_RULES,
  FOLLOW_UP_CHOICES,
  GOAL_STATUSES,
  LEVELS_OF_CARE,
  STEP_STATUSES,
  SUBSTANCES,
  SUPPORT_PEOPLE,
} from '@homegroup/core';
import { z } from 'zod';
import { id, isoDate, optionalText } from './fields';
import { pageInput } from './pagination';

export const clientStatuses = ['in_treatment', 'alumni'] as const;

const keys = <K extends string>(o: Record<K, unknown>) => Object.keys(o) as [K, ...K[]];

export const clientsListInput = z.object({
  ...pageInput,
  search: z.string().trim().max(100, 'Search for at most 100 characters.').optional(),
  status: z.enum(clientStatuses, { error: 'Choose in treatment or alumni.' }).optional(),
});
export type ClientsListInput = z.infer<typeof clientsListInput>;

export const clientIdInput = z.object({
  clientId: z.uuid({ error: 'That is not a client link Homegroup made.' }),
});

const requiredName = (what: string) =>
  z
    .string({ error: `Give the ${what}.` })
    .trim()
    .min(1, `Give the ${what}.`)
    .max(80, `The ${what} can be at most 80 characters.`);

const nullableDate = (what: string) => isoDate(what).nullable().default(null);

/** The admission record: who the client is and how their treatment is set up. */
export const clientRecordInput = z.object({
  recordNumber: z
    .string({ error: 'Give the record number.' })
    .trim()
    .min(1, 'Give the record number.')
    .max(30, 'A record number can be at most 30 characters.'),
  firstName: requiredName('legal first name'),
  lastName: requiredName('legal last name'),
  preferredName: optionalText(80, 'The preferred name'),
  pronouns: optionalText(40, 'Pronouns'),
  dateOfBirth: nullableDate('the date of birth'),
  primarySubstances: z
    .array(z.enum(keys(SUBSTANCES), { error: 'Choose substances from the list.' }))
    .max(7, 'Choose at most 7 substances.')
    .default([]),
  levelOfCare: z
    .enum(keys(LEVELS_OF_CARE), { error: 'Choose a level of care from the list.' })
    .nullable()
    .default(null),
  programTrack: optionalText(80, 'The program track'),
  admissionDate: isoDate('the admission date'),
  counselorStaffId: id('a counselor').nullable().default(null),
  sobrietyDate: nullableDate('the sobriety date'),
  preferredFellowship: z
    .enum(keys(FELLOWSHIPS), { error: 'Choose a fellowship from the list.' })
    .nullable()
    .default(null),
  supportPerson: z
    .enum(keys(SUPPORT_PEOPLE), { error: 'Choose sponsor or mentor.' })
    .nullable()
    .default(null),
  supportSince: nullableDate('the date they found their sponsor or mentor'),
});
export type ClientRecordInput = z.infer<typeof clientRecordInput>;

export const updateClientInput = clientRecordInput.extend({
  clientId: z.uuid({ error: 'That is not a client link Homegroup made.' }),
  version: z.number().int().min(1),
});
export type UpdateClientInput = z.infer<typeof updateClientInput>;

export const dischargeInput = z.object({
  clientId: z.uuid({ error: 'That is not a client link Homegroup made.' }),
  version: z.number().int().min(1),
  dischargeDate: isoDate('the discharge date'),
  dischargeType: z.enum(keys(DISCHARGE_TYPES), { error: 'Choose how the stay ended.' }),
  alumniFollowUp: z.enum(keys(FOLLOW_UP_CHOICES), {
    error: 'Say whether the client opted in to alumni follow-up.',
  }),
});
export type DischargeInput = z.infer<typeof dischargeInput>;

export const RELATIONSHIPS = [
  'Spouse or partner',
  'Parent',
  'Child',
  'Sibling',
  'Grandparent',
  'Other relative',
  'Friend',
] as const;

export const familyMemberInput = z.object({
  clientId: z.uuid({ error: 'That is not a client link Homegroup made.' }),
  firstName: requiredName('first name'),
  lastName: requiredName('last name'),
  preferredName: optionalText(80, 'The preferred name'),
  relationship: z.enum(RELATIONSHIPS, { error: 'Choose how they are related to the client.' }),
  dateOfBirth: nullableDate('the date of birth'),
});
export type FamilyMemberInput = z.infer<typeof familyMemberInput>;

export const stepWorkInput = z.object({
  clientId: z.uuid({ error: 'That is not a client link Homegroup made.' }),
  step: z
    .number({ error: 'Choose a step from 1 to 12.' })
    .int('Choose a step from 1 to 12.')
    .min(1, 'Choose a step from 1 to 12.')
    .max(12, 'Choose a step from 1 to 12.'),
  status: z.enum(keys(STEP_STATUSES), { error: 'Choose not started, working or completed.' }),
  startedOn: nullableDate('the start date'),
  completedOn: nullableDate('the completion date'),
});
export type StepWorkInput = z.infer<typeof stepWorkInput>;

const goalText = z
  .string({ error: 'Write the goal in the client’s words.' })
  .trim()
  .min(1, 'Write the goal in the client’s words.')
  .max(500, 'A goal can be at most 500 characters.');

export const goalInput = z.object({
  clientId: z.uuid({ error: 'That is not a client link Homegroup made.' }),
  text: goalText,
  targetDate: nullableDate('the target date'),
});
export type GoalInput = z.infer<typeof goalInput>;

export const goalNoteInput = z.object({
  goalId: z.uuid({ error: 'That is not a goal Homegroup made.' }),
  note: z
    .string({ error: 'Write a progress note.' })
    .trim()
    .min(1, 'Write a progress note.')
    .max(2000, 'A progress note can be at most 2,000 characters.'),
  status: z.enum(keys(GOAL_STATUSES), { error: 'Choose a status from the list.' }).optional(),
});
export type GoalNoteInput = z.infer<typeof goalNoteInput>;

export const acknowledgeFlagInput = z.object({
  flagId: z.uuid({ error: 'That is not a flag Homegroup raised.' }),
  note: z
    .string({ error: 'Say what you did or decided about this flag.' })
    .trim()
    .min(1, 'Say what you did or decided about this flag.')
    .max(1000, 'A note can be at most 1,000 characters.'),
});
export type AcknowledgeFlagInput = z.infer<typeof acknowledgeFlagInput>;

/** Columns the caseload can sort by. */
export const CASELOAD_SORTS = [
  'name',
  'counselor',
  'levelOfCare',
  'daysInTreatment',
  'attendanceRate',
  'participationRate',
  'meanEngagement',
  'engagementTrend',
  'lastAttended',
  'daysSober',
  'flags',
] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

/** `mine`, `all`, `none` (no counselor assigned) or one counselor's id. */
const counselorFilter = z.union([z.enum(['mine', 'all', 'none']), z.uuid()], {
  error: 'Choose a counselor from the list.',
});
const flagFilter = z.enum(['any', 'unacknowledged', ...keys(FLAG_RULES)], {
  error: 'Choose a flag from the list.',
});
const statusFilter = z.enum(['in_treatment', 'alumni', 'all'], {
  error: 'Choose in treatment, alumni or everyone.',
});

/** The caseload's filters and order, shared by the page, its CSV export and the URL. */
export const caseloadFilters = z.object({
  sort: z.enum(CASELOAD_SORTS, { error: 'That column cannot be sorted.' }).default('name'),
  direction: z.enum(['asc', 'desc'], { error: 'Sort up or down.' }).default('asc'),
  search: z.string().trim().max(100, 'Search for at most 100 characters.').optional(),
  counselor: counselorFilter.default('all'),
  levelOfCare: z
    .enum(keys(LEVELS_OF_CARE), { error: 'Choose a level of care from the list.' })
    .optional(),
  flag: flagFilter.optional(),
  status: statusFilter.default('in_treatment'),
});
export type CaseloadFilters = z.infer<typeof caseloadFilters>;

export const caseloadInput = caseloadFilters.extend(pageInput);
export type CaseloadInput = z.infer<typeof caseloadInput>;

/**
 * The same state read from a URL, where anything unreadable falls back to its default instead of
 * failing: a bookmarked view from an older version still opens.
 */
export const caseloadSearchParams = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(50),
  sort: z.enum(CASELOAD_SORTS).catch('name'),
  direction: z.enum(['asc', 'desc']).catch('asc'),
  search: z.string().trim().max(100).optional().catch(undefined),
  counselor: counselorFilter.optional().catch(undefined),
  levelOfCare: z.enum(keys(LEVELS_OF_CARE)).optional().catch(undefined),
  flag: flagFilter.optional().catch(undefined),
  status: statusFilter.catch('in_treatment'),
});

export const milestoneSetInput = z.object({
  fellowship: z.enum(['default', ...keys(FELLOWSHIPS)], {
    error: 'Choose a fellowship from the list.',
  }),
  milestones: z
    .string({ error: 'List the milestones.' })
    .trim()
    .max(400, 'Keep the list under 400 characters.'),
});
export type MilestoneSetInput = z.infer<typeof milestoneSetInput>;

const whole = (what: string, min: number, max: number) =>
  z
    .number({ error: `Give ${what} as a whole number.` })
    .int(`Give ${what} as a whole number.`)
    .min(min, `${what[0]?.toUpperCase()}${what.slice(1)} must be at least ${min}.`)
    .max(max, `${what[0]?.toUpperCase()}${what.slice(1)} must be at most ${max}.`);

/** Flag thresholds; the ranges match the database's checks. */
export const flagSettingsInput = z.object({
  missedInRow: whole('the sessions missed in a row', 1, 20),
  lowAttendancePercent: whole('the attendance percentage', 1, 100),
  attendanceWindowDays: whole('the attendance window in days', 7, 90),
  engagementDrop: z
    .number({ error: 'Give the fall in engagement as a number of points, e.g. 1 or 1.5.' })
    .min(0.5, 'The fall in engagement must be at least 0.5 points.')
    .max(4, 'The fall in engagement must be at most 4 points.')
    .refine((v) => Number.isInteger(v * 10), 'Give the fall in engagement to one decimal place.'),
  engagementWeeks: whole('the weeks compared', 2, 12),
  noAttendanceDays: whole('the days without attendance', 2, 60),
});
export type FlagSettingsInput = z.infer<typeof flagSettingsInput>;
