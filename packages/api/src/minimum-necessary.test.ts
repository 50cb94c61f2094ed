import { DEMO_PASSWORD, demoEmail, seedDemo } from '@homegroup/db/seed';
import type { TestDb } from '@homegroup/db/testing';
import { createTestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, HTTP_ACCESS, type ProcedurePath } from './access';
import { hashPassword } from './auth/passwords';
import { allProcedures } from './fuzz/procedures';
import { browser, TestClock } from './testing';

/**
 * Minimum necessary: a group monitor's job is names, attendance and how each person took part.
 * Nothing clinical (substances, level of care, birth dates, sobriety dates, discharge, flags, step
 * work, goals, family, assessments) may reach any screen of theirs, whatever the procedure.
 */
const CLINICAL_KEYS = [
  'primarySubstances',
  'levelOfCare',
  // (Not `programTrack`: a group's own track, e.g. a women's track, is how groups are listed.)
  'dateOfBirth',
  'sobrietyDate',
  'dischargeType',
  'dischargeDate',
  'alumniFollowUp',
  'supportPerson',
  'counselorStaffId',
  'flags',
  'steps',
  'stepWork',
  'goals',
  'family',
  'assessments',
  'instrumentCode',
  'totalScore',
  'severity',
];

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { hashPassword, today: '2026-11-20' });
});
afterAll(async () => {
  await t.close();
});

/** Every key anywhere in an answer. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

describe("a group monitor's answers", () => {
  it('carry no clinical field, on every query a monitor may make', async () => {
    const clock = new TestClock(new Date('2026-11-20T18:00:00Z'));
    const { caller } = browser(t.db, clock);
    await caller.auth.signIn({ email: demoEmail('monitor'), password: DEMO_PASSWORD });

    const monitorQueries = allProcedures
      .filter(([path, p]) => {
        const row = ACCESS[path as ProcedurePath];
        return (
          'roles' in row &&
          row.roles.includes('group_monitor') &&
          p._def.type === 'query' &&
          !path.startsWith('emergency.')
        );
      })
      .map(([path]) => path)
      .sort();

    const today = await caller.sessions.today();
    const groups = await caller.groups.list({ includeArchived: true });
    const group = groups.find(() => true);
    const sessionIds = [...today.sessions, ...today.overdue].map((s) => s.id);
    expect(sessionIds.length).toBeGreaterThan(0);
    const answers: Record<string, unknown[]> = {
      'auth.me': [await caller.auth.me()],
      'auth.mySessions': [await caller.auth.mySessions()],
      'auth.twoFactorStatus': [await caller.auth.twoFactorStatus()],
      'facility.overview': [await caller.facility.overview()],
      'groups.list': [groups],
      'groups.get': [group ? await caller.groups.get({ groupId: group.id }) : null],
      'groups.searchPeople': [
        await caller.groups.searchPeople({ q: 'an' }),
        await caller.groups.searchPeople({ q: 'ri' }),
      ],
      'sessions.today': [today],
      // The sessions this monitor may log (others at the facility are refused to them).
      'sessions.get': (
        await Promise.allSettled(sessionIds.map((sessionId) => caller.sessions.get({ sessionId })))
      ).flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    };
    // A new query for monitors must be added here, so its answer is checked too.
    expect(Object.keys(answers).sort()).toEqual(monitorQueries);

    const found: string[] = [];
    for (const [path, results] of Object.entries(answers)) {
      const keys = keysOf(results);
      for (const key of CLINICAL_KEYS) if (keys.has(key)) found.push(`${path}: ${key}`);
    }
    expect(found).toEqual([]);
    // And they do see what their job needs: names and attendance.
    const people = (answers['sessions.get'] as { people: unknown[] }[]).flatMap((s) => s.people);
    expect(people.length).toBeGreaterThan(0);
  });

  it('reach no export at all', () => {
    // Downloads are rows of the same table; none lists the monitor.
    const exports = Object.entries(HTTP_ACCESS).filter(([, row]) =>
      (row.roles as readonly string[]).includes('group_monitor'),
    );
    expect(exports).toEqual([]);
  });
});
