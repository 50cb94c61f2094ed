/**
 * Server-side session time-outs (HIPAA automatic log-off): a session ends after `idleMinutes`
 * without a request, and in any case `absoluteHours` after sign-in.
 */
export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 15, absoluteHours: 12 };

export type SessionState =
  | { state: 'active'; expiresAt: Date }
  | { state: 'idle_timeout' }
  | { state: 'absolute_timeout' };

export function sessionState(
  session: { createdAt: Date; lastSeenAt: Date },
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): SessionState {
  const absoluteEnd = session.createdAt.getTime() + policy.absoluteHours * 3_600_000;
  if (now.getTime() >= absoluteEnd) return { state: 'absolute_timeout' };
  const idleEnd = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (now.getTime() >= idleEnd) return { state: 'idle_timeout' };
  return { state: 'active', expiresAt: new Date(Math.min(absoluteEnd, idleEnd)) };
}

/** The idle deadline after a request made at `now`, capped by the absolute deadline. */
export function nextExpiry(
  createdAt: Date,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
) {
  return new Date(
    Math.min(
      createdAt.getTime() + policy.absoluteHours * 3_600_000,
      now.getTime() + policy.idleMinutes * 60_000,
    ),
  );
}
