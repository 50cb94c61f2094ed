import {
  ATTENDANCE_MODE_LABELS,
  type AttendanceMode,
  typeName,
  WEEKDAY_NAMES,
} from '@homegroup/core';

/** "Tuesday 7:00 PM – 8:00 PM", or "By appointment". */
export function meetingWhen(m: {
  day: number | null;
  startTime: string | null;
  endTime: string | null;
}) {
  if (m.day === null) return 'By appointment';
  const day = WEEKDAY_NAMES[m.day] ?? '';
  if (!m.startTime) return `${day}, time not listed`;
  return `${day} ${clock12(m.startTime)}${m.endTime ? ` – ${clock12(m.endTime)}` : ''}`;
}

export function clock12(time: string) {
  const [h = 0, min = 0] = time.split(':').map(Number);
  const suffix = h < 12 ? 'AM' : 'PM';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}:${String(min).padStart(2, '0')} ${suffix}`;
}

export function meetingWhere(m: {
  attendanceMode: AttendanceMode;
  location: string | null;
  formattedAddress: string | null;
  conferenceUrl: string | null;
}) {
  const place = [m.location, m.formattedAddress].filter(Boolean).join(', ');
  if (m.attendanceMode === 'online') return 'Online';
  return place || ATTENDANCE_MODE_LABELS[m.attendanceMode];
}

export function formatNames(types: readonly string[]) {
  return types.map((code) => typeName(code, 'en')).join(', ');
}
