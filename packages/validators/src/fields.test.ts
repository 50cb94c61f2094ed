import { describe, expect, it } from 'vitest';
import { isoDate } from './fields';

describe('date fields', () => {
  const admission = isoDate('the admission date');
  const message = (value: unknown) => admission.safeParse(value).error?.issues[0]?.message;
  it('ask for a missing date plainly, and explain a malformed or impossible one', () => {
    expect(message('')).toBe('Give the admission date.');
    expect(message('10/11/2026')).toBe('Give the admission date as a date (YYYY-MM-DD).');
    expect(message('2026-02-30')).toBe('The admission date is not a real date.');
    expect(admission.parse('2026-02-28')).toBe('2026-02-28');
  });
});
