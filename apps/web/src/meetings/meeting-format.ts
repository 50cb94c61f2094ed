import {
  ATTENDANCE_MODE_LABELS,
  type AttendanceMode,
  MEETING_FELLOWSHIPS,
  type MeetingFellowship,
  typeName,
  WEEKDAY_NAMES,
} from '@homegroup/core';

/** Fellowship names short enough for a table cell; the full name goes in the title. */
export const FELLOWSHIP_SHORT: Record<MeetingFellowship, string> = {
  aa: 'AA',
  na: 'NA',
  ca: 'CA',
  cma: 'CMA',
  al_anon: 'Al-Anon',
  nar_anon: 'Nar-Anon',
  smart: 'SMART Recovery',
  lifering: 'LifeRing',
  refuge: 'Refuge Recovery',
  other: 'Other',
};

export function fellowshipName(code: string): string {
  return Object.hasOwn(MEETING_FELLOWSHIPS, code)
    ? MEETING_FELLOWSHIPS[code as MeetingFellowship]
    : code;
}

export function fellowshipShort(code: string): string {
  return Object.hasOwn(FELLOWSHIP_SHORT, code) ? FELLOWSHIP_SHORT[code as MeetingFellowship] : code;
}

/** Where a feed's meetings come from, in words. */
export const SOURCE_KINDS: Record<string, string> = {
  meeting_guide: 'Meeting Guide address',
  bmlt: 'BMLT server',
  upload: 'Uploaded file',
  manual: 'Entered by hand',
};

export function dayName(day: number | null): string {
  return day === null ? 'No fixed day' : (WEEKDAY_NAMES[day] ?? '—');
}

/** "19:30" as "7:30 pm". */
export function clockWords(time: string | null): string {
  if (!time) return 'Time not listed';
  const [h = 0, m = 0] = time.split(':').map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  if (h === 12 && m === 0) return 'Noon';
  return `${hour}:${String(m).padStart(2, '0')} ${h < 12 ? 'am' : 'pm'}`;
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

/** The short name of a time zone today ("MST", "EDT"), or null when the runtime has none. */
export function zoneAbbreviation(zone: string, at = new Date()): string | null {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? null;
  } catch {
    return null;
  }
}

/** The host of an online meeting's link, e.g. "zoom.us", or null when it is not a web address. */
export function linkHost(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return null;
  }
}

export const count = (n: number) => n.toLocaleString('en-US');

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** "Tuesday 7:00 pm – 8:00 pm", or "By appointment". */
export function meetingWhen(m: {
  day: number | null;
  startTime: string | null;
  endTime: string | null;
}) {
  if (m.day === null) return 'By appointment';
  if (!m.startTime) return `${dayName(m.day)}, time not listed`;
  return `${dayName(m.day)} ${clockWords(m.startTime)}${m.endTime ? ` – ${clockWords(m.endTime)}` : ''}`;
}

/** Where to go: the place and address, or "Online". */
export function meetingWhere(m: {
  attendanceMode: AttendanceMode;
  location: string | null;
  formattedAddress: string | null;
}) {
  if (m.attendanceMode === 'online') return 'Online';
  return (
    [m.location, m.formattedAddress].filter(Boolean).join(', ') ||
    ATTENDANCE_MODE_LABELS[m.attendanceMode]
  );
}

/** The formats in words: "Open, Discussion". */
export function formatNames(types: readonly string[]) {
  return types.map((code) => typeName(code, 'en')).join(', ');
}
