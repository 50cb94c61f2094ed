import { attendanceOf } from './feed-attendance';
import { type FeedFixCode, FixCounter } from './feed-fixes';
import { dayName, type Failure, parseDays, resolveTimes } from './feed-schedule';
import {
  addressOf,
  cleanLabel,
  cleanText,
  coordinates,
  httpUrl,
  regionsOf,
  textOrNumber,
  timeZone,
  updatedAt,
} from './feed-values';
import type { NormalisedFeed, NormalisedMeeting, SkippedRow } from './meeting';
import { isLanguageCode, type ResolvedTypes, resolveTypes } from './meeting-types';

/**
 * Turns the rows of a Meeting Guide feed into Homegroup's meetings. Every row is either imported
 * (as one meeting per day) or skipped with a reason a coordinator can act on; nothing throws,
 * whatever the row holds. Repairs are counted so the import summary can say what was changed.
 */

export interface NormaliseFeedOptions {
  /** The moment of the import; dates after it are not trusted. Defaults to the current time. */
  now?: Date;
}

type Row = Record<string, unknown>;
type RowResult =
  | { ok: true; meetings: NormalisedMeeting[]; fixes: Set<FeedFixCode> }
  | (Failure & { slug: string | null; name: string | null });

export function normaliseFeed(rows: unknown[], options: NormaliseFeedOptions = {}): NormalisedFeed {
  const now = options.now ?? new Date();
  const fixes = new FixCounter();
  const meetings: NormalisedMeeting[] = [];
  const skipped: SkippedRow[] = [];
  // The row that first used each slug, so a duplicate can name it.
  const slugRows = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    const result = normaliseRow(raw, now);
    if (!result.ok) {
      skipped.push({ row, slug: result.slug, name: result.name, reason: result.reason });
      return;
    }
    let kept = 0;
    for (const meeting of result.meetings) {
      const earlier = slugRows.get(meeting.slug);
      if (earlier !== undefined) {
        const reason = `slug "${meeting.slug}" is already used by row ${earlier}`;
        skipped.push({ row, slug: meeting.slug, name: meeting.name, reason });
        continue;
      }
      slugRows.set(meeting.slug, row);
      meetings.push(meeting);
      kept += 1;
    }
    if (kept > 0) {
      fixes.addRow(result.fixes);
    }
  });
  return { rowCount: rows.length, meetings, skipped, fixes: fixes.toFixes() };
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function normaliseRow(raw: unknown, now: Date): RowResult {
  if (!isRow(raw)) {
    return { ok: false, reason: 'row is not an object', slug: null, name: null };
  }
  const slug = textOrNumber(raw.slug);
  const name = cleanLabel(raw.name);
  const skip = (reason: string): RowResult => ({ ok: false, reason, slug, name });
  if (name === null) {
    return skip('no name');
  }
  const days = parseDays(raw.day);
  if (!days.ok) {
    return skip(days.reason);
  }
  const times = resolveTimes(raw.time, raw.end_time, days.days !== null);
  if (!times.ok) {
    return skip(times.reason);
  }
  const fixes = new Set<FeedFixCode>(times.fixes);
  if (days.fromNames) {
    fixes.add('day-names');
  }
  const base = baseMeeting(raw, name, now, fixes);
  if (!base.ok) {
    return skip(base.reason);
  }
  const meeting = { ...base.meeting, startTime: times.startTime, endTime: times.endTime };
  const dayList = days.days ?? [null];
  if (dayList.length > 1) {
    fixes.add('several-days');
  }
  if (slug === null) {
    fixes.add('derived-slug');
  }
  // Each day gets its own arrays, so changing one meeting never changes its siblings.
  const meetings = dayList.map((day) => ({
    ...meeting,
    types: [...meeting.types],
    unknownTypes: [...meeting.unknownTypes],
    languages: [...meeting.languages],
    regions: [...meeting.regions],
    day,
    slug: slugFor(slug, name, day, times.startTime, dayList.length > 1),
  }));
  return { ok: true, meetings, fixes };
}

type BaseMeeting = Omit<NormalisedMeeting, 'slug' | 'day' | 'startTime' | 'endTime'>;

/** Everything about a row that does not depend on the day. */
function baseMeeting(
  raw: Row,
  name: string,
  now: Date,
  fixes: Set<FeedFixCode>,
): { ok: true; meeting: BaseMeeting } | Failure {
  const types = typesOf(raw.types, fixes);
  const conferenceUrl = httpUrl(raw.conference_url);
  const url = httpUrl(raw.url);
  const zone = timeZone(raw.timezone);
  const place = coordinates(raw.latitude, raw.longitude);
  const updated = updatedAt(raw.updated, now);
  const checks: [boolean, FeedFixCode][] = [
    [conferenceUrl.invalid, 'invalid-conference-url'],
    [url.invalid, 'invalid-url'],
    [zone.invalid, 'invalid-time-zone'],
    [place.invalid, 'invalid-coordinates'],
    [updated.invalid, 'unusable-updated'],
  ];
  for (const [invalid, code] of checks) {
    if (invalid) {
      fixes.add(code);
    }
  }
  const address = addressOf(raw);
  const conferencePhone = textOrNumber(raw.conference_phone);
  const links = { conferenceUrl: conferenceUrl.value, conferencePhone };
  const mode = attendanceOf(raw, types, address, links);
  if (!mode.ok) {
    return mode;
  }
  const languages = types.codes.filter(isLanguageCode);
  const meeting: BaseMeeting = {
    name,
    timeZone: zone.value,
    types: types.codes,
    unknownTypes: types.unknown,
    languages: languages.length > 0 ? languages : ['EN'],
    attendanceMode: mode.mode,
    location: cleanLabel(raw.location),
    formattedAddress: address.formattedAddress,
    city: address.city,
    postalCode: address.postalCode,
    regions: regionsOf(raw),
    latitude: place.value?.latitude ?? null,
    longitude: place.value?.longitude ?? null,
    ...links,
    notes: cleanText(raw.notes),
    locationNotes: cleanText(raw.location_notes),
    groupName: cleanLabel(raw.group),
    url: url.value,
    feedUpdatedAt: updated.value,
  };
  return { ok: true, meeting };
}

function typesOf(value: unknown, fixes: Set<FeedFixCode>): ResolvedTypes {
  const types = resolveTypes(value);
  for (const fix of types.fixes) {
    fixes.add(fix);
  }
  // Open and closed contradict each other; showing either could turn a client away wrongly.
  if (types.codes.includes('O') && types.codes.includes('C')) {
    fixes.add('open-and-closed');
    return { ...types, codes: types.codes.filter((code) => code !== 'O' && code !== 'C') };
  }
  return types;
}

/**
 * The feed's slug, with the day added when one row became several meetings. Without a slug, one
 * is made from name, day and time so that re-importing the same feed finds the same meeting.
 */
function slugFor(
  given: string | null,
  name: string,
  day: number | null,
  startTime: string | null,
  several: boolean,
): string {
  const dayPart = day === null ? 'appointment' : dayName(day).toLowerCase();
  if (given !== null) {
    return several ? `${given}-${dayPart}` : given;
  }
  const timePart = startTime === null ? '' : `-${startTime.replace(':', '')}`;
  return `${slugify(name)}-${dayPart}${timePart}`;
}

function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug === '' ? 'meeting' : slug;
}
