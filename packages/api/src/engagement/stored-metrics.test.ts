import { dateInTimeZone, engagementSummary, lastAttended } from '@homegroup/core';
import { seedDemo } from '@homegroup/db/seed';
import { createTestDb, type TestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords';
import { caseloadQuery, caseloadRows } from '../clients/caseload';
import type { StaffContext } from '../context';
import { refreshStaleMetrics } from './client-metrics';
import { flagSettingsFor } from './flag-settings';
import { loadPersonSessions } from './load-person-sessions';

let t: TestDb;
const NOW = new Date('2026-11-21T19:00:00Z');
let facilities: { id: string; timeZone: string; name: string }[];

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { hashPassword, today: '2026-11-21' });
  facilities = await t.db.selectFrom('facilities').select(['id', 'timeZone', 'name']).execute();
});
afterAll(async () => {
  await t?.close();
});

describe('stored engagement figures on the demo data', () => {
  it('equal the pure summary over each client’s whole history, client by client', async () => {
    let compared = 0;
    let withFlags = 0;
    for (const f of facilities) {
      const today = dateInTimeZone(NOW, f.timeZone);
      await refreshStaleMetrics(t.db, f, today);
      const settings = await flagSettingsFor(t.db, f.id);
      const clients = await t.db
        .selectFrom('clients as c')
        .innerJoin('clientMetrics as m', 'm.clientId', 'c.id')
        .selectAll('m')
        .select(['c.status', 'c.admissionDate'])
        .where('c.facilityId', '=', f.id)
        .execute();
      const history = await loadPersonSessions(
        t.db,
        f,
        clients.map((c) => c.clientId),
        '2000-01-01',
        today,
      );
      for (const c of clients) {
        const sessions = history.get(c.clientId) ?? [];
        const expected = engagementSummary(sessions, c, today, settings);
        expect({
          attended: c.attended,
          expected: c.expected,
          attendanceRate: c.attendanceRate,
          participationRate: c.participationRate,
          meanEngagement: c.meanEngagement,
          engagementTrend: c.engagementTrend,
          lastAttended: c.lastAttended,
          flags: c.flags,
        }).toEqual({
          attended: expected.attendance.numerator,
          expected: expected.attendance.denominator,
          attendanceRate: expected.attendance.value,
          participationRate: expected.participation.value,
          meanEngagement: expected.engagement.value,
          engagementTrend: expected.trend,
          // The SQL aggregate for the last attended date before the window agrees with the pure one.
          lastAttended: lastAttended(sessions),
          flags: expected.flags.map((x) => x.rule),
        });
        compared += 1;
        if (c.flags.length > 0) withFlags += 1;
      }
    }
    expect(compared).toBe(210);
    // The demo is meant to show drifting clients: some flags, not everyone flagged.
    expect(withFlags).toBeGreaterThan(3);
    expect(withFlags).toBeLessThan(compared / 2);
  });

  it('sort days in treatment and days sober in SQL in the order of the pure values', async () => {
    const f = facilities[0] as (typeof facilities)[number];
    const today = dateInTimeZone(NOW, f.timeZone);
    const staff = { userId: '', facility: f } as unknown as StaffContext;
    for (const sort of ['daysInTreatment', 'daysSober'] as const) {
      const ids = await caseloadQuery(
        t.db,
        staff,
        { sort, direction: 'asc', counselor: 'all', status: 'all' },
        today,
      )
        .select('c.id')
        .execute();
      const rows = await caseloadRows(
        t.db,
        f.id,
        ids.map((r) => r.id),
        today,
      );
      const values = rows.map((r) => (sort === 'daysSober' ? r.daysSober : r.daysInTreatment));
      const present = values.filter((v): v is number => v !== null);
      expect(present).toEqual([...present].sort((a, b) => a - b));
      expect(rows).toHaveLength(125);
    }
  });
});
