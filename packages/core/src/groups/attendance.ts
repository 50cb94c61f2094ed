export const ATTENDANCE_STATUSES = {
  present: 'Present',
  late: 'Late',
  left_early: 'Left early',
  absent_excused: 'Absent, excused',
  absent_unexcused: 'Absent, not excused',
} as const;
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUSES;

/** Came to the session (present, late or left early): the numerator of the attendance rate. */
export function attended(status: AttendanceStatus): boolean {
  return status === 'present' || status === 'late' || status === 'left_early';
}

/** Sharing is voluntary: "listened" is a normal outcome and is never penalised. */
export const PARTICIPATION = { shared: 'Shared', listened: 'Listened' } as const;
export type Participation = keyof typeof PARTICIPATION;

/** The engagement scale, with what each level looks like in the room. */
export const ENGAGEMENT_LEVELS = {
  1: {
    label: 'Not engaged',
    description: 'In the room, attention elsewhere (asleep, on the phone, stepped out often).',
  },
  2: {
    label: 'Minimal',
    description: 'Attentive now and then; little sign of following the meeting.',
  },
  3: {
    label: 'Attentive',
    description: 'Followed the meeting throughout and respected the others sharing.',
  },
  4: {
    label: 'Engaged',
    description: 'Involved and responsive: listened closely, reacted, shared if they chose to.',
  },
  5: {
    label: 'Highly engaged',
    description: 'Involved throughout and supported others; helped carry the meeting.',
  },
} as const;
export type EngagementRating = keyof typeof ENGAGEMENT_LEVELS;

export interface AttendanceEntry {
  status: AttendanceStatus;
  lateMinutes?: number | null;
  leftEarlyMinutes?: number | null;
  excuseReason?: string | null;
  participation?: Participation | null;
  engagementRating?: number | null;
}

/**
 * What is wrong with one person's entry for a session of `durationMinutes`, by field, in words
 * for staff. Empty when the entry can be saved.
 */
export function attendanceProblems(
  entry: AttendanceEntry,
  durationMinutes: number,
): Partial<Record<keyof AttendanceEntry, string>> {
  const problems: Partial<Record<keyof AttendanceEntry, string>> = {};
  const minutes = (value: number | null | undefined, what: string) => {
    if (value == null) return `Say how many minutes ${what}.`;
    if (!Number.isInteger(value) || value < 1)
      return `Minutes ${what} must be a whole number from 1.`;
    if (value >= durationMinutes) {
      return `Minutes ${what} must be less than the session’s ${durationMinutes} minutes.`;
    }
    return null;
  };
  if (entry.status === 'late') {
    const p = minutes(entry.lateMinutes, 'late');
    if (p) problems.lateMinutes = p;
  }
  if (entry.status === 'left_early') {
    const p = minutes(entry.leftEarlyMinutes, 'before the end');
    if (p) problems.leftEarlyMinutes = p;
  }
  if (entry.status === 'absent_excused' && !entry.excuseReason?.trim()) {
    problems.excuseReason = 'Give the reason the absence is excused.';
  }
  const came = attended(entry.status);
  if (!came && entry.participation) {
    problems.participation = 'Someone who was absent cannot have shared or listened.';
  }
  if (!came && entry.engagementRating != null) {
    problems.engagementRating = 'Someone who was absent cannot be rated.';
  }
  if (
    entry.engagementRating != null &&
    !(
      Number.isInteger(entry.engagementRating) &&
      entry.engagementRating >= 1 &&
      entry.engagementRating <= 5
    )
  ) {
    problems.engagementRating = 'Engagement is rated from 1 to 5.';
  }
  return problems;
}
