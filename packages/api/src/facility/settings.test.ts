import { createTestDb, type TestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, expectFieldError, signedIn } from '../testing';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await createTestWorld(t.db);
});
afterAll(async () => {
  await t.close();
});

describe('facility settings', () => {
  it('start at the defaults, are changed by an admin and audited', async () => {
    const { caller } = await signedIn(t.db, 'admin@a.test');
    expect(await caller.facility.settings()).toEqual({
      monitorsLogAnySession: false,
      overdueAfterHours: 24,
      sessionWindowWeeks: 4,
    });
    const next = { monitorsLogAnySession: true, overdueAfterHours: 48, sessionWindowWeeks: 6 };
    await caller.facility.updateSettings(next);
    expect(await caller.facility.settings()).toEqual(next);
    const audit = await t.db
      .selectFrom('auditEvents')
      .select('detail')
      .where('entityType', '=', 'facility_settings')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ before: null, after: next });
  });

  it('refuse values out of range and anyone but an admin', async () => {
    const { caller } = await signedIn(t.db, 'admin@a.test');
    await expectFieldError(
      caller.facility.updateSettings({
        monitorsLogAnySession: false,
        overdueAfterHours: 0,
        sessionWindowWeeks: 4,
      }),
      'overdueAfterHours',
      'A session becomes overdue after at least 1 hour.',
    );
    const counselor = await signedIn(t.db, 'counselor@a.test');
    await expect(counselor.caller.facility.settings()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
