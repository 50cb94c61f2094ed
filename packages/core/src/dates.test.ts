import { describe, expect, it } from 'vitest';
import { addDays, dateInTimeZone, daysBetween, isValidTimeZone } from './dates';

describe('dates', () => {
  it('knows IANA time zones', () => {
    expect(isValidTimeZone('America/Denver')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('finds the local date of an instant', () => {
    const instant = new Date('2026-11-21T05:30:00Z');
    expect(dateInTimeZone(instant, 'America/Denver')).toBe('2026-11-20');
    expect(dateInTimeZone(instant, 'Europe/Berlin')).toBe('2026-11-21');
  });

  it('adds and counts days across month and DST boundaries', () => {
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-01', '2026-03-15')).toBe(14);
    expect(daysBetween('2026-11-21', '2026-11-01')).toBe(-20);
  });
});
