import { addDays, type Role, seededRandom } from '@homegroup/core';
import { sql } from 'kysely';
import type { Db } from '../create-db';
import type { NewClient } from '../tables';
import { seedDemoAlumni } from './demo-alumni';
import { demoClinicalFields, seedDemoStepsAndGoals } from './demo-clinical';
import { seedDemoGroups } from './demo-groups';
import { seedDemoOutcomes } from './demo-outcomes';
import { FIRST_NAMES, PREFERRED_NAMES, SURNAMES } from './names';

/** Shared by every demo account; printed at start-up. Demo data only, never a real account. */
export const DEMO_PASSWORD = 'homegroup-demo';
export const DEMO_EMAIL_DOMAIN = 'demo.homegroup.test';

const SEED = 20261121;

interface DemoFacility {
  key: 'cedar' | 'lakeside';
  name: string;
  timeZone: string;
  recordPrefix: string;
  inTreatment: number;
  alumni: number;
}

const FACILITIES: DemoFacility[] = [
  {
    key: 'cedar',
    name: 'Cedar Hollow Recovery Center',
    timeZone: 'America/Denver',
    recordPrefix: 'CH',
    inTreatment: 35,
    alumni: 90,
  },
  {
    key: 'lakeside',
    name: 'Lakeside Harbor Campus',
    timeZone: 'America/Chicago',
    recordPrefix: 'LH',
    inTreatment: 25,
    alumni: 60,
  },
];

interface DemoStaff {
  login: string;
  name: string;
  roles: Partial<Record<DemoFacility['key'], Role>>;
}

/** The first four are the log-ins printed at start-up, one per role. */
export const DEMO_STAFF: DemoStaff[] = [
  { login: 'admin', name: 'Morgan Ashgrove', roles: { cedar: 'admin', lakeside: 'admin' } },
  { login: 'counselor', name: 'Riley Quillfeather', roles: { cedar: 'counselor' } },
  { login: 'monitor', name: 'Casey Pebbleworth', roles: { cedar: 'group_monitor' } },
  {
    login: 'alumni',
    name: 'Jamie Larkmoor',
    roles: { cedar: 'alumni_coordinator', lakeside: 'alumni_coordinator' },
  },
  { login: 'counselor2', name: 'Sam Thistledown', roles: { cedar: 'counselor' } },
  { login: 'counselor3', name: 'Jordan Wrenfield', roles: { lakeside: 'counselor' } },
  { login: 'counselor4', name: 'Noor Brightwater', roles: { lakeside: 'counselor' } },
  { login: 'monitor2', name: 'Eli Mossgrove', roles: { lakeside: 'group_monitor' } },
  { login: 'monitor3', name: 'Sage Fiddlewick', roles: { cedar: 'group_monitor' } },
];

export function demoEmail(login: string) {
  return `${login}@${DEMO_EMAIL_DOMAIN}`;
}

export interface SeedOptions {
  /** Hashes a password for storage (argon2id in the app). */
  hashPassword: (password: string) => Promise<string>;
  /** The date the demo is built around, YYYY-MM-DD: admissions and discharges fall before it. */
  today: string;
}

export async function isSeeded(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('organizations')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n > 0;
}

/**
 * Fictional demo data, the same on every machine for the same `today`: one organisation with two
 * facilities, staff in every role, clients in treatment and alumni. All or nothing.
 */
export async function seedDemo(db: Db, { hashPassword, today }: SeedOptions) {
  const random = seededRandom(SEED);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction().execute(async (trx) => {
    const org = await trx
      .insertInto('organizations')
      .values({ name: 'Northstar Recovery Partners (demo)' })
      .returning('id')
      .executeTakeFirstOrThrow();

    const facilityIds = {} as Record<DemoFacility['key'], string>;
    for (const f of FACILITIES) {
      const row = await trx
        .insertInto('facilities')
        .values({ organizationId: org.id, name: f.name, timeZone: f.timeZone })
        .returning('id')
        .executeTakeFirstOrThrow();
      facilityIds[f.key] = row.id;
    }

    const staffIds: Record<string, string> = {};
    for (const s of DEMO_STAFF) {
      const user = await trx
        .insertInto('staffUsers')
        .values({
          organizationId: org.id,
          email: demoEmail(s.login),
          displayName: s.name,
          passwordHash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      staffIds[s.login] = user.id;
      for (const [key, role] of Object.entries(s.roles) as [DemoFacility['key'], Role][]) {
        await trx
          .insertInto('staffRoles')
          .values({ staffUserId: user.id, facilityId: facilityIds[key], role })
          .execute();
      }
    }

    const clients: NewClient[] = [];
    // Sobriety dates that put a milestone in the coming week (days sober tomorrow or so).
    const soon = [29, 88, 364, 58, 179];
    for (const f of FACILITIES) {
      let n = 0;
      const counselorIds = DEMO_STAFF.filter((s) => s.roles[f.key] === 'counselor').map(
        (s) => staffIds[s.login] as string,
      );
      const person = () => {
        const firstName = random.pick(FIRST_NAMES);
        const nickname = PREFERRED_NAMES[firstName];
        n += 1;
        return {
          facilityId: facilityIds[f.key],
          recordNumber: `${f.recordPrefix}-${String(n).padStart(4, '0')}`,
          firstName,
          lastName: random.pick(SURNAMES),
          preferredName: nickname && random.chance(0.6) ? nickname : null,
        };
      };
      for (let i = 0; i < f.inTreatment; i++) {
        const stay = {
          admissionDate: addDays(today, -random.int(1, 75)),
          dischargeDate: null,
          status: 'in_treatment' as const,
        };
        const milestoneSoon = i % 7 === 0 ? (soon[(i / 7) % soon.length] ?? null) : null;
        clients.push({
          ...person(),
          ...stay,
          ...demoClinicalFields(random, stay, today, counselorIds, milestoneSoon),
        });
      }
      for (let i = 0; i < f.alumni; i++) {
        const dischargeDate = addDays(today, -random.int(3, 540));
        const stay = {
          admissionDate: addDays(dischargeDate, -random.int(21, 90)),
          dischargeDate,
          status: 'alumni' as const,
        };
        clients.push({
          ...person(),
          ...stay,
          ...demoClinicalFields(random, stay, today, counselorIds, null),
        });
      }
    }
    const inserted = await trx
      .insertInto('clients')
      .values(clients)
      .returning([
        'id',
        'facilityId',
        'status',
        'admissionDate',
        'firstName',
        'lastName',
        'counselorStaffId',
        'dischargeDate',
        'pronouns',
        'preferredFellowship',
        'alumniFollowUp',
        'sobrietyDate',
      ])
      .execute();

    const zones = Object.fromEntries(FACILITIES.map((f) => [f.key, f.timeZone]));
    const groups = await seedDemoGroups(trx, {
      random,
      today,
      facilities: {
        cedar: { id: facilityIds.cedar, timeZone: zones.cedar as string },
        lakeside: { id: facilityIds.lakeside, timeZone: zones.lakeside as string },
      },
      staffIds,
      clients: inserted,
    });

    const care = await seedDemoStepsAndGoals(trx, random, today, inserted);

    const alumni = await seedDemoAlumni(trx, {
      random,
      today,
      organizationId: org.id,
      facilities: {
        cedar: {
          id: facilityIds.cedar,
          timeZone: zones.cedar as string,
          name: FACILITIES[0]?.name as string,
        },
        lakeside: {
          id: facilityIds.lakeside,
          timeZone: zones.lakeside as string,
          name: FACILITIES[1]?.name as string,
        },
      },
      staffIds,
      clients: inserted,
    });

    const outcomes = await seedDemoOutcomes(trx, { random, today, facilityIds });

    return {
      organizationId: org.id,
      ...care,
      facilityIds,
      staff: DEMO_STAFF.length,
      clients: clients.length,
      ...groups,
      ...alumni,
      ...outcomes,
    };
  });
}
