import { describe, expect, it } from 'vitest';
import { dateInTimeZone } from '../dates';
import {
  addMonths,
  DEFAULT_MILESTONES,
  daysSober,
  formatMilestones,
  milestoneDate,
  milestonesBetween,
  naKeytag,
  nextMilestone,
  parseMilestones,
} from './milestones';
import { clientRecordProblems, daysInTreatment, dischargeProblems } from './record-rules';
import { stepSummary, stepWorkProblems } from './step-work';

function parsed(text: string) {
  const result = parseMilestones(text);
  if ('problem' in result) throw new Error(result.problem);
  return result.set;
}

describe('milestone sets', () => {
  it('read the common set and write it back the same', () => {
    const set = parsed(DEFAULT_MILESTONES);
    expect(set.milestones).toHaveLength(8);
    expect(set.yearly).toBe(true);
    expect(formatMilestones(set)).toBe(DEFAULT_MILESTONES);
  });
  it('are put in order whatever order staff type them', () => {
    expect(formatMilestones(parsed('1y, 30D, 24h , 6m'))).toBe('24h, 30d, 6m, 1y');
  });
  it.each([
    ['', 'List at least one milestone, e.g. 30d or 1y.'],
    [
      '30 days',
      '“30 days” is not a milestone. Write a number and h, d, m or y, e.g. 24h, 90d, 6m, 2y, or “yearly”.',
    ],
    ['36h', '“36h”: hours must be whole days (24h, 48h).'],
    ['30d, 30d', '“30d” is listed twice.'],
    ['0d', '“0d”: a milestone is at least 1.'],
  ])('refuse %j with a plain reason', (text, problem) => {
    expect(parseMilestones(text)).toEqual({ problem });
  });
});

describe('milestone dates', () => {
  it('count days and calendar months from the sobriety date', () => {
    expect(milestoneDate('2026-01-01', { amount: 1, unit: 'day' })).toBe('2026-01-02');
    expect(milestoneDate('2026-01-01', { amount: 30, unit: 'day' })).toBe('2026-01-31');
    expect(milestoneDate('2026-01-31', { amount: 1, unit: 'month' })).toBe('2026-02-28');
    expect(milestoneDate('2024-02-29', { amount: 1, unit: 'year' })).toBe('2025-02-28');
    expect(addMonths('2026-11-30', 18)).toBe('2028-05-30');
  });
  it('within a week include yearly ones not listed', () => {
    const set = parsed(DEFAULT_MILESTONES);
    expect(
      milestonesBetween('2023-11-23', set, '2026-11-20', '2026-11-26').map((m) => m.label),
    ).toEqual(['3 years']);
    expect(
      milestonesBetween('2026-10-22', set, '2026-11-20', '2026-11-26').map((m) => [
        m.label,
        m.date,
      ]),
    ).toEqual([['30 days', '2026-11-21']]);
  });
  it('give the next one on or after today', () => {
    const set = parsed(DEFAULT_MILESTONES);
    expect(nextMilestone('2026-11-20', set, '2026-11-20')?.label).toBe('24 hours');
    expect(nextMilestone('2026-08-22', set, '2026-11-20')).toMatchObject({
      label: '90 days',
      date: '2026-11-20',
    });
    expect(nextMilestone('2020-01-10', parsed('30d'), '2026-11-20')).toBeNull();
  });
  it('carry NA keytag colours, black for multiple years', () => {
    expect(naKeytag({ amount: 30, unit: 'day' })).toBe('orange');
    expect(naKeytag({ amount: 18, unit: 'month' })).toBe('gray');
    expect(naKeytag({ amount: 4, unit: 'year' })).toBe('black');
    expect(naKeytag({ amount: 45, unit: 'day' })).toBeNull();
  });
});

describe('days sober', () => {
  it('count whole days to today in the facility’s time zone', () => {
    // 03:00 UTC on 1 March is still 28 February in Denver.
    const today = dateInTimeZone(new Date('2026-03-01T03:00:00Z'), 'America/Denver');
    expect(today).toBe('2026-02-28');
    expect(daysSober('2026-01-29', today)).toBe(30);
    expect(daysSober('2026-02-28', today)).toBe(0);
    expect(daysSober('2026-03-01', today)).toBeNull();
  });
});

describe('client record rules', () => {
  const today = '2026-11-20';
  it('accept a consistent record', () => {
    expect(
      clientRecordProblems(
        { admissionDate: '2026-11-01', dateOfBirth: '1990-05-05', sobrietyDate: '2026-10-30' },
        today,
      ),
    ).toEqual({});
  });
  it('refuse a sobriety date in the future or before birth', () => {
    expect(
      clientRecordProblems({ admissionDate: '2026-11-01', sobrietyDate: '2026-11-21' }, today),
    ).toEqual({ sobrietyDate: 'The sobriety date cannot be in the future.' });
    expect(
      clientRecordProblems(
        { admissionDate: '2026-11-01', dateOfBirth: '1990-05-05', sobrietyDate: '1980-01-01' },
        today,
      ),
    ).toEqual({ sobrietyDate: 'The sobriety date cannot be before the date of birth.' });
  });
  it('refuse an admission in the future and a birth after admission', () => {
    expect(clientRecordProblems({ admissionDate: '2026-11-21' }, today)).toEqual({
      admissionDate: 'The admission date cannot be in the future.',
    });
    expect(
      clientRecordProblems({ admissionDate: '2026-11-01', dateOfBirth: '2026-11-10' }, today),
    ).toEqual({ dateOfBirth: 'The date of birth must be before the admission date.' });
  });
  it('refuse a discharge before admission or in the future', () => {
    expect(dischargeProblems('2026-11-01', '2026-10-31', today)).toEqual({
      dischargeDate: 'The discharge date cannot be before the admission date (Nov 1, 2026).',
    });
    expect(dischargeProblems('2026-11-01', '2026-11-21', today)).toEqual({
      dischargeDate: 'The discharge date cannot be in the future.',
    });
    expect(dischargeProblems('2026-11-01', '2026-11-01', today)).toEqual({});
  });
  it('count days in treatment to discharge or to today', () => {
    expect(daysInTreatment('2026-11-01', null, today)).toBe(19);
    expect(daysInTreatment('2026-11-01', '2026-11-11', today)).toBe(10);
  });
});

describe('step work', () => {
  const today = '2026-11-20';
  it('refuses a step completed before it was started', () => {
    expect(
      stepWorkProblems(
        { status: 'completed', startedOn: '2026-11-10', completedOn: '2026-11-09' },
        today,
      ),
    ).toEqual({ completedOn: 'A step cannot be completed before it was started.' });
  });
  it('needs the dates its status implies, and no others', () => {
    expect(
      stepWorkProblems({ status: 'working', startedOn: null, completedOn: null }, today),
    ).toEqual({
      startedOn: 'Give the date work on this step started.',
    });
    expect(
      stepWorkProblems(
        { status: 'not_started', startedOn: '2026-11-01', completedOn: null },
        today,
      ),
    ).toEqual({ startedOn: 'A step not started has no start date.' });
    expect(
      stepWorkProblems(
        { status: 'completed', startedOn: '2026-11-01', completedOn: '2026-11-21' },
        today,
      ),
    ).toEqual({ completedOn: 'The completion date cannot be in the future.' });
    expect(
      stepWorkProblems(
        { status: 'completed', startedOn: '2026-11-01', completedOn: '2026-11-01' },
        today,
      ),
    ).toEqual({});
  });
  it('summarises progress for the strip', () => {
    expect(
      stepSummary(
        new Map([
          [1, 'completed'],
          [2, 'completed'],
          [3, 'working'],
          [5, 'working'],
        ]),
      ),
    ).toEqual({ completed: 2, working: 3 });
  });
});
