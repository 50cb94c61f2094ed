import type { Meeting } from '@homegroup/db';
import { toClock } from './meeting-rows';

/** The columns a meeting list shows; nothing about who was referred to it. */
export const MEETING_COLUMNS = [
  'meetings.id',
  'meetings.sourceId',
  'meetings.fellowship',
  'meetings.name',
  'meetings.day',
  'meetings.startMinute',
  'meetings.endMinute',
  'meetings.timeZone',
  'meetings.types',
  'meetings.unknownTypes',
  'meetings.languages',
  'meetings.attendanceMode',
  'meetings.location',
  'meetings.formattedAddress',
  'meetings.city',
  'meetings.postalCode',
  'meetings.regions',
  'meetings.latitude',
  'meetings.longitude',
  'meetings.conferenceUrl',
  'meetings.conferencePhone',
  'meetings.notes',
  'meetings.locationNotes',
  'meetings.groupName',
  'meetings.url',
  'meetings.retiredAt',
] as const;

export type MeetingColumns = Pick<
  Meeting,
  | 'id'
  | 'sourceId'
  | 'fellowship'
  | 'name'
  | 'day'
  | 'startMinute'
  | 'endMinute'
  | 'timeZone'
  | 'types'
  | 'unknownTypes'
  | 'languages'
  | 'attendanceMode'
  | 'location'
  | 'formattedAddress'
  | 'city'
  | 'postalCode'
  | 'regions'
  | 'latitude'
  | 'longitude'
  | 'conferenceUrl'
  | 'conferencePhone'
  | 'notes'
  | 'locationNotes'
  | 'groupName'
  | 'url'
  | 'retiredAt'
>;

export function meetingView(m: MeetingColumns, distanceMiles: number | null = null) {
  return {
    id: m.id,
    sourceId: m.sourceId,
    fellowship: m.fellowship,
    name: m.name,
    day: m.day,
    startTime: toClock(m.startMinute),
    endTime: toClock(m.endMinute),
    startMinute: m.startMinute,
    timeZone: m.timeZone,
    types: m.types,
    unknownTypes: m.unknownTypes,
    languages: m.languages,
    attendanceMode: m.attendanceMode,
    location: m.location,
    formattedAddress: m.formattedAddress,
    city: m.city,
    regions: m.regions,
    latitude: m.latitude,
    longitude: m.longitude,
    conferenceUrl: m.conferenceUrl,
    conferencePhone: m.conferencePhone,
    notes: m.notes,
    locationNotes: m.locationNotes,
    groupName: m.groupName,
    url: m.url,
    retired: m.retiredAt !== null,
    distanceMiles: distanceMiles === null ? null : Math.round(distanceMiles * 10) / 10,
  };
}
export type MeetingView = ReturnType<typeof meetingView>;
