import {
  DEFAULT_ADDRESS_POLICY,
  DEFAULT_LOCKOUT_POLICY,
  DEFAULT_SESSION_POLICY,
  type Role,
} from '@homegroup/core';
import type { Db, NewMeeting } from '@homegroup/db';
import { ZodError, z } from 'zod';
import { hashPassword } from './auth/passwords';
import { type AuthSettings, createContextInner, type SessionCookie } from './context';
import type { AppError } from './errors';
import { appRouter } from './root';
import { createCallerFactory } from './trpc';

export const testSettings: AuthSettings = {
  session: DEFAULT_SESSION_POLICY,
  lockout: DEFAULT_LOCKOUT_POLICY,
  addressLockout: DEFAULT_ADDRESS_POLICY,
};

/** A cookie jar for one simulated browser. */
export class MemoryCookie implements SessionCookie {
  token: string | null = null;
  set(token: string) {
    this.token = token;
  }
  clear() {
    this.token = null;
  }
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public current = new Date('2026-11-21T15:00:00Z')) {}
  now = () => this.current;
  advanceMinutes(minutes: number) {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

const createCaller = createCallerFactory(appRouter);

/** A tRPC caller acting as one browser: its own cookie, a shared clock. */
export function browser(
  db: Db,
  clock = new TestClock(),
  cookie = new MemoryCookie(),
  request = { ip: '127.0.0.1', userAgent: 'vitest' },
) {
  const ctx = createContextInner({
    db,
    settings: testSettings,
    cookie,
    request,
    now: clock.now,
  });
  return { caller: createCaller(ctx), cookie, clock };
}

export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * Two facilities of one organisation, a staff member in every role at facility A, a counselor at
 * facility B, and one client at each facility.
 */
export async function createTestWorld(db: Db) {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const org = await db
    .insertInto('organizations')
    .values({ name: 'Test Org' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [a, b] = await db
    .insertInto('facilities')
    .values([
      { organizationId: org.id, name: 'A Facility', timeZone: 'America/Denver' },
      { organizationId: org.id, name: 'B Facility', timeZone: 'America/New_York' },
    ])
    .returning('id')
    .execute();
  if (!a || !b) throw new Error('facilities not created');

  const staff = async (email: string, roles: [string, Role][]) => {
    const user = await db
      .insertInto('staffUsers')
      .values({
        organizationId: org.id,
        email,
        displayName: email.split('@')[0] ?? email,
        passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [facilityId, role] of roles) {
      await db
        .insertInto('staffRoles')
        .values({ staffUserId: user.id, facilityId, role })
        .execute();
    }
    return { id: user.id, email };
  };

  const users = {
    admin: await staff('admin@a.test', [
      [a.id, 'admin'],
      [b.id, 'counselor'],
    ]),
    counselor: await staff('counselor@a.test', [[a.id, 'counselor']]),
    monitor: await staff('monitor@a.test', [[a.id, 'group_monitor']]),
    coordinator: await staff('coordinator@a.test', [[a.id, 'alumni_coordinator']]),
    counselorB: await staff('counselor@b.test', [[b.id, 'counselor']]),
  };

  const [clientA, clientB] = await db
    .insertInto('clients')
    .values([
      {
        facilityId: a.id,
        recordNumber: 'A-1',
        firstName: 'Alpha',
        lastName: 'Testperson',
        admissionDate: '2026-11-01',
        status: 'in_treatment',
      },
      {
        facilityId: b.id,
        recordNumber: 'B-1',
        firstName: 'Bravo',
        lastName: 'Testperson',
        admissionDate: '2026-11-02',
        status: 'in_treatment',
      },
    ])
    .returning('id')
    .execute();
  if (!clientA || !clientB) throw new Error('clients not created');

  return {
    organizationId: org.id,
    facilityA: a.id,
    facilityB: b.id,
    users,
    clientA: clientA.id,
    clientB: clientB.id,
  };
}

/** Signs a browser in as `email` with the test password. */
export async function signedIn(db: Db, email: string, clock = new TestClock()) {
  const b = browser(db, clock);
  await b.caller.auth.signIn({ email, password: TEST_PASSWORD });
  return b;
}

/**
 * Expects a call to be refused with `message` on `field`, whether the input schema or the
 * procedure's own checks refused it (the same field errors reach the web app either way).
 */
export async function expectFieldError(
  promise: Promise<unknown>,
  field: string,
  message: string | RegExp,
) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { cause?: unknown },
  );
  if (!error) throw new Error(`expected the call to be refused on ${field}`);
  const cause = error.cause;
  const fieldErrors: Record<string, string[] | undefined> =
    cause instanceof ZodError
      ? z.flattenError(cause).fieldErrors
      : ((cause as AppError | undefined)?.details?.fieldErrors ?? {});
  const found = fieldErrors[field]?.[0];
  if (found === undefined) {
    throw new Error(`no error on ${field}; got ${JSON.stringify(fieldErrors)} (${String(error)})`);
  }
  if (typeof message === 'string' ? found !== message : !message.test(found)) {
    throw new Error(`error on ${field} was "${found}", expected ${String(message)}`);
  }
}

/**
 * A weekly in-person AA meeting (Tuesday 7 pm, Denver) of `sourceId`, written straight to the
 * directory; `extra` overrides any column.
 */
export async function insertTestMeeting(
  db: Db,
  place: { organizationId: string; sourceId: string },
  name: string,
  extra: Partial<NewMeeting> = {},
): Promise<string> {
  const row = await db
    .insertInto('meetings')
    .values({
      organizationId: place.organizationId,
      sourceId: place.sourceId,
      slug: name.toLowerCase().replace(/\W+/g, '-'),
      fellowship: 'aa',
      name,
      day: 2,
      startMinute: 19 * 60,
      endMinute: 20 * 60,
      timeZone: 'America/Denver',
      types: ['O', 'D'],
      unknownTypes: [],
      languages: ['EN'],
      attendanceMode: 'in_person',
      location: 'Church hall',
      formattedAddress: '1 Main St, Denver, CO',
      city: 'Denver',
      postalCode: null,
      regions: [],
      latitude: 39.74,
      longitude: -104.99,
      conferenceUrl: null,
      conferencePhone: null,
      notes: null,
      locationNotes: null,
      groupName: null,
      url: null,
      feedUpdatedAt: null,
      searchText: name.toLowerCase(),
      contentHash: 'x',
      retiredAt: null,
      ...extra,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
