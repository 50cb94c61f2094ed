/** A session's life: scheduled → in progress → completed → signed, or cancelled with a reason. */
export const GROUP_SESSION_STATES = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Attendance taken',
  signed: 'Signed',
  cancelled: 'Cancelled',
} as const;
export type GroupSessionState = keyof typeof GROUP_SESSION_STATES;

const NEXT: Record<GroupSessionState, readonly GroupSessionState[]> = {
  scheduled: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: ['completed', 'signed'],
  signed: [],
  cancelled: [],
};

export function canMove(from: GroupSessionState, to: GroupSessionState): boolean {
  return NEXT[from].includes(to);
}

/** Attendance can be entered and changed until the monitor signs; after that only by addendum. */
export function isLocked(state: GroupSessionState): boolean {
  return state === 'signed' || state === 'cancelled';
}

export interface SessionNeeds {
  attendance: boolean;
  signature: boolean;
}

/** What a session still needs, for Today and the overdue queue. */
export function sessionNeeds(state: GroupSessionState): SessionNeeds {
  return {
    attendance: state === 'scheduled' || state === 'in_progress',
    signature: state !== 'signed' && state !== 'cancelled',
  };
}

/** A session that ended more than `overdueAfterHours` ago and still needs something is overdue. */
export function isOverdue(
  state: GroupSessionState,
  endsAt: Date,
  now: Date,
  overdueAfterHours: number,
): boolean {
  const needs = sessionNeeds(state);
  return (
    (needs.attendance || needs.signature) &&
    now.getTime() - endsAt.getTime() > overdueAfterHours * 3_600_000
  );
}
