import { describe, expect, it } from 'vitest';
import { lockedUntil, lockoutLookbackStart } from './sign-in-lockout';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 21, 9, 0) + minutes * 60_000);

describe('lockedUntil', () => {
  it('does not lock after four failures', () => {
    expect(lockedUntil([at(0), at(1), at(2), at(3)], at(4))).toBeNull();
  });

  it('locks for 15 minutes from the fifth failure inside 15 minutes', () => {
    const failures = [at(0), at(2), at(4), at(6), at(8)];
    expect(lockedUntil(failures, at(9))).toEqual(at(23));
    expect(lockedUntil(failures, at(22.9))).toEqual(at(23));
    expect(lockedUntil(failures, at(23))).toBeNull();
  });

  it('does not lock when five failures are spread over more than the window', () => {
    expect(lockedUntil([at(0), at(4), at(8), at(12), at(16)], at(17))).toBeNull();
  });

  it('finds a qualifying run among older spread-out failures', () => {
    const failures = [at(-60), at(0), at(1), at(2), at(3), at(4)];
    expect(lockedUntil(failures, at(5))).toEqual(at(19));
  });

  it('ignores order and attempts in the future', () => {
    const failures = [at(8), at(0), at(6), at(2), at(4), at(100)];
    expect(lockedUntil(failures, at(10))).toEqual(at(23));
  });

  it('follows a stricter policy', () => {
    const policy = { maxFailures: 3, windowMinutes: 5, lockMinutes: 60 };
    expect(lockedUntil([at(0), at(1), at(2)], at(3), policy)).toEqual(at(62));
    expect(lockedUntil([at(0), at(3), at(6)], at(7), policy)).toBeNull();
  });

  it('looks back far enough to see a lock still running', () => {
    expect(lockoutLookbackStart(at(30))).toEqual(at(0));
  });
});
