import { describe, expect, it } from 'vitest';
import { formatMinutes, parseDays, parseTime, resolveTimes } from './feed-schedule';

const notAWeekday = (shown: string) =>
  `day "${shown}" is not a weekday (0 = Sunday … 6 = Saturday)`;

describe('parseDays', () => {
  it('reads numbers and numeric strings', () => {
    expect(parseDays(0)).toEqual({ ok: true, days: [0], fromNames: false });
    expect(parseDays('6')).toEqual({ ok: true, days: [6], fromNames: false });
  });

  it('reads English and Spanish names and abbreviations in any case', () => {
    const cases: [string, number][] = [
      ['Sunday', 0],
      ['MON', 1],
      ['tues', 2],
      ['Wed.', 3],
      ['thurs', 4],
      ['fri', 5],
      ['Sábado', 6],
      ['miércoles', 3],
      ['lunes', 1],
      ['DOM', 0],
    ];
    for (const [name, day] of cases) {
      expect(parseDays(name)).toEqual({ ok: true, days: [day], fromNames: true });
    }
  });

  it('reads an array of days, de-duplicated and in week order', () => {
    expect(parseDays([5, 'monday', '3', 1])).toEqual({
      ok: true,
      days: [1, 3, 5],
      fromNames: true,
    });
  });

  it('treats a missing day as none (by appointment)', () => {
    for (const missing of [undefined, null, '', []]) {
      expect(parseDays(missing)).toEqual({ ok: true, days: null, fromNames: false });
    }
  });

  it('refuses days out of range and words that are not days', () => {
    expect(parseDays(7)).toEqual({ ok: false, reason: notAWeekday('7') });
    expect(parseDays('7')).toEqual({ ok: false, reason: notAWeekday('7') });
    expect(parseDays(-1)).toEqual({ ok: false, reason: notAWeekday('-1') });
    expect(parseDays(1.5)).toEqual({ ok: false, reason: notAWeekday('1.5') });
    expect(parseDays('Someday')).toEqual({ ok: false, reason: notAWeekday('Someday') });
    expect(parseDays([1, 'x'])).toEqual({ ok: false, reason: notAWeekday('x') });
    expect(parseDays({ day: 1 })).toEqual({ ok: false, reason: notAWeekday('{"day":1}') });
  });
});

describe('parseTime', () => {
  const minutes = (value: unknown) => {
    const time = parseTime(value);
    return time.kind === 'ok' ? formatMinutes(time.minutes) : time.kind;
  };

  it('reads 24-hour times with or without seconds', () => {
    expect(minutes('19:30')).toBe('19:30');
    expect(minutes('7:05')).toBe('07:05');
    expect(minutes('07:00:00')).toBe('07:00');
    expect(minutes('24:00')).toBe('00:00');
  });

  it('reads 12-hour times and the words noon and midnight', () => {
    expect(minutes('8:00 PM')).toBe('20:00');
    expect(minutes('8 pm')).toBe('20:00');
    expect(minutes('12:01 PM')).toBe('12:01');
    expect(minutes('12:30 a.m.')).toBe('00:30');
    expect(minutes('11:00am')).toBe('11:00');
    expect(minutes('Noon')).toBe('12:00');
    expect(minutes('midnight')).toBe('00:00');
    expect(parseTime('8:00 PM')).toMatchObject({ twelveHour: true });
  });

  it('says missing or invalid', () => {
    expect(minutes(undefined)).toBe('missing');
    expect(minutes('')).toBe('missing');
    for (const bad of ['25:00', '7:60', '13 pm', 'evening', 1900, '19h30']) {
      expect(minutes(bad)).toBe('invalid');
    }
  });
});

describe('resolveTimes', () => {
  it('keeps a start and end', () => {
    expect(resolveTimes('19:00', '20:30', true)).toEqual({
      ok: true,
      startTime: '19:00',
      endTime: '20:30',
      fixes: [],
    });
  });

  it('converts 12-hour times and counts it', () => {
    expect(resolveTimes('8:00 PM', '9:15 pm', true)).toEqual({
      ok: true,
      startTime: '20:00',
      endTime: '21:15',
      fixes: ['twelve-hour-time'],
    });
  });

  it('assumes one hour without an end, wrapping past midnight', () => {
    expect(resolveTimes('19:00', undefined, true)).toMatchObject({
      endTime: '20:00',
      fixes: ['no-end-time'],
    });
    expect(resolveTimes('23:30', '', true)).toMatchObject({ endTime: '00:30' });
    expect(resolveTimes('19:00', 'late', true)).toMatchObject({
      endTime: '20:00',
      fixes: ['unreadable-end-time', 'no-end-time'],
    });
  });

  it('treats 00:00 without an end (or ending 00:00) as not listed', () => {
    const placeholder = {
      ok: true,
      startTime: null,
      endTime: null,
      fixes: ['midnight-placeholder'],
    };
    expect(resolveTimes('00:00', undefined, true)).toEqual(placeholder);
    expect(resolveTimes('00:00', '00:00', true)).toEqual(placeholder);
    expect(resolveTimes('00:00', '01:00', true)).toMatchObject({
      startTime: '00:00',
      endTime: '01:00',
    });
  });

  it('replaces an end that is not after the start', () => {
    const fixed = { endTime: '13:00', fixes: ['end-not-after-start'] };
    expect(resolveTimes('12:00', '12:00', true)).toMatchObject(fixed);
    expect(resolveTimes('12:00', '11:00', true)).toMatchObject(fixed);
    expect(resolveTimes('12:00', '01:00', true)).toMatchObject(fixed);
    expect(resolveTimes('19:00', '08:00', true)).toMatchObject({ endTime: '20:00' });
  });

  it('keeps an overnight meeting that starts in the evening and ends early in the morning', () => {
    expect(resolveTimes('23:00', '00:00', true)).toMatchObject({ endTime: '00:00', fixes: [] });
    expect(resolveTimes('22:00', '06:00', true)).toMatchObject({ endTime: '06:00', fixes: [] });
  });

  it('lists a day without a time, and no day and no time as by appointment', () => {
    expect(resolveTimes(undefined, undefined, true)).toEqual({
      ok: true,
      startTime: null,
      endTime: null,
      fixes: ['no-time'],
    });
    expect(resolveTimes(null, '20:00', false)).toEqual({
      ok: true,
      startTime: null,
      endTime: null,
      fixes: [],
    });
  });

  it('refuses a time it cannot read, and a time without a day', () => {
    expect(resolveTimes('after lunch', undefined, true)).toEqual({
      ok: false,
      reason: 'time "after lunch" is not a time of day',
    });
    expect(resolveTimes('19:00', undefined, false)).toEqual({
      ok: false,
      reason: 'time "19:00" is given but no day',
    });
  });
});
