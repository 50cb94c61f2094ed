import {
  ATTENDANCE_MODES,
  type AttendanceMode,
  MEETING_FELLOWSHIPS,
  type MeetingFellowship,
  type Point,
  parsePoint,
  type TypeLanguage,
} from '@homegroup/core';
import { MEETING_SORTS, type MeetingSearchInput } from '@homegroup/validators';

export type MeetingSort = (typeof MEETING_SORTS)[number];

/** The distances offered beside "Near", in miles. */
export const WITHIN_CHOICES = [1, 3, 5, 10, 25, 50] as const;
export const MEETINGS_PAGE_SIZE = 25;

/** Everything the search shows, as kept in the address bar so a link opens the same search. */
export interface MeetingsView {
  page: number;
  days: number[];
  from: string | null;
  to: string | null;
  fellowships: MeetingFellowship[];
  types: string[];
  modes: AttendanceMode[];
  language: string | null;
  region: string | null;
  text: string;
  near: Point | null;
  /** The name of the chosen place, as shown; null when a point was typed. */
  place: string | null;
  withinMiles: number | null;
  sort: MeetingSort;
  /** The language format names are shown in. */
  names: TypeLanguage;
}

export const DEFAULT_VIEW: MeetingsView = {
  page: 1,
  days: [],
  from: null,
  to: null,
  fellowships: [],
  types: [],
  modes: [],
  language: null,
  region: null,
  text: '',
  near: null,
  place: null,
  withinMiles: null,
  sort: 'time',
  names: 'en',
};

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const CODE = /^[A-Za-z0-9-]{1,10}$/;

/** Values of a list parameter, given as `a,b` or repeated (`k=a&k=b`). */
function listOf(params: URLSearchParams, key: string): string[] {
  return params
    .getAll(key)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

const unique = <T>(items: T[]) => [...new Set(items)];

function clock(value: string | null): string | null {
  if (!value) return null;
  // A browser may add seconds ("19:30:00"); the search wants minutes.
  const short = value.slice(0, 5);
  return CLOCK.test(short) ? short : null;
}

function short(value: string | null, max: number): string | null {
  const v = value?.trim() ?? '';
  return v === '' ? null : v.slice(0, max);
}

/** Reads the search from the address; anything unreadable is dropped rather than refused. */
export function readMeetingsUrl(params: URLSearchParams): MeetingsView {
  const page = Number(params.get('page'));
  const days = unique(
    listOf(params, 'days')
      .map(Number)
      .filter((d) => Number.isInteger(d) && d >= 0 && d <= 6),
  ).sort();
  const fellowships = unique(
    listOf(params, 'fellowship').filter((f): f is MeetingFellowship =>
      Object.hasOwn(MEETING_FELLOWSHIPS, f),
    ),
  );
  const types = unique(listOf(params, 'type').filter((t) => CODE.test(t))).slice(0, 20);
  const modes = unique(
    listOf(params, 'mode').filter((m): m is AttendanceMode =>
      (ATTENDANCE_MODES as readonly string[]).includes(m),
    ),
  );
  const language = short(params.get('lang'), 8);
  const near = parsePoint(params.get('near') ?? '');
  const within = Number(params.get('within'));
  const withinMiles =
    near && (WITHIN_CHOICES as readonly number[]).includes(within) ? within : null;
  const sortParam = params.get('sort');
  let sort: MeetingSort = (MEETING_SORTS as readonly string[]).includes(sortParam ?? '')
    ? (sortParam as MeetingSort)
    : 'time';
  if (sort === 'distance' && !near) sort = 'time';
  return {
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    days,
    from: clock(params.get('from')),
    to: clock(params.get('to')),
    fellowships,
    types,
    modes,
    language: language && CODE.test(language) ? language : null,
    region: short(params.get('region'), 200),
    text: (params.get('q') ?? '').trim().slice(0, 200),
    near,
    place: near ? short(params.get('place'), 200) : null,
    withinMiles,
    sort,
    names: params.get('names') === 'es' ? 'es' : 'en',
  };
}

/** The address of a search: only what differs from the defaults, so links stay short. */
export function writeMeetingsUrl(view: MeetingsView): URLSearchParams {
  const params = new URLSearchParams();
  const join = (key: string, values: readonly (string | number)[]) => {
    if (values.length > 0) params.set(key, values.join(','));
  };
  const one = (key: string, value: string | number | null) => {
    if (value !== null && value !== '') params.set(key, String(value));
  };
  join('days', [...view.days].sort());
  one('from', view.from);
  one('to', view.to);
  join('fellowship', view.fellowships);
  join('type', view.types);
  join('mode', view.modes);
  one('lang', view.language);
  one('region', view.region);
  one('q', view.text.trim());
  if (view.near) {
    params.set('near', `${view.near.latitude},${view.near.longitude}`);
    one('place', view.place);
    one('within', view.withinMiles);
  }
  if (view.sort !== 'time' && (view.sort !== 'distance' || view.near))
    params.set('sort', view.sort);
  if (view.names === 'es') params.set('names', 'es');
  if (view.page > 1) params.set('page', String(view.page));
  return params;
}

/** The search procedure's input for a view. */
export function searchInput(view: MeetingsView): MeetingSearchInput {
  return {
    page: view.page,
    pageSize: MEETINGS_PAGE_SIZE,
    days: view.days,
    from: view.from,
    to: view.to,
    fellowships: view.fellowships,
    types: view.types,
    modes: view.modes,
    language: view.language,
    region: view.region,
    text: view.text,
    near: view.near,
    withinMiles: view.near ? view.withinMiles : null,
    sort: view.sort === 'distance' && !view.near ? 'time' : view.sort,
  };
}

/** True when any filter narrows the list (the page and the sort do not). */
export function hasFilters(view: MeetingsView): boolean {
  return (
    view.days.length > 0 ||
    view.from !== null ||
    view.to !== null ||
    view.fellowships.length > 0 ||
    view.types.length > 0 ||
    view.modes.length > 0 ||
    view.language !== null ||
    view.region !== null ||
    view.text !== '' ||
    view.withinMiles !== null
  );
}
