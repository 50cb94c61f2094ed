import { addDays, daysBetween } from '../dates';

/** Contact after discharge at 7, 30, 60 and 90 days unless the facility sets otherwise. */
export const DEFAULT_FOLLOW_UP_DAYS: readonly number[] = [7, 30, 60, 90];
export const MAX_FOLLOW_UP_DAY = 730;

/** Why a facility's follow-up schedule cannot be used, or null. */
export function followUpDaysProblem(days: readonly number[]): string | null {
  if (days.length === 0) return 'Give at least one follow-up day, such as 7.';
  if (days.length > 12) return 'Give at most 12 follow-up days.';
  for (const day of days) {
    if (!Number.isInteger(day) || day < 1 || day > MAX_FOLLOW_UP_DAY) {
      return `Follow-up days are whole numbers of days after discharge, from 1 to ${MAX_FOLLOW_UP_DAY}.`;
    }
  }
  if (new Set(days).size !== days.length) return 'Each follow-up day can appear only once.';
  return null;
}

export interface ScheduledFollowUp {
  daysAfterDischarge: number;
  dueOn: string;
}

/** The follow-up calls owed to an alumnus discharged on `dischargeDate`, earliest first. */
export function followUpSchedule(
  dischargeDate: string,
  days: readonly number[],
): ScheduledFollowUp[] {
  return [...days]
    .sort((a, b) => a - b)
    .map((day) => ({ daysAfterDischarge: day, dueOn: addDays(dischargeDate, day) }));
}

/**
 * A call is due from its due date for a week; after that it is overdue. A call is "upcoming" in
 * the week before, so a coordinator can plan.
 */
export const FOLLOW_UP_GRACE_DAYS = 7;
/** The queue's "coming up" view looks this far ahead, so calls can be planned. */
export const UPCOMING_LOOKAHEAD_DAYS = 14;
export type FollowUpUrgency = 'later' | 'upcoming' | 'due' | 'overdue';

export function followUpUrgency(dueOn: string, today: string): FollowUpUrgency {
  const late = daysBetween(dueOn, today);
  if (late >= FOLLOW_UP_GRACE_DAYS) return 'overdue';
  if (late >= 0) return 'due';
  if (late >= -FOLLOW_UP_GRACE_DAYS) return 'upcoming';
  return 'later';
}
