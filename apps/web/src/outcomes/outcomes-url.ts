import { addDays } from '@homegroup/core';
import type { OutcomeFiltersInput } from '@homegroup/validators';

/** The default view: the 13 weeks (a quarter) ending today. */
export const DEFAULT_DAYS = 91;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The dashboard's filters read from the address bar, so a view can be shared as a link. Anything
 * unreadable falls back to its default; the server checks what remains.
 */
export function readOutcomesUrl(params: URLSearchParams, today: string): OutcomeFiltersInput {
  const date = (key: string, fallback: string) => {
    const v = params.get(key);
    return v && DATE.test(v) ? v : fallback;
  };
  const text = (key: string) => params.get(key) || null;
  const facilityIds = params.getAll('facility').filter(Boolean);
  return {
    from: date('from', addDays(today, -(DEFAULT_DAYS - 1))),
    to: date('to', today),
    ...(facilityIds.length ? { facilityIds } : {}),
    programTrack: text('track'),
    levelOfCare: text('level') as OutcomeFiltersInput['levelOfCare'],
    counselorId: text('counselor'),
    groupId: text('group'),
  };
}

/** The address for a view: only what differs from the defaults. */
export function writeOutcomesUrl(view: OutcomeFiltersInput, today: string): URLSearchParams {
  const defaults = readOutcomesUrl(new URLSearchParams(), today);
  const params = new URLSearchParams();
  if (view.from !== defaults.from) params.set('from', view.from);
  if (view.to !== defaults.to) params.set('to', view.to);
  for (const id of view.facilityIds ?? []) params.append('facility', id);
  if (view.programTrack) params.set('track', view.programTrack);
  if (view.levelOfCare) params.set('level', view.levelOfCare);
  if (view.counselorId) params.set('counselor', view.counselorId);
  if (view.groupId) params.set('group', view.groupId);
  return params;
}

/** The same filters as the CSV download's query string. */
export function exportQuery(view: OutcomeFiltersInput): string {
  const params = new URLSearchParams({ from: view.from, to: view.to });
  for (const id of view.facilityIds ?? []) params.append('facilityIds', id);
  if (view.programTrack) params.set('programTrack', view.programTrack);
  if (view.levelOfCare) params.set('levelOfCare', view.levelOfCare);
  if (view.counselorId) params.set('counselorId', view.counselorId);
  if (view.groupId) params.set('groupId', view.groupId);
  return params.toString();
}
