import { createHash } from 'node:crypto';
import type { NormalisedMeeting } from '@homegroup/core';
import type { NewMeeting } from '@homegroup/db';

/** 'HH:MM' → minutes after midnight. */
export function toMinute(time: string | null): number | null {
  if (!time) return null;
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Minutes after midnight → 'HH:MM'. */
export function toClock(minute: number | null): string | null {
  if (minute === null) return null;
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The words free-text search looks in, lower-cased once at import. */
export function searchTextOf(m: {
  name: string;
  location: string | null;
  formattedAddress: string | null;
  groupName: string | null;
  city: string | null;
  postalCode: string | null;
  regions: readonly string[];
}): string {
  return [m.name, m.location, m.formattedAddress, m.groupName, m.city, m.postalCode, ...m.regions]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

/** A normalised meeting as a row of `meetings`, with the digest a re-import compares. */
export function meetingRow(
  meeting: NormalisedMeeting,
  source: { id: string; organizationId: string; fellowship: string; defaultTimeZone: string },
): NewMeeting {
  const values = {
    slug: meeting.slug,
    fellowship: source.fellowship,
    name: meeting.name,
    day: meeting.day,
    startMinute: toMinute(meeting.startTime),
    endMinute: toMinute(meeting.endTime),
    timeZone: meeting.timeZone ?? source.defaultTimeZone,
    types: meeting.types,
    unknownTypes: meeting.unknownTypes,
    languages: meeting.languages,
    attendanceMode: meeting.attendanceMode,
    location: meeting.location,
    formattedAddress: meeting.formattedAddress,
    city: meeting.city,
    postalCode: meeting.postalCode,
    regions: meeting.regions,
    latitude: meeting.latitude,
    longitude: meeting.longitude,
    conferenceUrl: meeting.conferenceUrl,
    conferencePhone: meeting.conferencePhone,
    notes: meeting.notes,
    locationNotes: meeting.locationNotes,
    groupName: meeting.groupName,
    url: meeting.url,
    feedUpdatedAt: meeting.feedUpdatedAt,
  };
  return {
    ...values,
    organizationId: source.organizationId,
    sourceId: source.id,
    searchText: searchTextOf(values),
    contentHash: createHash('sha1').update(JSON.stringify(values)).digest('base64url'),
    retiredAt: null,
  };
}
