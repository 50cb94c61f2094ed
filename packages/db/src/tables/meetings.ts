import type { AttendanceMode, FeedFix, SkippedRow } from '@homegroup/core';
import type { Generated, Insertable, Selectable } from 'kysely';

export type MeetingSourceKind = 'meeting_guide' | 'bmlt' | 'upload' | 'manual';

/** One community meeting feed (a URL or an uploaded file) or the hand-entered list. */
export interface MeetingSourcesTable {
  id: Generated<string>;
  organizationId: string;
  name: string;
  kind: MeetingSourceKind;
  url: string | null;
  /** A `MEETING_FELLOWSHIPS` key, given to every meeting the source holds. */
  fellowship: string;
  /** Used for meetings whose feed row names no time zone. */
  defaultTimeZone: string;
  lastImportedAt: Date | null;
  createdBy: string;
  createdAt: Generated<Date>;
}
export type MeetingSource = Selectable<MeetingSourcesTable>;

export interface MeetingsTable {
  id: Generated<string>;
  organizationId: string;
  sourceId: string;
  slug: string;
  fellowship: string;
  name: string;
  day: number | null;
  startMinute: number | null;
  endMinute: number | null;
  timeZone: string;
  types: string[];
  unknownTypes: string[];
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
  url: string | null;
  feedUpdatedAt: Date | string | null;
  searchText: string;
  contentHash: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  retiredAt: Date | null;
}
export type Meeting = Selectable<MeetingsTable>;
export type NewMeeting = Insertable<MeetingsTable>;

export interface MeetingImportReport {
  skippedRows?: SkippedRow[];
  fixes?: FeedFix[];
}

export interface MeetingImportsTable {
  id: Generated<string>;
  sourceId: string;
  organizationId: string;
  origin: 'url' | 'upload';
  status: 'running' | 'succeeded' | 'failed';
  rowCount: number | null;
  imported: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  retired: Generated<number>;
  skipped: Generated<number>;
  report: Generated<MeetingImportReport>;
  error: string | null;
  startedBy: string;
  startedAt: Generated<Date>;
  finishedAt: Date | null;
}
export type MeetingImport = Selectable<MeetingImportsTable>;
