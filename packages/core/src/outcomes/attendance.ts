import type { IsoDate } from '../dates';
import { ENGAGEMENT_LEVELS } from '../groups/attendance';
import { type Cell, countCell, rateCell, SUPPRESSED } from './cells';
import { type DateRange, weeksIn } from './periods';
import { column, type IndicatorTable } from './table';

/**
 * One client's week of group sessions, counted as the attendance rate counts them (see
 * `attendanceRate` in engagement): `expected` is every held session they were rostered at or
 * recorded at (cancelled and not-yet-taken sessions left out); `attended` those they came to.
 */
export interface ClientWeekAttendance {
  clientId: string;
  /** The Monday of the week. */
  week: IsoDate;
  attended: number;
  expected: number;
  /** Engagement ratings given at the sessions they attended. */
  ratingSum: number;
  ratingCount: number;
}

export interface SessionsHeldWeek {
  week: IsoDate;
  held: number;
}

/** Sessions held each week, and attended ÷ expected for the clients in scope. */
export function attendanceIndicator(
  clientWeeks: readonly ClientWeekAttendance[],
  sessionsHeld: readonly SessionsHeldWeek[],
  range: DateRange,
  suppress: boolean,
): IndicatorTable {
  const heldByWeek = new Map(sessionsHeld.map((s) => [s.week, s.held]));
  const rows = weeksIn(range).map((week) => {
    let attended = 0;
    let expected = 0;
    let peopleExpected = 0;
    let peopleAttending = 0;
    for (const w of clientWeeks) {
      if (w.week !== week || w.expected === 0) continue;
      attended += w.attended;
      expected += w.expected;
      peopleExpected += 1;
      if (w.attended > 0) peopleAttending += 1;
    }
    return {
      key: week,
      label: `Week of ${week}`,
      cells: {
        // Sessions are not people: their count is never suppressed.
        held: countCell(heldByWeek.get(week) ?? 0, false),
        rate: rateCell(attended, expected, suppress, {
          numerator: peopleAttending,
          denominator: peopleExpected,
        }),
      },
    };
  });
  return {
    id: 'attendance',
    columns: [
      column('held', 'Sessions held', 'count', 'sessions'),
      column('rate', 'Attendance rate', 'rate', 'percent', 'line'),
    ],
    rows,
    notes: [],
  };
}

/**
 * Engagement distribution: each client who attended in the range, placed by their mean rating
 * (rounded to the nearest level), or "not rated" when no session they attended was rated.
 */
export function engagementIndicator(
  clientWeeks: readonly ClientWeekAttendance[],
  suppress: boolean,
): IndicatorTable {
  const perClient = new Map<string, { sum: number; count: number }>();
  for (const w of clientWeeks) {
    if (w.attended === 0) continue;
    const c = perClient.get(w.clientId) ?? { sum: 0, count: 0 };
    c.sum += w.ratingSum;
    c.count += w.ratingCount;
    perClient.set(w.clientId, c);
  }
  const total = perClient.size;
  const inBand = new Map<string, number>();
  for (const { sum, count } of perClient.values()) {
    const band =
      count === 0 ? 'unrated' : String(Math.min(5, Math.max(1, Math.round(sum / count))));
    inBand.set(band, (inBand.get(band) ?? 0) + 1);
  }
  const bands = Object.entries(ENGAGEMENT_LEVELS).map(([level, { label }]) => ({
    key: level,
    label: `${level} ${label}`,
  }));
  bands.push({ key: 'unrated', label: 'Not rated' });
  const cells = new Map<string, Cell>(
    bands.map((b) => [b.key, rateCell(inBand.get(b.key) ?? 0, total, suppress)]),
  );
  hideSecondCell(cells, inBand, total);
  return {
    id: 'engagement',
    columns: [column('clients', 'Share of clients who attended', 'rate', 'percent')],
    rows: bands.map((b) => ({ ...b, cells: { clients: cells.get(b.key) as Cell } })),
    notes: [],
  };
}

/**
 * The bands add up to everyone shown in the denominator, so one hidden band could be worked out
 * from the others: when exactly one band holding people is hidden, the smallest shown band
 * holding people is hidden too.
 */
function hideSecondCell(cells: Map<string, Cell>, counts: Map<string, number>, total: number) {
  const holding = [...cells.entries()].filter(([key]) => (counts.get(key) ?? 0) > 0);
  const hidden = holding.filter(([, c]) => c.suppressed);
  if (hidden.length !== 1) return;
  const smallest = holding
    .filter(([, c]) => !c.suppressed)
    .sort(([a], [b]) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0))[0];
  if (!smallest) return;
  const [key] = smallest;
  cells.set(key, { ...rateCell(counts.get(key) ?? 0, total, true), ...HIDDEN });
}

const HIDDEN = { value: null, numerator: SUPPRESSED, suppressed: true } as const;
