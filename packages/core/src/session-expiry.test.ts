import { describe, expect, it } from 'vitest';
import { nextExpiry, sessionState } from './session-expiry';

const t0 = new Date('2026-11-21T08:00:00Z');
const plus = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('sessionState', () => {
  it('is active within the idle limit and says when it will end', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: plus(10) }, plus(20))).toEqual({
      state: 'active',
      expiresAt: plus(25),
    });
  });

  it('times out after 15 idle minutes', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: plus(10) }, plus(25)).state).toBe(
      'idle_timeout',
    );
  });

  it('times out 12 hours after sign-in however busy the user is', () => {
    const s = { createdAt: t0, lastSeenAt: plus(12 * 60 - 1) };
    expect(sessionState(s, plus(12 * 60)).state).toBe('absolute_timeout');
  });

  it('caps the idle deadline at the absolute deadline', () => {
    expect(nextExpiry(t0, plus(12 * 60 - 5))).toEqual(plus(12 * 60));
    expect(nextExpiry(t0, plus(60), { idleMinutes: 30, absoluteHours: 8 })).toEqual(plus(90));
  });
});
