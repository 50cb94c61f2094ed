/**
 * Account lock-out after repeated failed sign-ins.
 *
 * Rule: when `maxFailures` failed attempts fall inside any `windowMinutes` window (counting only
 * failures after the last successful sign-in), the account is locked for `lockMinutes` from the
 * failure that reached the threshold.
 */
export interface LockoutPolicy {
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  maxFailures: 5,
  windowMinutes: 15,
  lockMinutes: 15,
};

/**
 * Failed sign-ins from one network address, whatever the accounts: stops one machine from trying
 * a few passwords on every account. Generous, because a facility's staff may share one address.
 */
export const DEFAULT_ADDRESS_POLICY: LockoutPolicy = {
  maxFailures: 30,
  windowMinutes: 15,
  lockMinutes: 15,
};

const MINUTE = 60_000;

/**
 * @param failures times of failed attempts since the last success, in any order
 * @returns when the lock ends, or null when the account is not locked at `now`
 */
export function lockedUntil(
  failures: readonly Date[],
  now: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
): Date | null {
  const times = failures
    .map((d) => d.getTime())
    .filter((t) => t <= now.getTime())
    .sort((a, b) => a - b);
  let latestLockEnd: number | null = null;
  for (let i = policy.maxFailures - 1; i < times.length; i++) {
    const first = times[i - (policy.maxFailures - 1)] as number;
    const reaching = times[i] as number;
    if (reaching - first <= policy.windowMinutes * MINUTE) {
      const end = reaching + policy.lockMinutes * MINUTE;
      if (latestLockEnd === null || end > latestLockEnd) latestLockEnd = end;
    }
  }
  return latestLockEnd !== null && latestLockEnd > now.getTime() ? new Date(latestLockEnd) : null;
}

/** How far back failed attempts can still matter to the rule. */
export function lockoutLookbackStart(now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY) {
  return new Date(now.getTime() - (policy.windowMinutes + policy.lockMinutes) * MINUTE);
}
