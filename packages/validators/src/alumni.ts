import {
  ABSTINENCE_ANSWERS,
  ATTENDANCE_MODES,
  COMMUNITY_CODES,
  CONTACT_OUTCOMES,
  HOUSING_STATUSES,
  MEETING_FELLOWSHIPS,
  RECIPIENT_KINDS,
  REFERRAL_STATUSES,
  TIMES_OF_DAY,
  WORK_STATUSES,
} from '@homegroup/core';
import { z } from 'zod';
import { id, isoDate, optionalText } from './fields';
import { pageInput } from './pagination';

const keys = <K extends string>(o: Record<K, unknown>) => Object.keys(o) as [K, ...K[]];
const requiredText = (max: number, empty: string, what: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .max(max, `${what} can be at most ${max} characters.`);

function toMicroDegrees(degrees: number) {
  return Math.round(degrees * 1e6) / 1e6 || 0;
}
export const latitude = z
  .number({ error: 'Latitude must be a number.' })
  .min(-90, 'Latitude is between -90 and 90.')
  .max(90, 'Latitude is between -90 and 90.')
  // Six decimals is about 10 cm: finer digits mean nothing, and denormal values underflow in SQL.
  .transform(toMicroDegrees);
export const longitude = z
  .number({ error: 'Longitude must be a number.' })
  .min(-180, 'Longitude is between -180 and 180.')
  .max(180, 'Longitude is between -180 and 180.')
  .transform(toMicroDegrees);
export const weekday = z
  .number({ error: 'Choose a day of the week.' })
  .int()
  .min(0, 'Choose a day of the week.')
  .max(6, 'Choose a day of the week.');

export const alumniListInput = z.object({
  ...pageInput,
  status: z.enum(['alumni', 'in_treatment']).default('alumni'),
  search: z.string().trim().max(100, 'Search for at most 100 characters.').default(''),
});

export const referralPreferencesInput = z.object({
  clientId: id('a client'),
  fellowships: z
    .array(z.enum(keys(MEETING_FELLOWSHIPS), { error: 'Choose fellowships from the list.' }))
    .max(10)
    .default([]),
  days: z.array(weekday).max(7).default([]),
  timesOfDay: z
    .array(z.enum(keys(TIMES_OF_DAY), { error: 'Choose times of day from the list.' }))
    .max(4)
    .default([]),
  attendanceModes: z
    .array(z.enum(ATTENDANCE_MODES, { error: 'Choose in person or online.' }))
    .max(3)
    .default([]),
  language: z.string().trim().max(8).nullable().default(null),
  communities: z
    .array(z.enum(keys(COMMUNITY_CODES), { error: 'Choose from the list.' }))
    .max(4)
    .default([]),
  homeLabel: optionalText(200, 'The place name').transform((v) => v ?? null),
  homeLatitude: latitude.nullable().default(null),
  homeLongitude: longitude.nullable().default(null),
  maxDistanceMiles: z
    .number({ error: 'Give the distance in whole miles.' })
    .int('Give the distance in whole miles.')
    .min(1, 'Give a distance of at least 1 mile.')
    .max(500, 'Give a distance of at most 500 miles.')
    .nullable()
    .default(null),
});
export type ReferralPreferencesInput = z.infer<typeof referralPreferencesInput>;

export const createReferralsInput = z
  .object({
    clientId: id('a client'),
    meetingIds: z
      .array(id('a meeting'))
      .max(10, 'Refer to at most 10 meetings at once.')
      .default([]),
    alternativeName: optionalText(200, 'The programme name').transform((v) => v ?? null),
    alternativeDetails: optionalText(1000, 'The details').transform((v) => v ?? null),
    on: isoDate('the referral date'),
    note: optionalText(1000, 'The note').transform((v) => v ?? null),
  })
  .refine((v) => v.meetingIds.length > 0 || v.alternativeName !== null, {
    message: 'Choose at least one meeting, or name an alternative programme.',
    path: ['meetingIds'],
  });
export type CreateReferralsInput = z.infer<typeof createReferralsInput>;

export const moveReferralInput = z.object({
  referralId: id('a referral'),
  version: z.number().int().min(1),
  status: z.enum(keys(REFERRAL_STATUSES), { error: 'Choose a status from the list.' }),
  on: isoDate('the date'),
  note: optionalText(1000, 'The note').transform((v) => v ?? null),
});
export type MoveReferralInput = z.infer<typeof moveReferralInput>;

export const consentInput = z.object({
  clientId: id('a client'),
  discloser: requiredText(200, 'Say who may disclose (usually the facility).', 'Who may disclose'),
  information: requiredText(
    1000,
    'Say exactly what information may be disclosed.',
    'The information',
  ),
  recipientKind: z.enum(keys(RECIPIENT_KINDS), { error: 'Choose who the recipient is.' }),
  recipientName: requiredText(
    200,
    'Name the person (or class of people) who may receive it.',
    'The recipient',
  ),
  purpose: requiredText(500, 'Say what the disclosure is for.', 'The purpose'),
  rightToRevokeExplained: z.boolean({
    error: 'Confirm the client was told they can revoke this consent.',
  }),
  expiresOn: isoDate('the expiry date').nullable().default(null),
  expiryEvent: optionalText(200, 'The expiry event').transform((v) => v ?? null),
  signedBy: requiredText(200, 'Give the name the client signed with.', 'The signature'),
  signedOn: isoDate('the date it was signed'),
});
export type ConsentInput = z.infer<typeof consentInput>;

export const revokeConsentInput = z.object({
  consentId: id('a consent'),
  revokedOn: isoDate('the date it was revoked'),
  note: requiredText(500, 'Say how the client revoked it (a letter, a signed form).', 'The note'),
});
export type RevokeConsentInput = z.infer<typeof revokeConsentInput>;

export const disclosureInput = z.object({
  clientId: id('a client'),
  consentId: id('the consent it is made under'),
  referralId: id('a referral').nullable().default(null),
  recipientName: requiredText(200, 'Name the person you contacted.', 'The recipient'),
  information: requiredText(1000, 'Say what you told them.', 'The information'),
  purpose: requiredText(500, 'Say what the contact was for.', 'The purpose'),
  disclosedOn: isoDate('the date of the contact'),
});
export type DisclosureInput = z.infer<typeof disclosureInput>;

export const followUpQueueInput = z.object({
  ...pageInput,
  show: z.enum(['due', 'upcoming', 'all_open']).default('due'),
});

export const followUpAttemptInput = z
  .object({
    taskId: id('a follow-up'),
    outcome: z.enum(keys(CONTACT_OUTCOMES), { error: 'Choose how the call went.' }),
    attemptedOn: isoDate('the date of the call'),
    note: optionalText(1000, 'The note').transform((v) => v ?? null),
    communityMeetings: z
      .number({ error: 'Give the number of meetings as a whole number.' })
      .int('Give the number of meetings as a whole number.')
      .min(0, 'The number of meetings cannot be negative.')
      .max(200, 'That is more meetings than a month can hold; check the number.')
      .nullable()
      .default(null),
    hasSponsor: z.boolean().nullable().default(null),
    abstinent: z.enum(keys(ABSTINENCE_ANSWERS)).nullable().default(null),
    housing: z.enum(keys(HOUSING_STATUSES)).nullable().default(null),
    workOrSchool: z.enum(keys(WORK_STATUSES)).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'reached') return;
    const missing: [keyof typeof v, string][] = [
      ['communityMeetings', 'Ask how many community meetings they went to in the last 30 days.'],
      ['hasSponsor', 'Ask whether they have a sponsor.'],
      ['abstinent', 'Ask whether they have stayed abstinent since discharge.'],
      ['housing', 'Ask where they are living.'],
      ['workOrSchool', 'Ask about work or school.'],
    ];
    for (const [field, message] of missing) {
      if (v[field] === null) ctx.addIssue({ code: 'custom', path: [field], message });
    }
  });
export type FollowUpAttemptInput = z.infer<typeof followUpAttemptInput>;

export const followUpChoiceInput = z.object({
  clientId: id('a client'),
  choice: z.enum(['opted_in', 'opted_out'], { error: 'Choose opted in or opted out.' }),
  phone: optionalText(40, 'The phone number').transform((v) => v ?? null),
});
export type FollowUpChoiceInput = z.infer<typeof followUpChoiceInput>;

export const followUpDaysInput = z.object({
  days: z
    .array(z.number({ error: 'Follow-up days are whole numbers.' }))
    .max(12, 'Give at most 12 follow-up days.'),
});
