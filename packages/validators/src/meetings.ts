import { ATTENDANCE_MODES, MEETING_FELLOWSHIPS } from '@homegroup/core';
import { z } from 'zod';
import { latitude, longitude, weekday } from './alumni';
import { id, optionalText } from './fields';
import { pageInput } from './pagination';

const keys = <K extends string>(o: Record<K, unknown>) => Object.keys(o) as [K, ...K[]];
const clock = (what: string) =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Give ${what} as a time, such as 19:30.`);

export const MEETING_SORTS = ['time', 'distance', 'name'] as const;

export const meetingSearchInput = z
  .object({
    ...pageInput,
    days: z.array(weekday).max(7).default([]),
    from: clock('the earliest start').nullable().default(null),
    to: clock('the latest start').nullable().default(null),
    fellowships: z
      .array(z.enum(keys(MEETING_FELLOWSHIPS), { error: 'Choose fellowships from the list.' }))
      .max(10)
      .default([]),
    types: z.array(z.string().max(10)).max(20).default([]),
    modes: z
      .array(z.enum(ATTENDANCE_MODES, { error: 'Choose in person, online or both.' }))
      .max(3)
      .default([]),
    language: z.string().trim().max(8).nullable().default(null),
    region: z.string().trim().max(200).nullable().default(null),
    text: z.string().trim().max(200, 'Search for at most 200 characters.').default(''),
    near: z.object({ latitude, longitude }).nullable().default(null),
    withinMiles: z
      .number({ error: 'Give the distance in miles.' })
      .min(0.1, 'Give a distance of at least 0.1 miles.')
      .max(500, 'Give a distance of at most 500 miles.')
      .nullable()
      .default(null),
    sort: z.enum(MEETING_SORTS).default('time'),
  })
  .refine((v) => v.withinMiles === null || v.near !== null, {
    message: 'Choose a place to measure the distance from.',
    path: ['near'],
  });
export type MeetingSearchInput = z.infer<typeof meetingSearchInput>;

export const placeSearchInput = z.object({
  text: z.string().trim().min(2, 'Type at least 2 letters of a place.').max(200),
});

export const meetingSourceInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Give the feed a name.')
      .max(120, 'Keep the name under 120 characters.'),
    kind: z.enum(['meeting_guide', 'bmlt', 'upload'], {
      error: 'Choose where the meetings come from.',
    }),
    url: z
      .string()
      .trim()
      .max(2000)
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .default(null),
    fellowship: z.enum(keys(MEETING_FELLOWSHIPS), { error: 'Choose the fellowship.' }),
    defaultTimeZone: z.string().trim().min(1, 'Choose a time zone.').max(64),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'upload') return;
    if (!v.url) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'Give the address of the feed.' });
      return;
    }
    let parsed: URL | null = null;
    try {
      parsed = new URL(v.url);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'Give a web address starting with https://.',
      });
    }
  });
export type MeetingSourceInput = z.infer<typeof meetingSourceInput>;

export const manualMeetingInput = z.object({
  meetingId: id('a meeting').nullable().default(null),
  name: z.string().trim().min(1, 'Give the meeting a name.').max(200),
  fellowship: z.enum(keys(MEETING_FELLOWSHIPS), { error: 'Choose the fellowship.' }),
  day: weekday.nullable(),
  startTime: clock('the start time').nullable(),
  endTime: clock('the end time').nullable().default(null),
  types: z.array(z.string().max(10)).max(20).default([]),
  location: optionalText(200, 'The location').transform((v) => v ?? null),
  formattedAddress: optionalText(300, 'The address').transform((v) => v ?? null),
  latitude: latitude.nullable().default(null),
  longitude: longitude.nullable().default(null),
  conferenceUrl: optionalText(500, 'The online link').transform((v) => v ?? null),
  conferencePhone: optionalText(60, 'The dial-in number').transform((v) => v ?? null),
  notes: optionalText(2000, 'The notes').transform((v) => v ?? null),
});
export type ManualMeetingInput = z.infer<typeof manualMeetingInput>;
