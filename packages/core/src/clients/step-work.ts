import type { IsoDate } from '../dates';

export const STEP_STATUSES = {
  not_started: 'Not started',
  working: 'Working',
  completed: 'Completed',
} as const;
export type StepStatus = keyof typeof STEP_STATUSES;

export interface StepProgressEntry {
  status: StepStatus;
  startedOn: IsoDate | null;
  completedOn: IsoDate | null;
}

/** What is wrong with one step's status and dates, by field, in words for staff. */
export function stepWorkProblems(
  entry: StepProgressEntry,
  today: IsoDate,
): Partial<Record<'startedOn' | 'completedOn', string>> {
  const problems: Partial<Record<'startedOn' | 'completedOn', string>> = {};
  if (entry.status === 'not_started') {
    if (entry.startedOn) problems.startedOn = 'A step not started has no start date.';
    if (entry.completedOn) problems.completedOn = 'A step not started has no completion date.';
    return problems;
  }
  if (!entry.startedOn) problems.startedOn = 'Give the date work on this step started.';
  else if (entry.startedOn > today) problems.startedOn = 'The start date cannot be in the future.';
  if (entry.status === 'working') {
    if (entry.completedOn) {
      problems.completedOn = 'A step still being worked has no completion date.';
    }
    return problems;
  }
  if (!entry.completedOn) problems.completedOn = 'Give the date this step was completed.';
  else if (entry.completedOn > today) {
    problems.completedOn = 'The completion date cannot be in the future.';
  } else if (entry.startedOn && entry.completedOn < entry.startedOn) {
    problems.completedOn = 'A step cannot be completed before it was started.';
  }
  return problems;
}

/** Steps completed, and the step being worked (the lowest), for the progress strip. */
export function stepSummary(steps: ReadonlyMap<number, StepStatus>): {
  completed: number;
  working: number | null;
} {
  let completed = 0;
  let working: number | null = null;
  for (let step = 1; step <= 12; step++) {
    const status = steps.get(step) ?? 'not_started';
    if (status === 'completed') completed += 1;
    if (status === 'working' && working === null) working = step;
  }
  return { completed, working };
}
