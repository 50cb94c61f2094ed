import type { LockoutPolicy, Role, SessionPolicy } from '@homegroup/core';
import type { Db } from '@homegroup/db';

export interface AuthSettings {
  session: SessionPolicy;
  lockout: LockoutPolicy;
  /** Failed sign-ins per network address, across accounts. */
  addressLockout: LockoutPolicy;
}

/** The session cookie, as the HTTP layer (or a test) holds it. */
export interface SessionCookie {
  readonly token: string | null;
  set(token: string): void;
  clear(): void;
}

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
}

/** The signed-in staff member, as every protected procedure sees them. */
export interface StaffContext {
  userId: string;
  displayName: string;
  email: string;
  role: Role;
  facility: { id: string; name: string; timeZone: string; organizationId: string };
  sessionId: string;
  sessionCreatedAt: Date;
  expiresAt: Date;
  /**
   * An admin at a facility that requires two-step sign-in, who has not set it up: until they do,
   * only their own account's procedures answer.
   */
  twoFactorSetupRequired: boolean;
}

export interface Context {
  db: Db;
  settings: AuthSettings;
  cookie: SessionCookie;
  request: RequestInfo;
  now: () => Date;
}

/** Everything a procedure needs, without HTTP: the server and tests both build it through here. */
export function createContextInner(options: {
  db: Db;
  settings: AuthSettings;
  cookie: SessionCookie;
  request?: Partial<RequestInfo>;
  now?: () => Date;
}): Context {
  return {
    db: options.db,
    settings: options.settings,
    cookie: options.cookie,
    request: { ip: options.request?.ip ?? null, userAgent: options.request?.userAgent ?? null },
    now: options.now ?? (() => new Date()),
  };
}
