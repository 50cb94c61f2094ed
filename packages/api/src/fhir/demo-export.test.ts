import { seedDemo } from '@homegroup/db/seed';
import { createTestDb, type TestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords';
import { createContextInner, type StaffContext } from '../context';
import { MemoryCookie, TestClock, testSettings } from '../testing';
import { clientFhirBundle } from './client-bundle';
import { fhirBundleShape } from './fhir-shapes';

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { hashPassword, today: '2026-11-21' });
});
afterAll(async () => {
  await t?.close();
});

describe('the FHIR export on the demo data', () => {
  it('makes a bundle of the R4 shapes for every client, whatever their record holds', async () => {
    const ctx = createContextInner({
      db: t.db,
      settings: testSettings,
      cookie: new MemoryCookie(),
      now: new TestClock().now,
    });
    const facilities = await t.db.selectFrom('facilities').selectAll().execute();
    const kinds = new Set<string>();
    let clients = 0;
    for (const f of facilities) {
      const staff = {
        facility: {
          id: f.id,
          name: f.name,
          timeZone: f.timeZone,
          organizationId: f.organizationId,
        },
      } as StaffContext;
      const ids = await t.db
        .selectFrom('clients')
        .select('id')
        .where('facilityId', '=', f.id)
        .execute();
      for (const { id } of ids) {
        const parsed = fhirBundleShape.safeParse(
          JSON.parse(JSON.stringify(await clientFhirBundle(ctx, staff, id))),
        );
        if (!parsed.success) {
          throw new Error(`client ${id}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
        }
        for (const e of parsed.data.entry) kinds.add(e.resource.resourceType);
        clients += 1;
      }
    }
    expect(clients).toBe(210);
    expect([...kinds].sort()).toEqual([
      'Consent',
      'Encounter',
      'Observation',
      'Patient',
      'Questionnaire',
      'QuestionnaireResponse',
      'ServiceRequest',
    ]);
  });
});
