import { describe, expect, it } from 'vitest';
import type { DischargeType } from '../clients/vocabulary';
import type { IsoDate } from '../dates';
import type { AssessmentOccasion, InstrumentCode } from '../instruments/types';
import {
  abstinenceIndicator,
  callsDue,
  type FollowUpFacts,
  followUpIndicator,
  type ReferredClient,
  referralFunnelIndicator,
} from './alumni';
import { attendanceIndicator, type ClientWeekAttendance, engagementIndicator } from './attendance';
import {
  INDICATORS,
  type IndicatorDefinition,
  indicatorDefinition,
  isIndicatorId,
  SUPPRESSION_RULE,
} from './catalogue';
import { countCell, isSmall, meanCell, rateCell, SUPPRESSED, shown } from './cells';
import { formatCellValue, indicatorCsv } from './csv';
import { buildIndicators, type OutcomeFacts } from './dashboard';
import {
  type DateRange,
  dateRangeProblem,
  inRange,
  monthOf,
  monthsIn,
  stayDays,
  weeksIn,
} from './periods';
import {
  barcPairedIndicator,
  barcPoints,
  type FollowUpAnswers,
  type ScoreFacts,
  samhsaIndicator,
} from './recovery';
import {
  censusIndicator,
  completionIndicator,
  inTreatmentOn,
  leftEarly,
  lengthOfStayIndicator,
  retentionIndicator,
  type StayFacts,
} from './stays';
import { column, type IndicatorId, type IndicatorTable } from './table';

// ---------------------------------------------------------------------------------------------
// Helpers: build facts by hand, read figures back.
// ---------------------------------------------------------------------------------------------

function stay(
  clientId: string,
  admissionDate: IsoDate,
  dischargeDate: IsoDate | null = null,
  dischargeType: DischargeType | null = null,
): StayFacts {
  return { clientId, admissionDate, dischargeDate, dischargeType };
}

function week(
  clientId: string,
  weekOf: IsoDate,
  attended: number,
  expected: number,
  ratingSum = 0,
  ratingCount = 0,
): ClientWeekAttendance {
  return { clientId, week: weekOf, attended, expected, ratingSum, ratingCount };
}

function call(
  clientId: string,
  daysAfterDischarge: number,
  dueOn: IsoDate,
  status: FollowUpFacts['status'],
  abstinent: FollowUpFacts['abstinent'] = null,
): FollowUpFacts {
  return { clientId, daysAfterDischarge, dueOn, status, abstinent };
}

function score(
  clientId: string,
  instrument: InstrumentCode,
  occasion: AssessmentOccasion,
  administeredOn: IsoDate,
  more: Partial<Pick<ScoreFacts, 'total' | 'subscales' | 'answers' | 'dischargeDate'>> = {},
): ScoreFacts {
  return {
    clientId,
    instrument,
    occasion,
    administeredOn,
    total: more.total === undefined ? null : more.total,
    subscales: more.subscales ?? {},
    answers: more.answers ?? {},
    dischargeDate: more.dischargeDate ?? null,
  };
}

function barc(
  clientId: string,
  occasion: AssessmentOccasion,
  administeredOn: IsoDate,
  total: number | null,
  dischargeDate: IsoDate | null = null,
): ScoreFacts {
  return score(clientId, 'barc10', occasion, administeredOn, { total, dischargeDate });
}

function answers(
  clientId: string,
  attemptedOn: IsoDate,
  said: Partial<Omit<FollowUpAnswers, 'clientId' | 'attemptedOn'>>,
): FollowUpAnswers {
  return {
    clientId,
    attemptedOn,
    abstinent: null,
    housing: null,
    workOrSchool: null,
    communityMeetings: null,
    hasSponsor: null,
    ...said,
  };
}

function cellOf(table: IndicatorTable, row: string, col: string) {
  const cell = table.rows.find((r) => r.key === row)?.cells[col];
  if (!cell) throw new Error(`No cell ${row}/${col} in ${table.id}`);
  return cell;
}

/** [numerator, denominator, value] of one cell, for compact literal expectations. */
function parts(table: IndicatorTable, row: string, col: string) {
  const c = cellOf(table, row, col);
  return [c.numerator, c.denominator, c.value];
}

function rowKeys(table: IndicatorTable): string[] {
  return table.rows.map((r) => r.key);
}

// ---------------------------------------------------------------------------------------------
// cells.ts
// ---------------------------------------------------------------------------------------------

describe('small-number suppression', () => {
  it('calls 1 to 4 small, and neither 0 nor 5', () => {
    expect([0, 1, 4, 5].map(isSmall)).toEqual([false, true, true, false]);
  });

  it('shows 1 to 4 as "<5" only when suppressing', () => {
    expect(shown(0, true)).toBe(0);
    expect(shown(1, true)).toBe('<5');
    expect(shown(4, true)).toBe('<5');
    expect(shown(5, true)).toBe(5);
    expect(shown(4, false)).toBe(4);
    expect(SUPPRESSED).toBe('<5');
  });
});

describe('countCell', () => {
  it('shows a count of 0', () => {
    expect(countCell(0, true)).toEqual({
      kind: 'count',
      value: 0,
      numerator: 0,
      denominator: 0,
      n: 0,
      suppressed: false,
    });
  });

  it('hides a count of 1', () => {
    expect(countCell(1, true)).toEqual({
      kind: 'count',
      value: null,
      numerator: '<5',
      denominator: '<5',
      n: '<5',
      suppressed: true,
    });
  });

  it('hides a count of 4', () => {
    const c = countCell(4, true);
    expect(c.value).toBeNull();
    expect(c.n).toBe('<5');
    expect(c.suppressed).toBe(true);
  });

  it('shows a count of 5', () => {
    expect(countCell(5, true)).toEqual({
      kind: 'count',
      value: 5,
      numerator: 5,
      denominator: 5,
      n: 5,
      suppressed: false,
    });
  });

  it('shows a count of 3 when not suppressing', () => {
    expect(countCell(3, false)).toEqual({
      kind: 'count',
      value: 3,
      numerator: 3,
      denominator: 3,
      n: 3,
      suppressed: false,
    });
  });
});

describe('rateCell', () => {
  it('shows a rate with 5 or more people on both sides', () => {
    expect(rateCell(5, 10, true)).toEqual({
      kind: 'rate',
      value: 0.5,
      numerator: 5,
      denominator: 10,
      n: 10,
      suppressed: false,
    });
  });

  it('hides a rate whose numerator is 1 to 4 people', () => {
    expect(rateCell(3, 10, true)).toEqual({
      kind: 'rate',
      value: null,
      numerator: '<5',
      denominator: 10,
      n: 10,
      suppressed: true,
    });
    expect(rateCell(1, 20, true).suppressed).toBe(true);
  });

  it('hides a rate whose denominator is 1 to 4 people, even with a numerator of 0', () => {
    expect(rateCell(0, 4, true)).toEqual({
      kind: 'rate',
      value: null,
      numerator: '<5',
      denominator: '<5',
      n: '<5',
      suppressed: true,
    });
  });

  it('hides a rate whose complement is 1 to 4 people (36 of 40 also says 4)', () => {
    expect(rateCell(36, 40, true).suppressed).toBe(true);
    expect(rateCell(36, 40, true).numerator).toBe('<5');
    expect(rateCell(35, 40, true).suppressed).toBe(false);
    expect(rateCell(40, 40, true).suppressed).toBe(false);
  });

  it('judges an event rate by the people behind it, not by sessions left out', () => {
    const cell = rateCell(38, 40, true, { numerator: 9, denominator: 10 });
    expect(cell.suppressed).toBe(false);
    expect(cell.value).toBe(0.95);
    expect(cell.n).toBe(10);
    expect(rateCell(38, 40, true, { numerator: 3, denominator: 10 }).suppressed).toBe(true);
  });

  it('hides both sides when both are small', () => {
    expect(rateCell(4, 4, true)).toEqual({
      kind: 'rate',
      value: null,
      numerator: '<5',
      denominator: '<5',
      n: '<5',
      suppressed: true,
    });
  });

  it('shows a numerator of 0 and of all of the denominator', () => {
    expect(rateCell(0, 10, true).value).toBe(0);
    expect(rateCell(0, 10, true).suppressed).toBe(false);
    expect(rateCell(10, 10, true).value).toBe(1);
  });

  it('has no value over a denominator of 0, and hides nothing', () => {
    expect(rateCell(0, 0, true)).toEqual({
      kind: 'rate',
      value: null,
      numerator: 0,
      denominator: 0,
      n: 0,
      suppressed: false,
    });
  });

  it('lets the people counts, not the event counts, decide what is hidden', () => {
    // 12 sessions attended of 40 expected, by 3 of 10 people: 3 people give it away.
    expect(rateCell(12, 40, true, { numerator: 3, denominator: 10 })).toEqual({
      kind: 'rate',
      value: null,
      numerator: '<5',
      denominator: 40,
      n: 10,
      suppressed: true,
    });
    // 3 sessions attended of 40, by 5 of 10 people: shown although 3 is small.
    expect(rateCell(3, 40, true, { numerator: 5, denominator: 10 })).toEqual({
      kind: 'rate',
      value: 0.075,
      numerator: 3,
      denominator: 40,
      n: 10,
      suppressed: false,
    });
  });

  it('shows everything when not suppressing', () => {
    expect(rateCell(1, 4, false)).toEqual({
      kind: 'rate',
      value: 0.25,
      numerator: 1,
      denominator: 4,
      n: 4,
      suppressed: false,
    });
  });
});

describe('meanCell', () => {
  it('hides an average over 4 people', () => {
    expect(meanCell(100, 4, true)).toEqual({
      kind: 'mean',
      value: null,
      numerator: '<5',
      denominator: '<5',
      n: '<5',
      suppressed: true,
    });
  });

  it('shows an average over 5 people', () => {
    expect(meanCell(100, 5, true)).toEqual({
      kind: 'mean',
      value: 20,
      numerator: 100,
      denominator: 5,
      n: 5,
      suppressed: false,
    });
  });

  it('has no value over nobody', () => {
    expect(meanCell(0, 0, true)).toEqual({
      kind: 'mean',
      value: null,
      numerator: 0,
      denominator: 0,
      n: 0,
      suppressed: false,
    });
  });

  it('shows an average over 2 people when not suppressing', () => {
    expect(meanCell(9, 2, false)).toEqual({
      kind: 'mean',
      value: 4.5,
      numerator: 9,
      denominator: 2,
      n: 2,
      suppressed: false,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// periods.ts
// ---------------------------------------------------------------------------------------------

describe('dateRangeProblem', () => {
  it('refuses an end before the start', () => {
    expect(dateRangeProblem({ from: '2025-03-10', to: '2025-03-09' })).toBe(
      'The end date is before the start date.',
    );
  });

  it('accepts a one-day range and an ordinary range', () => {
    expect(dateRangeProblem({ from: '2025-03-10', to: '2025-03-10' })).toBeNull();
    expect(dateRangeProblem({ from: '2025-01-01', to: '2025-06-30' })).toBeNull();
  });

  it('refuses a range ending 5 years after its start', () => {
    expect(dateRangeProblem({ from: '2020-01-01', to: '2025-01-01' })).toBe(
      'Choose a range of at most 5 years.',
    );
    expect(dateRangeProblem({ from: '2020-01-01', to: '2026-07-01' })).toBe(
      'Choose a range of at most 5 years.',
    );
  });

  it('accepts a range ending the day before 5 years after its start', () => {
    expect(dateRangeProblem({ from: '2020-01-01', to: '2024-12-31' })).toBeNull();
  });

  it('treats a leap-day start as ending on 1 March five years on', () => {
    expect(dateRangeProblem({ from: '2024-02-29', to: '2029-02-28' })).toBeNull();
    expect(dateRangeProblem({ from: '2024-02-29', to: '2029-03-01' })).toBe(
      'Choose a range of at most 5 years.',
    );
  });
});

describe('weeksIn', () => {
  it('lists the Monday of every week overlapping a range that starts mid-week', () => {
    // 2025-01-01 is a Wednesday; 2025-01-20 is a Monday.
    expect(weeksIn({ from: '2025-01-01', to: '2025-01-20' })).toEqual([
      '2024-12-30',
      '2025-01-06',
      '2025-01-13',
      '2025-01-20',
    ]);
  });

  it('puts a Sunday in the week that began the Monday before', () => {
    expect(weeksIn({ from: '2025-01-05', to: '2025-01-05' })).toEqual(['2024-12-30']);
  });

  it('starts on the range start when that is a Monday', () => {
    expect(weeksIn({ from: '2025-01-06', to: '2025-01-12' })).toEqual(['2025-01-06']);
  });
});

describe('monthsIn and monthOf', () => {
  it('lists months across a year boundary', () => {
    expect(monthsIn({ from: '2024-11-15', to: '2025-02-03' })).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
  });

  it('lists one month for a range inside it', () => {
    expect(monthsIn({ from: '2025-03-02', to: '2025-03-30' })).toEqual(['2025-03']);
  });

  it('takes the month of a date', () => {
    expect(monthOf('2025-03-09')).toBe('2025-03');
  });
});

describe('inRange', () => {
  const range = { from: '2025-01-01', to: '2025-01-31' };

  it('includes both ends', () => {
    expect(inRange('2025-01-01', range)).toBe(true);
    expect(inRange('2025-01-31', range)).toBe(true);
  });

  it('excludes dates outside and no date', () => {
    expect(inRange('2024-12-31', range)).toBe(false);
    expect(inRange('2025-02-01', range)).toBe(false);
    expect(inRange(null, range)).toBe(false);
  });
});

describe('stayDays', () => {
  it('counts a same-day discharge as one day', () => {
    expect(stayDays('2025-01-10', '2025-01-10')).toBe(1);
  });

  it('counts whole days between admission and discharge', () => {
    expect(stayDays('2025-01-01', '2025-01-11')).toBe(10);
    expect(stayDays('2024-02-28', '2024-03-01')).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// stays.ts
// ---------------------------------------------------------------------------------------------

describe('inTreatmentOn', () => {
  const s = stay('a', '2025-01-10', '2025-01-20', 'completed');

  it('counts the admission day in and the discharge day out', () => {
    expect(inTreatmentOn(s, '2025-01-09')).toBe(false);
    expect(inTreatmentOn(s, '2025-01-10')).toBe(true);
    expect(inTreatmentOn(s, '2025-01-19')).toBe(true);
    expect(inTreatmentOn(s, '2025-01-20')).toBe(false);
  });

  it('keeps a client not yet discharged in treatment', () => {
    expect(inTreatmentOn(stay('b', '2025-01-10'), '2030-01-01')).toBe(true);
  });
});

describe('censusIndicator', () => {
  // Range Wed 2025-01-01 to Wed 2025-01-15: weeks cut to 01-01..01-05, 01-06..01-12, 01-13..01-15.
  const range = { from: '2025-01-01', to: '2025-01-15' };
  const stays = [
    stay('A', '2024-12-01'),
    // Admitted in the first week but before the range: no admission counted.
    stay('B', '2024-12-31', '2025-01-12', 'completed'),
    // Admitted and discharged in the same week.
    stay('C', '2025-01-07', '2025-01-09', 'ama'),
    // Admitted on the last day of the first (cut) week.
    stay('D', '2025-01-05'),
    // Admitted on the last day of the range.
    stay('E', '2025-01-15'),
    // Admitted after the range.
    stay('F', '2025-01-16'),
    // Discharged on the last day of the range.
    stay('G', '2024-11-01', '2025-01-15', 'transfer'),
  ];
  const table = censusIndicator(stays, range, false);

  it('has one row per week, keyed by its Monday', () => {
    expect(rowKeys(table)).toEqual(['2024-12-30', '2025-01-06', '2025-01-13']);
    expect(table.rows.map((r) => r.label)).toEqual([
      'Week of 2024-12-30',
      'Week of 2025-01-06',
      'Week of 2025-01-13',
    ]);
  });

  it('counts the census on the last day of each week, cut to the range', () => {
    // Week 1 on 01-05: A, B, D, G. Week 2 on 01-12: A, D, G (B left that day). Week 3 on 01-15: A, D, E.
    expect(table.rows.map((r) => r.cells.census?.value)).toEqual([4, 3, 3]);
  });

  it('counts admissions in the week, cut to the range', () => {
    // Week 1: D only (B was admitted 2024-12-31, before the range). Week 2: C. Week 3: E.
    expect(table.rows.map((r) => r.cells.admissions?.value)).toEqual([1, 1, 1]);
  });

  it('counts discharges in the week they happened', () => {
    // Week 2: B and C. Week 3: G.
    expect(table.rows.map((r) => r.cells.discharges?.value)).toEqual([0, 2, 1]);
  });

  it('leaves a client admitted and discharged in the same week out of its census', () => {
    const t = censusIndicator(
      [stay('C', '2025-01-07', '2025-01-09', 'ama')],
      { from: '2025-01-06', to: '2025-01-12' },
      false,
    );
    expect(parts(t, '2025-01-06', 'census')).toEqual([0, 0, 0]);
    expect(parts(t, '2025-01-06', 'admissions')).toEqual([1, 1, 1]);
    expect(parts(t, '2025-01-06', 'discharges')).toEqual([1, 1, 1]);
  });

  it('shows small counts as "<5" when suppressing', () => {
    const t = censusIndicator(stays, range, true);
    expect(cellOf(t, '2024-12-30', 'census')).toEqual({
      kind: 'count',
      value: null,
      numerator: '<5',
      denominator: '<5',
      n: '<5',
      suppressed: true,
    });
    expect(cellOf(t, '2024-12-30', 'discharges').value).toBe(0);
  });

  it('names its columns', () => {
    expect(table.id).toBe('census');
    expect(table.columns.map((c) => c.key)).toEqual(['census', 'admissions', 'discharges']);
    expect(table.notes).toEqual([]);
  });
});

describe('completionIndicator', () => {
  const range = { from: '2025-01-01', to: '2025-02-28' };
  const stays = [
    stay('j1', '2024-12-01', '2025-01-05', 'completed'),
    stay('j2', '2024-12-02', '2025-01-10', 'completed'),
    stay('j3', '2024-12-03', '2025-01-15', 'completed'),
    stay('j4', '2024-12-04', '2025-01-20', 'ama'),
    stay('j5', '2024-12-05', '2025-01-31', 'administrative'),
    stay('f1', '2025-01-10', '2025-02-01', 'transfer'),
    stay('f2', '2025-01-11', '2025-02-28', 'completed'),
    // Discharged before the range, and not yet discharged: neither counts.
    stay('x1', '2024-11-01', '2024-12-31', 'ama'),
    stay('x2', '2025-01-01'),
    // Discharged after the range.
    stay('x3', '2025-01-01', '2025-03-01', 'ama'),
  ];
  const table = completionIndicator(stays, range, false);

  it('has a row per month of discharge and a "Whole range" row', () => {
    expect(rowKeys(table)).toEqual(['2025-01', '2025-02', 'all']);
    expect(table.rows.map((r) => r.label)).toEqual(['2025-01', '2025-02', 'Whole range']);
  });

  it('divides completed discharges by all discharges in the month', () => {
    expect(parts(table, '2025-01', 'completed')).toEqual([3, 5, 0.6]);
    expect(parts(table, '2025-02', 'completed')).toEqual([1, 2, 0.5]);
  });

  it('divides AMA discharges by all discharges in the month', () => {
    expect(parts(table, '2025-01', 'ama')).toEqual([1, 5, 0.2]);
    expect(parts(table, '2025-02', 'ama')).toEqual([0, 2, 0]);
  });

  it('counts the whole range over every discharge in it', () => {
    expect(cellOf(table, 'all', 'completed').numerator).toBe(4);
    expect(cellOf(table, 'all', 'completed').denominator).toBe(7);
    expect(cellOf(table, 'all', 'completed').value).toBeCloseTo(0.5714, 4);
    expect(cellOf(table, 'all', 'ama').value).toBeCloseTo(0.1429, 4);
  });

  it('has no "Whole range" row for a single month', () => {
    const t = completionIndicator(stays, { from: '2025-01-01', to: '2025-01-31' }, false);
    expect(rowKeys(t)).toEqual(['2025-01']);
  });

  it('hides a month with 1 to 4 completions or discharges when suppressing', () => {
    const t = completionIndicator(stays, range, true);
    expect(parts(t, '2025-01', 'completed')).toEqual(['<5', 5, null]);
    expect(parts(t, '2025-02', 'completed')).toEqual(['<5', '<5', null]);
    expect(parts(t, 'all', 'completed')).toEqual(['<5', 7, null]);
  });

  it('has a month with no discharge with no value', () => {
    const t = completionIndicator(stays, { from: '2025-03-02', to: '2025-04-30' }, true);
    expect(parts(t, '2025-03', 'completed')).toEqual([0, 0, null]);
    expect(cellOf(t, '2025-03', 'completed').suppressed).toBe(false);
  });
});

describe('lengthOfStayIndicator', () => {
  const range = { from: '2025-01-01', to: '2025-02-28' };
  const stays = [
    stay('s1', '2025-01-10', '2025-01-10', 'ama'), // same day: 1
    stay('s2', '2025-01-01', '2025-01-11', 'completed'), // 10
    stay('s3', '2024-12-22', '2025-01-21', 'completed'), // 30
    stay('s4', '2025-01-20', '2025-02-09', 'transfer'), // 20
    stay('s5', '2025-01-01'), // still in treatment
    stay('s6', '2025-01-01', '2025-03-01', 'completed'), // after the range
  ];

  it('averages days from admission to discharge, a same-day discharge counting one', () => {
    const t = lengthOfStayIndicator(stays, range, false);
    expect(rowKeys(t)).toEqual(['2025-01', '2025-02', 'all']);
    expect(cellOf(t, '2025-01', 'days').numerator).toBe(41);
    expect(cellOf(t, '2025-01', 'days').n).toBe(3);
    expect(cellOf(t, '2025-01', 'days').value).toBeCloseTo(13.667, 3);
    expect(parts(t, '2025-02', 'days')).toEqual([20, 1, 20]);
    expect(parts(t, 'all', 'days')).toEqual([61, 4, 15.25]);
  });

  it('hides an average over 1 to 4 discharges when suppressing', () => {
    const t = lengthOfStayIndicator(stays, range, true);
    expect(parts(t, 'all', 'days')).toEqual(['<5', '<5', null]);
  });

  it('shows an average over 5 discharges when suppressing', () => {
    const five = [
      stay('a', '2025-01-01', '2025-01-01', 'ama'),
      stay('b', '2025-01-01', '2025-01-03', 'ama'),
      stay('c', '2025-01-01', '2025-01-05', 'completed'),
      stay('d', '2025-01-01', '2025-01-07', 'completed'),
      stay('e', '2025-01-01', '2025-01-09', 'completed'),
    ];
    const t = lengthOfStayIndicator(five, { from: '2025-01-01', to: '2025-01-31' }, true);
    // 1 + 2 + 4 + 6 + 8 = 21 days over 5 stays.
    expect(parts(t, '2025-01', 'days')).toEqual([21, 5, 4.2]);
  });
});

describe('leftEarly', () => {
  it('counts AMA and administrative discharges as losses', () => {
    expect(leftEarly(stay('a', '2025-01-01', '2025-01-02', 'ama'))).toBe(true);
    expect(leftEarly(stay('a', '2025-01-01', '2025-01-02', 'administrative'))).toBe(true);
  });

  it('does not count completion, transfer or no discharge', () => {
    expect(leftEarly(stay('a', '2025-01-01', '2025-01-02', 'completed'))).toBe(false);
    expect(leftEarly(stay('a', '2025-01-01', '2025-01-02', 'transfer'))).toBe(false);
    expect(leftEarly(stay('a', '2025-01-01'))).toBe(false);
  });
});

describe('retentionIndicator', () => {
  const range = { from: '2025-01-01', to: '2025-02-28' };
  const today = '2025-04-15';
  const stays = [
    // January cohort.
    stay('r1', '2025-01-01', '2025-01-05', 'ama'), // lost after 4 days
    stay('r2', '2025-01-02', '2025-01-20', 'completed'), // completed after 18 days: never lost
    stay('r3', '2025-01-03', '2025-02-02', 'administrative'), // out after exactly 30 days
    stay('r4', '2025-01-10', '2025-01-17', 'ama'), // out after exactly 7 days
    stay('r5', '2025-01-31'), // admitted 74 days before today: not observable at 90
    stay('r6', '2025-01-05', '2025-01-06', 'transfer'), // transfer: not a loss
    stay('r7', '2025-01-15'), // admitted exactly 90 days before today
    // February cohort.
    stay('s1', '2025-02-03', '2025-02-20', 'completed'),
    stay('s2', '2025-02-10', '2025-02-12', 'ama'),
    // Admitted outside the range: in no cohort.
    stay('x1', '2024-12-20', '2024-12-22', 'ama'),
    stay('x2', '2025-03-01', '2025-03-02', 'ama'),
  ];
  const table = retentionIndicator(stays, range, today, false);

  it('has a column per admission month and a row per checkpoint', () => {
    expect(table.columns.map((c) => c.key)).toEqual(['2025-01', '2025-02']);
    expect(table.columns.map((c) => c.label)).toEqual(['Admitted 2025-01', 'Admitted 2025-02']);
    expect(rowKeys(table)).toEqual(['7', '14', '30', '60', '90']);
    expect(table.rows.map((r) => r.label)).toEqual([
      'Day 7',
      'Day 14',
      'Day 30',
      'Day 60',
      'Day 90',
    ]);
  });

  it('loses an AMA discharge before day 7 at day 7', () => {
    expect(parts(table, '7', '2025-01')).toEqual([6, 7, 6 / 7]);
  });

  it('keeps a client discharged AMA on day 7 at day 7, and loses them at day 14', () => {
    expect(parts(table, '14', '2025-01')).toEqual([5, 7, 5 / 7]);
  });

  it('keeps an administrative discharge on day 30 exactly at day 30', () => {
    expect(parts(table, '30', '2025-01')).toEqual([5, 7, 5 / 7]);
  });

  it('loses the administrative discharge at day 60, but not the completion or transfer', () => {
    expect(parts(table, '60', '2025-01')).toEqual([4, 7, 4 / 7]);
  });

  it('leaves out of day 90 a client admitted less than 90 days before today', () => {
    // r5 drops out; r7, admitted exactly 90 days ago, stays in. Lost: r1, r3, r4.
    expect(parts(table, '90', '2025-01')).toEqual([3, 6, 0.5]);
  });

  it('keeps a client who completed before day 30 at day 30', () => {
    expect(parts(table, '30', '2025-02')).toEqual([1, 2, 0.5]);
  });

  it('has no value for a cohort none of whom has reached the day', () => {
    expect(parts(table, '90', '2025-02')).toEqual([0, 0, null]);
  });

  it('explains observability and nothing else when there are 12 months or fewer', () => {
    expect(table.notes).toEqual([
      'A cohort appears at a day only for clients admitted at least that many days ago.',
    ]);
    const year = retentionIndicator([], { from: '2024-01-01', to: '2024-12-31' }, today, false);
    expect(year.columns).toHaveLength(12);
    expect(year.notes).toHaveLength(1);
  });

  it('keeps the latest 12 admission months of a longer range and says so', () => {
    const t = retentionIndicator(
      [stay('old', '2024-01-15'), stay('new', '2025-02-15')],
      { from: '2024-01-01', to: '2025-02-28' },
      today,
      false,
    );
    expect(t.columns.map((c) => c.key)).toEqual([
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(t.notes).toEqual([
      'A cohort appears at a day only for clients admitted at least that many days ago.',
      'Showing the latest 12 of 14 admission months.',
    ]);
    expect(parts(t, '7', '2025-02')).toEqual([1, 1, 1]);
  });

  it('hides a small cohort when suppressing', () => {
    const t = retentionIndicator(stays, range, today, true);
    expect(parts(t, '7', '2025-02')).toEqual(['<5', '<5', null]);
    // January at day 7: 6 of 7 retained says 1 was lost.
    expect(cellOf(t, '7', '2025-01').suppressed).toBe(true);
    // January at day 90: 3 of 6 retained.
    expect(parts(t, '90', '2025-01')).toEqual(['<5', 6, null]);
  });
});

// ---------------------------------------------------------------------------------------------
// attendance.ts
// ---------------------------------------------------------------------------------------------

describe('attendanceIndicator', () => {
  const range = { from: '2025-01-06', to: '2025-02-02' };
  const clientWeeks = [
    // Week of 01-06: 6 people expected, 5 came to something.
    week('c1', '2025-01-06', 4, 4),
    week('c2', '2025-01-06', 3, 4),
    week('c3', '2025-01-06', 0, 4),
    week('c4', '2025-01-06', 2, 4),
    week('c5', '2025-01-06', 1, 2),
    week('c6', '2025-01-06', 2, 2),
    // Expected at nothing: not among the people.
    week('c7', '2025-01-06', 0, 0),
    // Week of 01-13: 2 people.
    week('c1', '2025-01-13', 3, 4),
    week('c2', '2025-01-13', 1, 2),
    // Week of 01-20: nothing. Week of 01-27: 5 expected, 3 came.
    week('c1', '2025-01-27', 2, 2),
    week('c2', '2025-01-27', 1, 2),
    week('c3', '2025-01-27', 1, 2),
    week('c4', '2025-01-27', 0, 2),
    week('c5', '2025-01-27', 0, 2),
    // Outside the range.
    week('c1', '2024-12-30', 1, 1),
  ];
  const held = [
    { week: '2025-01-06', held: 6 },
    { week: '2025-01-13', held: 2 },
    { week: '2025-01-27', held: 3 },
    { week: '2024-12-30', held: 9 },
  ];
  const table = attendanceIndicator(clientWeeks, held, range, true);

  it('has one row per week of the range', () => {
    expect(rowKeys(table)).toEqual(['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27']);
  });

  it('sums attended over expected across the clients of a week', () => {
    expect(cellOf(table, '2025-01-06', 'rate')).toEqual({
      kind: 'rate',
      value: 0.6,
      numerator: 12,
      denominator: 20,
      n: 6,
      suppressed: false,
    });
  });

  it('hides a week with 1 to 4 people expected', () => {
    expect(cellOf(table, '2025-01-13', 'rate')).toEqual({
      kind: 'rate',
      value: null,
      numerator: '<5',
      denominator: '<5',
      n: '<5',
      suppressed: true,
    });
  });

  it('hides a week in which 1 to 4 people attended, though 5 were expected', () => {
    expect(cellOf(table, '2025-01-27', 'rate')).toEqual({
      kind: 'rate',
      value: null,
      numerator: '<5',
      denominator: 10,
      n: 5,
      suppressed: true,
    });
  });

  it('shows a week with no facts as empty, not hidden', () => {
    expect(cellOf(table, '2025-01-20', 'rate')).toEqual({
      kind: 'rate',
      value: null,
      numerator: 0,
      denominator: 0,
      n: 0,
      suppressed: false,
    });
  });

  it('never suppresses the count of sessions held', () => {
    expect(table.rows.map((r) => r.cells.held?.value)).toEqual([6, 2, 0, 3]);
    expect(cellOf(table, '2025-01-13', 'held').suppressed).toBe(false);
    expect(cellOf(table, '2025-01-13', 'held').n).toBe(2);
  });

  it('shows the small week when not suppressing', () => {
    const t = attendanceIndicator(clientWeeks, held, range, false);
    expect(parts(t, '2025-01-13', 'rate')).toEqual([4, 6, 4 / 6]);
    expect(cellOf(t, '2025-01-13', 'rate').n).toBe(2);
  });
});

describe('engagementIndicator', () => {
  it('hides a second band when only one band is hidden, so it cannot be worked out', () => {
    const weeks = [
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => week(id, '2025-01-06', 1, 1, 3, 1)),
      ...['g', 'h', 'i', 'j', 'k', 'l', 'm'].map((id) => week(id, '2025-01-06', 1, 1, 4, 1)),
      ...['n', 'o'].map((id) => week(id, '2025-01-06', 1, 1, 5, 1)),
    ];
    const t = engagementIndicator(weeks, true);
    const band = (key: string) => t.rows.find((r) => r.key === key)?.cells.clients;
    expect(band('5')?.suppressed).toBe(true);
    // 6 in band 3 is the smallest band still shown: hidden too. 7 in band 4 stays.
    expect(band('3')?.suppressed).toBe(true);
    expect(band('3')?.numerator).toBe('<5');
    expect(band('4')?.suppressed).toBe(false);
    expect(band('4')?.numerator).toBe(7);
    // Bands holding nobody stay 0.
    expect(band('1')?.numerator).toBe(0);
  });

  const clientWeeks = [
    // e1: ratings 5 over 2 sessions, then an unrated session: mean 2.5 rounds to 3.
    week('e1', '2025-01-06', 2, 2, 5, 2),
    week('e1', '2025-01-13', 1, 1, 0, 0),
    week('e2', '2025-01-06', 1, 1, 4, 1), // 4
    week('e3', '2025-01-06', 2, 2, 0, 0), // attended, never rated
    week('e4', '2025-01-06', 0, 3, 0, 0), // never attended: left out
    week('e5', '2025-01-06', 3, 3, 14, 3), // 4.67 → 5
    week('e6', '2025-01-06', 2, 2, 3, 2), // 1.5 → 2
    week('e7', '2025-01-06', 5, 5, 7, 5), // 1.4 → 1
    week('e8', '2025-01-06', 2, 2, 8, 2), // 4
  ];

  it('has a row per level and one for clients not rated', () => {
    const t = engagementIndicator(clientWeeks, false);
    expect(rowKeys(t)).toEqual(['1', '2', '3', '4', '5', 'unrated']);
    expect(t.rows.map((r) => r.label)).toEqual([
      '1 Not engaged',
      '2 Minimal',
      '3 Attentive',
      '4 Engaged',
      '5 Highly engaged',
      'Not rated',
    ]);
  });

  it('places each client who attended by their rounded mean rating', () => {
    const t = engagementIndicator(clientWeeks, false);
    expect(t.rows.map((r) => r.cells.clients?.numerator)).toEqual([1, 1, 1, 2, 1, 1]);
    expect(t.rows.map((r) => r.cells.clients?.denominator)).toEqual([7, 7, 7, 7, 7, 7]);
    expect(cellOf(t, '4', 'clients').value).toBeCloseTo(0.2857, 4);
  });

  it('rounds a mean of 2.5 up to 3', () => {
    const t = engagementIndicator([week('e1', '2025-01-06', 2, 2, 5, 2)], false);
    expect(parts(t, '3', 'clients')).toEqual([1, 1, 1]);
    expect(parts(t, '2', 'clients')).toEqual([0, 1, 0]);
  });

  it('counts a client who attended without a rating as not rated', () => {
    const t = engagementIndicator([week('e3', '2025-01-06', 2, 2, 0, 0)], false);
    expect(parts(t, 'unrated', 'clients')).toEqual([1, 1, 1]);
  });

  it('leaves out clients who attended nothing', () => {
    const t = engagementIndicator([week('e4', '2025-01-06', 0, 3, 0, 0)], false);
    expect(parts(t, 'unrated', 'clients')).toEqual([0, 0, null]);
  });

  it('hides bands of 1 to 4 clients and shows bands of 0 when suppressing', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((id) => week(id, '2025-01-06', 1, 1, 3, 1));
    const t = engagementIndicator(five, true);
    expect(parts(t, '3', 'clients')).toEqual([5, 5, 1]);
    expect(parts(t, '4', 'clients')).toEqual([0, 5, 0]);
    const seven = engagementIndicator(clientWeeks, true);
    expect(parts(seven, '4', 'clients')).toEqual(['<5', 7, null]);
  });
});

// ---------------------------------------------------------------------------------------------
// alumni.ts
// ---------------------------------------------------------------------------------------------

describe('referralFunnelIndicator', () => {
  const referred: ReferredClient[] = [
    ...Array.from({ length: 3 }, (_, i) => ({
      clientId: `a${i}`,
      firstMeeting: true,
      attending: true,
    })),
    ...Array.from({ length: 4 }, (_, i) => ({
      clientId: `f${i}`,
      firstMeeting: true,
      attending: false,
    })),
    ...Array.from({ length: 3 }, (_, i) => ({
      clientId: `n${i}`,
      firstMeeting: false,
      attending: false,
    })),
  ];

  it('shows each step as a share of the clients referred', () => {
    const t = referralFunnelIndicator(referred, false);
    expect(rowKeys(t)).toEqual(['referred', 'first_meeting', 'attending']);
    expect(parts(t, 'referred', 'clients')).toEqual([10, 10, 1]);
    expect(parts(t, 'first_meeting', 'clients')).toEqual([7, 10, 0.7]);
    expect(parts(t, 'attending', 'clients')).toEqual([3, 10, 0.3]);
  });

  it('hides a step reached by 1 to 4 clients when suppressing', () => {
    const t = referralFunnelIndicator(referred, true);
    // 7 of 10 also says 3 did not go: hidden as well.
    expect(parts(t, 'first_meeting', 'clients')).toEqual(['<5', 10, null]);
    expect(parts(t, 'attending', 'clients')).toEqual(['<5', 10, null]);
    expect(parts(t, 'referred', 'clients')).toEqual([10, 10, 1]);
  });

  it('says the steps are self-reported', () => {
    const t = referralFunnelIndicator([], true);
    expect(t.notes).toEqual([
      'Community meetings do not confirm attendance: these steps are what alumni told us.',
    ]);
    expect(parts(t, 'referred', 'clients')).toEqual([0, 0, null]);
  });
});

describe('follow-up calls', () => {
  const range = { from: '2025-03-01', to: '2025-03-31' };
  const today = '2025-03-20';
  const calls = [
    call('f6', 30, '2025-03-10', 'done'),
    call('f1', 7, '2025-03-05', 'done'),
    call('f2', 7, '2025-03-06', 'declined'), // owed, not done
    call('f3', 7, '2025-03-07', 'cancelled'), // opted out: not owed
    call('f4', 7, '2025-03-25', 'open'), // due after today
    call('f5', 7, '2025-02-28', 'done'), // due before the range
    call('f7', 30, '2025-03-20', 'open'), // due today
    call('f8', 90, '2025-03-12', 'cancelled'),
  ];

  it('owes calls due in the range by today, not cancelled', () => {
    expect(callsDue(calls, range, today).map((c) => c.clientId)).toEqual(['f6', 'f1', 'f2', 'f7']);
  });

  it('divides done by due for each call day, in day order', () => {
    const t = followUpIndicator(calls, range, today, false);
    expect(rowKeys(t)).toEqual(['7', '30']);
    expect(t.rows.map((r) => r.label)).toEqual(['Day 7', 'Day 30']);
    expect(parts(t, '7', 'done')).toEqual([1, 2, 0.5]);
    expect(parts(t, '30', 'done')).toEqual([1, 2, 0.5]);
    expect(t.notes).toEqual([]);
  });

  it('hides a day with 1 to 4 calls when suppressing', () => {
    const t = followUpIndicator(calls, range, today, true);
    expect(parts(t, '7', 'done')).toEqual(['<5', '<5', null]);
  });

  it('says so when no call fell due', () => {
    const t = followUpIndicator(
      calls,
      { from: '2025-04-01', to: '2025-04-30' },
      '2025-05-01',
      true,
    );
    expect(t.rows).toEqual([]);
    expect(t.notes).toEqual(['No follow-up call fell due in this range.']);
  });
});

describe('abstinenceIndicator', () => {
  const range = { from: '2025-03-01', to: '2025-03-31' };
  const today = '2025-03-20';
  const calls = [
    call('a1', 30, '2025-03-02', 'done', 'yes'),
    call('a2', 30, '2025-03-03', 'done', 'yes'),
    call('a3', 30, '2025-03-04', 'done', 'yes'),
    call('a4', 30, '2025-03-05', 'done', 'no'),
    call('a5', 30, '2025-03-06', 'done', 'declined'), // preferred not to say
    call('a6', 30, '2025-03-07', 'open'), // not reached
    call('a7', 30, '2025-03-25', 'done', 'yes'), // due after today
    call('a8', 30, '2025-02-25', 'done', 'yes'), // due before the range
    call('a9', 30, '2025-03-08', 'cancelled', 'yes'),
    call('b1', 60, '2025-03-09', 'done', 'no'),
    call('b2', 60, '2025-03-10', 'done', 'no'),
    call('c1', 7, '2025-03-11', 'done', 'yes'), // 7 is not an abstinence day
  ];
  const t = abstinenceIndicator(calls, range, today, false);

  it('has a row for day 30, 60 and 90 only', () => {
    expect(rowKeys(t)).toEqual(['30', '60', '90']);
    expect(t.notes).toEqual(['Self-reported on the follow-up call.']);
  });

  it('divides "yes" by "yes" or "no" among done calls due in the range', () => {
    expect(parts(t, '30', 'abstinent')).toEqual([3, 4, 0.75]);
    expect(parts(t, '60', 'abstinent')).toEqual([0, 2, 0]);
  });

  it('has no value for a day with no answer', () => {
    expect(parts(t, '90', 'abstinent')).toEqual([0, 0, null]);
  });

  it('hides small answers when suppressing', () => {
    const s = abstinenceIndicator(calls, range, today, true);
    expect(parts(s, '30', 'abstinent')).toEqual(['<5', '<5', null]);
  });
});

// ---------------------------------------------------------------------------------------------
// recovery.ts: BARC-10
// ---------------------------------------------------------------------------------------------

describe('barcPoints', () => {
  // b1 discharged 2025-02-03: +59 days = 04-03, +85 = 04-29, +100 = 05-14, +121 = 06-04.
  const b1 = [
    barc('b1', 'follow_up', '2025-05-14', 50, '2025-02-03'),
    barc('b1', 'admission', '2025-01-09', 35, '2025-02-03'),
    barc('b1', 'discharge', '2025-02-03', 44, '2025-02-03'),
    barc('b1', 'follow_up', '2025-04-03', 20, '2025-02-03'),
    barc('b1', 'admission', '2025-01-02', 30, '2025-02-03'),
    barc('b1', 'discharge', '2025-02-01', 40, '2025-02-03'),
    barc('b1', 'follow_up', '2025-04-29', 48, '2025-02-03'),
    barc('b1', 'follow_up', '2025-06-04', 12, '2025-02-03'),
  ];

  it('takes the first admission score, the last discharge score and the follow-up nearest 90 days', () => {
    const p = barcPoints(b1).get('b1');
    expect(p?.admission).toBe(30);
    expect(p?.discharge).toBe(44);
    expect(p?.ninety).toBe(48);
  });

  it('ignores a follow-up 59 days after discharge', () => {
    const p = barcPoints([barc('b', 'follow_up', '2025-04-03', 20, '2025-02-03')]).get('b');
    expect(p?.ninety).toBeUndefined();
  });

  it('takes follow-ups at 60 and at 120 days, and not at 121', () => {
    // Discharged 2025-03-01: +60 = 04-30, +120 = 06-29, +121 = 06-30.
    const at = (d: IsoDate) => barcPoints([barc('b', 'follow_up', d, 33, '2025-03-01')]).get('b');
    expect(at('2025-04-30')?.ninety).toBe(33);
    expect(at('2025-06-29')?.ninety).toBe(33);
    expect(at('2025-06-30')?.ninety).toBeUndefined();
  });

  it('ignores other instruments, scores with no total and follow-ups with no discharge', () => {
    const points = barcPoints([
      score('p', 'phq9', 'admission', '2025-01-01', { total: 12 }),
      barc('q', 'admission', '2025-01-01', null),
      barc('q', 'admission', '2025-01-05', 28),
      barc('r', 'follow_up', '2025-04-01', 40, null),
    ]);
    expect(points.has('p')).toBe(false);
    expect(points.get('q')?.admission).toBe(28);
    expect(points.get('r')?.ninety).toBeUndefined();
  });
});

describe('barcPairedIndicator', () => {
  const scores = [
    // b1: 30 → 44 → 48 (via barcPoints' choices).
    barc('b1', 'admission', '2025-01-02', 30, '2025-02-03'),
    barc('b1', 'admission', '2025-01-09', 35, '2025-02-03'),
    barc('b1', 'discharge', '2025-02-03', 44, '2025-02-03'),
    barc('b1', 'follow_up', '2025-04-03', 20, '2025-02-03'), // 59 days: ignored
    barc('b1', 'follow_up', '2025-04-29', 48, '2025-02-03'),
    // b2: 20 → 30, no 90-day score.
    barc('b2', 'admission', '2025-01-05', 20, '2025-02-10'),
    barc('b2', 'discharge', '2025-02-10', 30, '2025-02-10'),
    // b3: discharge only.
    barc('b3', 'discharge', '2025-02-11', 45, '2025-02-11'),
    // b4: 25 → 35 → 40 at exactly 90 days (2025-03-01 + 90 = 2025-05-30).
    barc('b4', 'admission', '2025-01-20', 25, '2025-03-01'),
    barc('b4', 'discharge', '2025-03-01', 35, '2025-03-01'),
    barc('b4', 'follow_up', '2025-05-30', 40, '2025-03-01'),
    // b5: admission not scored, discharge and follow-up: in neither set.
    barc('b5', 'admission', '2025-01-20', null, '2025-03-01'),
    barc('b5', 'discharge', '2025-03-01', 50, '2025-03-01'),
    barc('b5', 'follow_up', '2025-05-30', 52, '2025-03-01'),
  ];
  const t = barcPairedIndicator(scores, false);

  it('has rows for admission, discharge and 90 days', () => {
    expect(rowKeys(t)).toEqual(['admission', 'discharge', 'ninety']);
    expect(t.columns.map((c) => c.key)).toEqual(['pairs', 'triples']);
  });

  it('averages admission and discharge over clients with both', () => {
    // b1, b2, b4: (30 + 20 + 25) / 3 and (44 + 30 + 35) / 3.
    expect(parts(t, 'admission', 'pairs')).toEqual([75, 3, 25]);
    expect(cellOf(t, 'discharge', 'pairs').numerator).toBe(109);
    expect(cellOf(t, 'discharge', 'pairs').n).toBe(3);
    expect(cellOf(t, 'discharge', 'pairs').value).toBeCloseTo(36.333, 3);
  });

  it('averages all three points over clients with all three', () => {
    // b1 and b4.
    expect(parts(t, 'admission', 'triples')).toEqual([55, 2, 27.5]);
    expect(parts(t, 'discharge', 'triples')).toEqual([79, 2, 39.5]);
    expect(parts(t, 'ninety', 'triples')).toEqual([88, 2, 44]);
  });

  it('has no 90-day figure for the pairs', () => {
    expect(parts(t, 'ninety', 'pairs')).toEqual([0, 0, null]);
  });

  it('hides sets of 1 to 4 clients when suppressing', () => {
    const s = barcPairedIndicator(scores, true);
    expect(parts(s, 'admission', 'pairs')).toEqual(['<5', '<5', null]);
    expect(parts(s, 'ninety', 'triples')).toEqual(['<5', '<5', null]);
    expect(cellOf(s, 'ninety', 'pairs').suppressed).toBe(false);
  });

  it('states the 90-day window in its notes', () => {
    expect(t.notes).toEqual([
      'Clients discharged in the range. 47 or more predicts sustained remission.',
      'The 90-day score is the follow-up BARC-10 given 60–120 days after discharge, nearest to 90.',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// recovery.ts: SAMHSA's four dimensions
// ---------------------------------------------------------------------------------------------

describe('samhsaIndicator', () => {
  const D = '2025-03-01';

  it('has a row per dimension', () => {
    const t = samhsaIndicator([], [], false);
    expect(rowKeys(t)).toEqual(['health', 'home', 'purpose', 'community']);
    expect(t.rows.map((r) => r.label)).toEqual(['Health', 'Home', 'Purpose', 'Community']);
    expect(parts(t, 'health', 'well')).toEqual([0, 0, null]);
  });

  it('health from the call: yes is well, no is not, "declined" is silent', () => {
    const t = samhsaIndicator(
      [
        answers('h1', D, { abstinent: 'yes' }),
        answers('h2', D, { abstinent: 'no' }),
        answers('h3', D, { abstinent: 'declined' }),
      ],
      [],
      false,
    );
    expect(parts(t, 'health', 'well')).toEqual([1, 2, 0.5]);
    // Nothing said about the other dimensions.
    expect(parts(t, 'home', 'well')).toEqual([0, 0, null]);
    expect(parts(t, 'purpose', 'well')).toEqual([0, 0, null]);
    expect(parts(t, 'community', 'well')).toEqual([0, 0, null]);
  });

  it('health from scores: BAM Use 0, PHQ-9 below 10, GAD-7 below 10', () => {
    const t = samhsaIndicator(
      [],
      [
        score('s1', 'bam', 'discharge', D, { subscales: { use: 0 } }),
        score('s2', 'bam', 'discharge', D, { subscales: { use: 2 } }),
        score('s3', 'phq9', 'follow_up', D, { total: 10 }),
        score('s4', 'phq9', 'follow_up', D, { total: 9 }),
        score('s5', 'gad7', 'discharge', D, { total: 12 }),
        score('s6', 'gad7', 'discharge', D, { total: 3 }),
      ],
      false,
    );
    // Well: s1, s4, s6.
    expect(parts(t, 'health', 'well')).toEqual([3, 6, 0.5]);
  });

  it('health needs every source positive', () => {
    const t = samhsaIndicator(
      [answers('m1', D, { abstinent: 'yes' }), answers('m2', D, { abstinent: 'yes' })],
      [
        score('m1', 'phq9', 'follow_up', D, { total: 15 }),
        score('m2', 'phq9', 'follow_up', D, { total: 5 }),
        score('m2', 'gad7', 'follow_up', D, { total: 3 }),
        score('m2', 'bam', 'follow_up', D, { subscales: { use: 0 } }),
      ],
      false,
    );
    expect(parts(t, 'health', 'well')).toEqual([1, 2, 0.5]);
  });

  it('home from housing and BARC-10 item 7; "back in treatment" is silent', () => {
    const t = samhsaIndicator(
      [
        answers('o1', D, { housing: 'stable' }),
        answers('o2', D, { housing: 'sober_living' }),
        answers('o3', D, { housing: 'homeless' }),
        answers('o4', D, { housing: 'treatment' }),
        answers('o7', D, { housing: 'family' }),
      ],
      [
        score('o5', 'barc10', 'discharge', D, { total: 40, answers: { '7': 4 } }),
        score('o6', 'barc10', 'discharge', D, { total: 40, answers: { '7': 3 } }),
        score('o7', 'barc10', 'follow_up', D, { total: 40, answers: { '7': 2 } }),
      ],
      false,
    );
    // Counted: o1, o2, o3, o5, o6, o7. Well: o1, o2, o5.
    expect(parts(t, 'home', 'well')).toEqual([3, 6, 0.5]);
  });

  it('purpose from work or school and BAM items 13 and 14; "unable" is silent', () => {
    const t = samhsaIndicator(
      [
        answers('p1', D, { workOrSchool: 'working' }),
        answers('p2', D, { workOrSchool: 'looking' }),
        answers('p3', D, { workOrSchool: 'unable' }),
        answers('p6', D, { workOrSchool: 'school' }),
        answers('p7', D, { workOrSchool: 'both' }),
        answers('p8', D, { workOrSchool: 'neither' }),
      ],
      [
        score('p4', 'bam', 'discharge', D, { answers: { '13': 4, '14': 1 } }),
        score('p5', 'bam', 'discharge', D, { answers: { '13': 3, '14': 1 } }),
        score('p6', 'bam', 'follow_up', D, { answers: { '14': 0 } }),
      ],
      false,
    );
    // Counted: p1, p2, p4, p5, p6, p7, p8. Well: p1, p4, p7.
    expect(parts(t, 'purpose', 'well')).toEqual([3, 7, 3 / 7]);
  });

  it('community from meetings, sponsor, BAM item 16 and BARC-10 items 4 and 5', () => {
    const t = samhsaIndicator(
      [
        answers('k1', D, { communityMeetings: 2 }),
        answers('k2', D, { communityMeetings: 0 }),
        answers('k3', D, { hasSponsor: false }), // silent
        answers('k4', D, { hasSponsor: true }),
        answers('k5', D, { hasSponsor: false, communityMeetings: 0 }),
      ],
      [
        score('k6', 'bam', 'discharge', D, { answers: { '16': 0 } }),
        score('k7', 'barc10', 'discharge', D, { total: 40, answers: { '4': 4, '5': 4 } }),
        score('k8', 'barc10', 'discharge', D, { total: 40, answers: { '4': 5, '5': 2 } }),
        score('k9', 'barc10', 'discharge', D, { total: 40, answers: { '4': 6 } }), // silent
        score('k10', 'bam', 'discharge', D, { answers: { '16': 1 } }),
      ],
      false,
    );
    // Counted: k1, k2, k4, k5, k6, k7, k8, k10. Well: k1, k4, k7, k10.
    expect(parts(t, 'community', 'well')).toEqual([4, 8, 0.5]);
  });

  it('a sponsor counts for, but not having one does not count against', () => {
    const t = samhsaIndicator(
      [answers('k4', D, { hasSponsor: true, communityMeetings: 1 })],
      [score('k4', 'bam', 'discharge', D, { answers: { '16': 5 } })],
      false,
    );
    expect(parts(t, 'community', 'well')).toEqual([1, 1, 1]);
    const none = samhsaIndicator([answers('k3', D, { hasSponsor: false })], [], false);
    expect(parts(none, 'community', 'well')).toEqual([0, 0, null]);
  });

  it('ignores scores given at admission or at other times', () => {
    const t = samhsaIndicator(
      [],
      [
        score('z1', 'phq9', 'admission', D, { total: 20 }),
        score('z1', 'gad7', 'other', D, { total: 20 }),
        // z2: a later admission score does not displace the discharge one.
        score('z2', 'phq9', 'discharge', '2025-02-01', { total: 5 }),
        score('z2', 'phq9', 'admission', '2025-03-15', { total: 20 }),
      ],
      false,
    );
    expect(parts(t, 'health', 'well')).toEqual([1, 1, 1]);
  });

  it("uses each alumnus's latest call", () => {
    const t = samhsaIndicator(
      [
        answers('l1', '2025-05-01', { abstinent: 'yes' }),
        answers('l1', '2025-03-01', { abstinent: 'no', housing: 'homeless' }),
        answers('l2', '2025-03-01', { abstinent: 'yes' }),
        answers('l2', '2025-05-01', { abstinent: 'no' }),
      ],
      [],
      false,
    );
    expect(parts(t, 'health', 'well')).toEqual([1, 2, 0.5]);
    // l1's earlier answer about housing is not used.
    expect(parts(t, 'home', 'well')).toEqual([0, 0, null]);
  });

  it('uses the latest score on each instrument', () => {
    const t = samhsaIndicator(
      [],
      [
        score('y1', 'phq9', 'follow_up', '2025-04-01', { total: 4 }),
        score('y1', 'phq9', 'discharge', '2025-01-10', { total: 15 }),
        score('y2', 'phq9', 'discharge', '2025-01-10', { total: 4 }),
        score('y2', 'phq9', 'follow_up', '2025-04-01', { total: 15 }),
      ],
      false,
    );
    expect(parts(t, 'health', 'well')).toEqual([1, 2, 0.5]);
  });

  it('hides small counts when suppressing', () => {
    const t = samhsaIndicator([answers('h1', D, { abstinent: 'yes' })], [], true);
    expect(parts(t, 'health', 'well')).toEqual(['<5', '<5', null]);
  });
});

// ---------------------------------------------------------------------------------------------
// catalogue.ts
// ---------------------------------------------------------------------------------------------

const ALL_IDS: IndicatorId[] = [
  'census',
  'attendance',
  'engagement',
  'completion',
  'length_of_stay',
  'referral_funnel',
  'follow_up',
  'abstinence',
  'barc_paired',
  'samhsa',
  'retention',
];

describe('catalogue', () => {
  it('defines every indicator once', () => {
    expect(INDICATORS.map((i) => i.id)).toEqual(ALL_IDS);
  });

  it('finds a definition by id, and refuses an unknown one', () => {
    expect(indicatorDefinition('census').title).toBe('Census, admissions and discharges');
    expect(() => indicatorDefinition('nope' as IndicatorId)).toThrow('Unknown indicator nope');
  });

  it('tells indicator ids from other strings', () => {
    expect(isIndicatorId('retention')).toBe(true);
    expect(isIndicatorId('Retention')).toBe(false);
    expect(isIndicatorId('')).toBe(false);
  });

  it('writes the suppression rule and the checkpoints out in words', () => {
    expect(SUPPRESSION_RULE).toBe(
      'Counts of 1 to 4 people are shown as "<5", and a rate or average behind them is hidden, so no client can be singled out.',
    );
    expect(indicatorDefinition('retention').denominator).toBe(
      'Clients admitted in the month at least that many days ago (days 7, 14, 30, 60, 90).',
    );
    expect(indicatorDefinition('samhsa').caveats).toMatch(
      /^Evidence used\. Health: abstinent since discharge .*\. Home: .*\. Purpose: .*\. Community: .*\.$/,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// csv.ts
// ---------------------------------------------------------------------------------------------

describe('formatCellValue', () => {
  it('writes rates as percentages, means to one decimal and counts as they are', () => {
    expect(formatCellValue(rateCell(6, 10, false))).toBe('60.0%');
    expect(formatCellValue(rateCell(1, 3, false))).toBe('33.3%');
    expect(formatCellValue(meanCell(41, 3, false))).toBe('13.7');
    expect(formatCellValue(countCell(7, false))).toBe('7');
  });

  it('writes "suppressed" for a hidden cell and nothing for an empty one', () => {
    expect(formatCellValue(countCell(2, true))).toBe('suppressed');
    expect(formatCellValue(rateCell(0, 0, true))).toBe('');
  });
});

describe('indicatorCsv', () => {
  const definition: IndicatorDefinition = {
    id: 'attendance',
    title: 'Attendance',
    question: 'Did they come?',
    numerator: 'Sessions attended',
    denominator: 'Sessions expected',
    n: 'Clients',
    caveats: '',
  };
  const table: IndicatorTable = {
    id: 'attendance',
    columns: [column('rate', 'Attendance rate', 'rate', 'percent')],
    rows: [
      { key: 'w1', label: 'Week 1', cells: { rate: rateCell(3, 10, true) } },
      { key: 'w2', label: 'Week 2', cells: { rate: rateCell(5, 10, true) } },
      { key: 'w3', label: '=SUM(A1:A9)', cells: {} },
    ],
    notes: ['Note one'],
  };
  const csv = indicatorCsv(table, definition, [
    ['Facility', 'Northside'],
    ['Counselor', '=HYPERLINK("http://x")'],
  ]);
  const lines = csv.split('\r\n');

  it('starts with a block saying what was counted and for whom', () => {
    expect(lines.slice(0, 7)).toEqual([
      '"Attendance"',
      '"Facility","Northside"',
      `"Counselor","'=HYPERLINK(""http://x"")"`,
      '"Numerator","Sessions attended"',
      '"Denominator","Sessions expected"',
      '"Note","Note one"',
      '',
    ]);
  });

  it('heads each series with its value, numerator, denominator and n', () => {
    expect(lines[7]).toBe(
      '"Period or group","Attendance rate","Attendance rate: numerator","Attendance rate: denominator","Attendance rate: n"',
    );
  });

  it('writes "suppressed" and "<5" for a hidden cell', () => {
    expect(lines[8]).toBe('"Week 1","suppressed","<5","10","10"');
  });

  it('writes a shown cell', () => {
    expect(lines[9]).toBe('"Week 2","50.0%","5","10","10"');
  });

  it('neutralises a label starting with "=" and leaves a missing cell blank', () => {
    expect(lines[10]).toBe(`"'=SUM(A1:A9)","","","",""`);
  });

  it('ends every line with CRLF', () => {
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// dashboard.ts and table.ts
// ---------------------------------------------------------------------------------------------

describe('buildIndicators', () => {
  const facts: OutcomeFacts = {
    stays: [stay('a', '2025-01-06', '2025-01-08', 'completed')],
    clientWeeks: [],
    sessionsHeld: [],
    referred: [],
    calls: [],
    callAnswers: [],
    barcScores: [],
    alumniScores: [],
  };
  const range: DateRange = { from: '2025-01-06', to: '2025-01-12' };

  it('returns the tables in the order asked', () => {
    const tables = buildIndicators(
      ['retention', 'census', 'samhsa'],
      facts,
      range,
      '2025-02-01',
      false,
    );
    expect(tables.map((t) => t.id)).toEqual(['retention', 'census', 'samhsa']);
  });

  it('builds every indicator', () => {
    const reversed = [...ALL_IDS].reverse();
    const tables = buildIndicators(reversed, facts, range, '2025-02-01', true);
    expect(tables.map((t) => t.id)).toEqual(reversed);
  });

  it('builds each table from the facts, range and suppression it is given', () => {
    const [census, completion] = buildIndicators(
      ['census', 'completion'],
      facts,
      range,
      '2025-02-01',
      true,
    );
    expect(census && parts(census, '2025-01-06', 'admissions')).toEqual(['<5', '<5', null]);
    expect(completion && parts(completion, '2025-01', 'completed')).toEqual(['<5', '<5', null]);
    const [open] = buildIndicators(['census'], facts, range, '2025-02-01', false);
    expect(open && parts(open, '2025-01-06', 'admissions')).toEqual([1, 1, 1]);
  });
});

describe('column', () => {
  it('draws bars unless told otherwise', () => {
    expect(column('k', 'Label', 'rate', 'percent')).toEqual({
      key: 'k',
      label: 'Label',
      kind: 'rate',
      unit: 'percent',
      draw: 'bar',
    });
    expect(column('k', 'Label', 'count', 'people', 'line').draw).toBe('line');
  });
});
