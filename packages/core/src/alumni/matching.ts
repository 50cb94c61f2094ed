import type { AttendanceMode } from '../meetings/meeting';
import { WEEKDAY_NAMES } from '../meetings/meeting';
import { distanceMiles, formatMiles, type Point } from './distance';
import {
  COMMUNITY_CODES,
  type CommunityCode,
  TIMES_OF_DAY,
  type TimeOfDay,
  timeOfDay,
} from './vocabulary';

/** What an alumnus wants from a meeting. Empty lists mean "no preference". */
export interface MatchPreferences {
  fellowships: readonly string[];
  days: readonly number[];
  timesOfDay: readonly TimeOfDay[];
  attendanceModes: readonly AttendanceMode[];
  /** A Meeting Guide language code ('EN', 'S', …) or null. */
  language: string | null;
  communities: readonly CommunityCode[];
  home: Point | null;
  maxDistanceMiles: number | null;
}

export interface MatchCandidate {
  fellowship: string;
  day: number | null;
  startMinute: number | null;
  attendanceMode: AttendanceMode;
  languages: readonly string[];
  types: readonly string[];
  latitude: number | null;
  longitude: number | null;
}

export interface MeetingMatch<T extends MatchCandidate> {
  meeting: T;
  score: number;
  distanceMiles: number | null;
  /** Why it was chosen, in the order a coordinator would say them. */
  reasons: string[];
  /** Preferences it does not meet, so nobody is surprised. */
  misses: string[];
}

const inPerson = (mode: AttendanceMode) => mode !== 'online';
const online = (mode: AttendanceMode) => mode !== 'in_person';
const OPPOSITE: Partial<Record<CommunityCode, CommunityCode>> = { W: 'M', M: 'W' };

/** Whether a meeting can be offered at all: the hard rules. */
function admissible(prefs: MatchPreferences, m: MatchCandidate, miles: number | null): boolean {
  if (prefs.fellowships.length > 0 && !prefs.fellowships.includes(m.fellowship)) return false;
  if (prefs.language && !m.languages.includes(prefs.language)) return false;
  if (prefs.attendanceModes.length > 0) {
    const wantsInPerson = prefs.attendanceModes.some(inPerson);
    const wantsOnline = prefs.attendanceModes.some(online);
    if (
      !((wantsInPerson && inPerson(m.attendanceMode)) || (wantsOnline && online(m.attendanceMode)))
    ) {
      return false;
    }
  }
  // A women's meeting is not offered to someone who asked for men's meetings, and the reverse.
  for (const wanted of prefs.communities) {
    const opposite = OPPOSITE[wanted];
    if (opposite && m.types.includes(opposite) && !m.types.includes(wanted)) return false;
  }
  // Too far matters only for a meeting the alumnus would travel to.
  const reachableOnline =
    online(m.attendanceMode) &&
    (prefs.attendanceModes.length === 0 || prefs.attendanceModes.some(online));
  if (prefs.home && prefs.maxDistanceMiles !== null && !reachableOnline) {
    if (miles === null || miles > prefs.maxDistanceMiles) return false;
  }
  return true;
}

function distanceTo(prefs: MatchPreferences, m: MatchCandidate): number | null {
  if (!prefs.home || m.latitude === null || m.longitude === null) return null;
  return distanceMiles(prefs.home, { latitude: m.latitude, longitude: m.longitude });
}

function judge<T extends MatchCandidate>(
  prefs: MatchPreferences,
  m: T,
  miles: number | null,
): MeetingMatch<T> {
  const reasons: string[] = [];
  const misses: string[] = [];
  let score = 0;
  if (m.day !== null && prefs.days.includes(m.day)) {
    score += 3;
    reasons.push(`${WEEKDAY_NAMES[m.day]}, a day that suits`);
  } else if (prefs.days.length > 0) {
    misses.push('Not on a preferred day');
  }
  if (m.startMinute !== null && prefs.timesOfDay.includes(timeOfDay(m.startMinute))) {
    score += 2;
    reasons.push(`${TIMES_OF_DAY[timeOfDay(m.startMinute)].label.split(' (')[0]}, as preferred`);
  } else if (prefs.timesOfDay.length > 0) {
    misses.push('Not at a preferred time of day');
  }
  for (const wanted of prefs.communities) {
    if (m.types.includes(wanted)) {
      score += 3;
      reasons.push(COMMUNITY_CODES[wanted].replace(' meetings', ' meeting'));
    } else {
      misses.push(
        `Not a ${COMMUNITY_CODES[wanted].replace(' meetings', ' meeting').toLowerCase()}`,
      );
    }
  }
  if (miles !== null && inPerson(m.attendanceMode)) {
    // Up to 3 points, falling off over 15 miles.
    score += Math.max(0, 3 - miles / 5);
    reasons.push(`${formatMiles(miles)} from home`);
  } else if (online(m.attendanceMode)) {
    score += prefs.attendanceModes.includes('online') ? 2 : 0.5;
    reasons.push(
      m.attendanceMode === 'hybrid' ? 'Can join online or in person' : 'Online: no travel',
    );
  } else if (prefs.home) {
    misses.push('The feed gives no location, so the distance is unknown');
  }
  if (m.types.includes('BE')) {
    score += 1;
    reasons.push('Newcomer meeting');
  }
  if (prefs.language && prefs.language !== 'EN') {
    reasons.push('In the preferred language');
  }
  return {
    meeting: m,
    score: Math.round(score * 100) / 100,
    distanceMiles: miles,
    reasons,
    misses,
  };
}

/**
 * Meetings that fit an alumnus, best first: the hard rules (fellowship, language, in person or
 * online, too far, a women's or men's meeting for the wrong person) exclude; the soft ones (day,
 * time, who it is for, distance, newcomer format) rank, and each says why.
 */
export function matchMeetings<T extends MatchCandidate>(
  prefs: MatchPreferences,
  candidates: readonly T[],
  limit = 20,
): MeetingMatch<T>[] {
  const matches: MeetingMatch<T>[] = [];
  for (const meeting of candidates) {
    const miles = distanceTo(prefs, meeting);
    if (admissible(prefs, meeting, miles)) matches.push(judge(prefs, meeting, miles));
  }
  return matches
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.distanceMiles ?? Number.POSITIVE_INFINITY) -
          (b.distanceMiles ?? Number.POSITIVE_INFINITY),
    )
    .slice(0, limit);
}
