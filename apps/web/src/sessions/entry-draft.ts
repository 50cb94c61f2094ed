import type { RouterInputs, RouterOutputs } from '@homegroup/api';

export type SessionView = RouterOutputs['sessions']['get'];
export type SessionPerson = SessionView['people'][number];
export type EntryInput = RouterInputs['sessions']['saveAttendance']['entries'][number];
export type Draft = Omit<EntryInput, 'person'>;
/** The session's topic, step, reading and shared note as edited on screen. */
export type Details = {
  topic: string;
  stepFocus: number | null;
  reading: string;
  sharedNote: string;
};

export function draftFrom(entry: SessionPerson['entry']): Draft | null {
  if (!entry) return null;
  return {
    status: entry.status,
    lateMinutes: entry.lateMinutes,
    leftEarlyMinutes: entry.leftEarlyMinutes,
    excuseReason: entry.excuseReason,
    participation: entry.participation,
    engagementRating: entry.engagementRating,
    individualNote: entry.individualNote,
    walkIn: entry.walkIn,
    remove: false,
  };
}

export const EMPTY_DRAFT: Draft = {
  status: 'present',
  lateMinutes: null,
  leftEarlyMinutes: null,
  excuseReason: null,
  participation: null,
  engagementRating: null,
  individualNote: null,
  walkIn: false,
  remove: false,
};

/** Absent people cannot have shared or been rated: clear those when the status says absent. */
export function withStatus(draft: Draft, status: Draft['status']): Draft {
  const absent = status === 'absent_excused' || status === 'absent_unexcused';
  return {
    ...draft,
    status,
    participation: absent ? null : draft.participation,
    engagementRating: absent ? null : draft.engagementRating,
  };
}
