/**
 * A community meeting as Homegroup keeps it: one weekly meeting from a Meeting Guide feed (or
 * entered by hand), normalised so that search, matching and the printed list never have to know
 * what the feed looked like.
 */

export const ATTENDANCE_MODES = ['in_person', 'online', 'hybrid'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

export const ATTENDANCE_MODE_LABELS: Record<AttendanceMode, string> = {
  in_person: 'In person',
  online: 'Online',
  hybrid: 'In person and online',
};

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export interface NormalisedMeeting {
  /** Unique within its source; the key a re-import matches on. */
  slug: string;
  name: string;
  /** 0 = Sunday … 6 = Saturday; null for a meeting by appointment. */
  day: number | null;
  /** 'HH:MM', 24-hour; null when the feed gave no usable time. */
  startTime: string | null;
  endTime: string | null;
  /** An IANA time zone the runtime knows, or null (the source's default applies). */
  timeZone: string | null;
  /** Known Meeting Guide type codes (`@code4recovery/spec`), de-duplicated, sorted. */
  types: string[];
  /** Codes or words the feed gave that match no known type, kept as given for display. */
  unknownTypes: string[];
  /** Language type codes from `types` (e.g. 'S' Spanish); ['EN'] when the feed names none. */
  languages: string[];
  attendanceMode: AttendanceMode;
  location: string | null;
  formattedAddress: string | null;
  city: string | null;
  postalCode: string | null;
  regions: string[];
  latitude: number | null;
  longitude: number | null;
  conferenceUrl: string | null;
  conferencePhone: string | null;
  notes: string | null;
  locationNotes: string | null;
  groupName: string | null;
  /** The meeting's page on the service body's site. */
  url: string | null;
  /** When the feed says the listing last changed, as an ISO timestamp. */
  feedUpdatedAt: string | null;
}

/** A row the importer could not use, and why, in words a coordinator understands. */
export interface SkippedRow {
  /** 1-based position in the feed. */
  row: number;
  slug: string | null;
  name: string | null;
  reason: string;
}

/** A repair the importer made, counted: "12-hour times converted (180 rows)". */
export interface FeedFix {
  code: string;
  description: string;
  count: number;
}

export interface NormalisedFeed {
  /** Rows in the feed as given (before a row with several days is split). */
  rowCount: number;
  meetings: NormalisedMeeting[];
  skipped: SkippedRow[];
  fixes: FeedFix[];
}
