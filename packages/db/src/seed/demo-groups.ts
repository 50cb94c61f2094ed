import {
  type AttendanceStatus,
  type Audience,
  addDays,
  attended,
  defaultsForKind,
  expandSchedule,
  type GroupKind,
  laterDate,
  type SeededRandom,
  zonedTimeToInstant,
} from '@homegroup/core';
import type { Transaction } from 'kysely';
import type { Database, NewAttendanceRecord } from '../tables';
import { EXCUSES, TOPICS } from './session-words';

type FacilityKey = 'cedar' | 'lakeside';

interface DemoGroup {
  facility: FacilityKey;
  name: string;
  kind: GroupKind;
  formatCodes: string[];
  days: number[];
  startTime: string;
  durationMinutes: number;
  monitor: string;
  participation: 'mandatory' | 'optional';
  enrolment?: 'open' | 'closed';
  capacity?: number;
  room?: string;
  videoUrl?: string;
  audiences?: Audience[];
}

const VIDEO = 'https://video.example.org/homegroup-demo';

/** Every kind of group at least once, spread over the two demo facilities. */
const GROUPS: DemoGroup[] = [
  {
    facility: 'cedar',
    name: 'Morning Big Book (AA)',
    kind: 'aa',
    formatCodes: ['C', 'B'],
    days: [1, 2, 3, 4, 5],
    startTime: '09:00',
    durationMinutes: 60,
    monitor: 'monitor',
    participation: 'mandatory',
    room: 'Aspen Room',
  },
  {
    facility: 'cedar',
    name: 'Evening NA',
    kind: 'na',
    formatCodes: ['C', 'D'],
    days: [1, 3, 5],
    startTime: '19:00',
    durationMinutes: 60,
    monitor: 'monitor3',
    participation: 'optional',
    room: 'Aspen Room',
  },
  {
    facility: 'cedar',
    name: 'CA Step Study',
    kind: 'ca',
    formatCodes: ['C', 'ST'],
    days: [2],
    startTime: '14:00',
    durationMinutes: 90,
    monitor: 'counselor2',
    participation: 'optional',
    enrolment: 'closed',
    capacity: 12,
    room: 'Juniper Room',
  },
  {
    facility: 'cedar',
    name: 'Family Night',
    kind: 'family',
    formatCodes: ['O', 'D'],
    days: [4],
    startTime: '18:30',
    durationMinutes: 60,
    monitor: 'counselor',
    participation: 'optional',
    videoUrl: VIDEO,
  },
  {
    facility: 'cedar',
    name: 'Spousal Support Circle',
    kind: 'spousal',
    formatCodes: ['C', 'D'],
    days: [2],
    startTime: '18:30',
    durationMinutes: 60,
    monitor: 'counselor',
    participation: 'optional',
    videoUrl: VIDEO,
  },
  {
    facility: 'cedar',
    name: 'Grief and Loss',
    kind: 'grief',
    formatCodes: ['C', 'D'],
    days: [3],
    startTime: '17:00',
    durationMinutes: 60,
    monitor: 'counselor2',
    participation: 'optional',
    room: 'Juniper Room',
  },
  {
    facility: 'cedar',
    name: 'SMART Recovery',
    kind: 'smart_recovery',
    formatCodes: ['O', 'D'],
    days: [6],
    startTime: '10:00',
    durationMinutes: 90,
    monitor: 'monitor',
    participation: 'optional',
    room: 'Aspen Room',
  },
  {
    facility: 'cedar',
    name: 'Seeking Sobriety',
    kind: 'seeking_sobriety',
    formatCodes: ['O', 'BE'],
    days: [1],
    startTime: '15:00',
    durationMinutes: 60,
    monitor: 'monitor3',
    participation: 'optional',
    room: 'Juniper Room',
  },
  {
    facility: 'cedar',
    name: 'Alumni Fellowship',
    kind: 'alumni',
    formatCodes: ['O', 'SP'],
    days: [0],
    startTime: '18:00',
    durationMinutes: 60,
    monitor: 'monitor',
    participation: 'optional',
    room: 'Aspen Room',
  },
  {
    facility: 'lakeside',
    name: 'Lakeside AA Discussion',
    kind: 'aa',
    formatCodes: ['C', 'D'],
    days: [1, 3, 5],
    startTime: '10:00',
    durationMinutes: 60,
    monitor: 'monitor2',
    participation: 'mandatory',
    room: 'Dock Hall',
  },
  {
    facility: 'lakeside',
    name: 'CMA Meeting',
    kind: 'cma',
    formatCodes: ['C', 'LIT'],
    days: [2, 4],
    startTime: '16:00',
    durationMinutes: 60,
    monitor: 'monitor2',
    participation: 'optional',
    room: 'Dock Hall',
  },
  {
    facility: 'lakeside',
    name: 'Living Sober (NA)',
    kind: 'na',
    formatCodes: ['C', '12x12'],
    days: [2],
    startTime: '19:00',
    durationMinutes: 60,
    monitor: 'counselor3',
    participation: 'optional',
    room: 'Boathouse',
  },
  {
    facility: 'lakeside',
    name: 'Gambling Recovery',
    kind: 'other_twelve_step',
    formatCodes: ['C', 'D'],
    days: [4],
    startTime: '13:00',
    durationMinutes: 60,
    monitor: 'counselor4',
    participation: 'optional',
    room: 'Boathouse',
  },
  {
    facility: 'lakeside',
    name: 'Parents’ Circle',
    kind: 'parental',
    formatCodes: ['C', 'D'],
    days: [3],
    startTime: '18:30',
    durationMinutes: 60,
    monitor: 'counselor3',
    participation: 'optional',
    videoUrl: VIDEO,
  },
  {
    facility: 'lakeside',
    name: 'Refuge Recovery Meditation',
    kind: 'other_alternative',
    formatCodes: ['O', 'MED'],
    days: [6],
    startTime: '09:30',
    durationMinutes: 60,
    monitor: 'monitor2',
    participation: 'optional',
    room: 'Boathouse',
  },
];

const RELATIONSHIPS = ['spouse', 'parent', 'sibling', 'adult child', 'partner'];

type Pattern = 'steady' | 'drifting' | 'late' | 'usual';

export interface DemoGroupsInput {
  random: SeededRandom;
  today: string;
  facilities: Record<FacilityKey, { id: string; timeZone: string }>;
  staffIds: Record<string, string>;
  clients: {
    id: string;
    facilityId: string;
    status: 'in_treatment' | 'alumni';
    admissionDate: string;
    firstName: string;
    lastName: string;
  }[];
}

/** Groups of every kind and twelve weeks of sessions and attendance with believable patterns. */
export async function seedDemoGroups(trx: Transaction<Database>, input: DemoGroupsInput) {
  const { random, today, facilities, staffIds, clients } = input;
  const start = addDays(today, -84);

  for (const f of Object.values(facilities)) {
    await trx
      .insertInto('facilitySettings')
      .values({ facilityId: f.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  // Relatives of about a third of the clients in treatment, for the family-system groups.
  const inTreatment = clients.filter((c) => c.status === 'in_treatment');
  const relatives = [];
  for (const c of inTreatment) {
    if (!random.chance(0.35)) continue;
    relatives.push({
      facilityId: c.facilityId,
      clientId: c.id,
      firstName: random.pick([
        'Robin',
        'Terry',
        'Jamie',
        'Pat',
        'Leslie',
        'Chris',
        'Drew',
        'Shawn',
      ]),
      lastName: c.lastName,
      relationship: random.pick(RELATIONSHIPS),
      dateOfBirth: `${random.int(1955, 1998)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
    });
  }
  const family = relatives.length
    ? await trx
        .insertInto('familyMembers')
        .values(relatives)
        .returning(['id', 'facilityId'])
        .execute()
    : [];

  const pattern = new Map<string, Pattern>();
  const patternOf = (key: string) => {
    let p = pattern.get(key);
    if (!p) {
      const r = random.next();
      p = r < 0.45 ? 'steady' : r < 0.6 ? 'drifting' : r < 0.75 ? 'late' : 'usual';
      pattern.set(key, p);
    }
    return p;
  };

  const attendance: NewAttendanceRecord[] = [];
  for (const g of GROUPS) {
    const facility = facilities[g.facility];
    const defaults = defaultsForKind(g.kind);
    const monitorId = staffIds[g.monitor] as string;
    const group = await trx
      .insertInto('groups')
      .values({
        facilityId: facility.id,
        name: g.name,
        kind: g.kind,
        formatCodes: g.formatCodes,
        audiences: g.audiences ?? defaults.audiences,
        minAge: defaults.minAge,
        participation: g.participation,
        enrolment: g.enrolment ?? 'open',
        capacity: g.capacity ?? null,
        room: g.room ?? null,
        videoUrl: g.videoUrl ?? null,
        scheduleDays: g.days,
        startTime: g.startTime,
        durationMinutes: g.durationMinutes,
        cycleStartDate: start,
        monitorStaffId: monitorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // Who is on the roster.
    const audiences = g.audiences ?? defaults.audiences;
    const members: { clientId: string | null; familyMemberId: string | null; startDate: string }[] =
      [];
    if (audiences.includes('clients')) {
      const share = g.participation === 'mandatory' ? 1 : 0.45;
      for (const c of inTreatment.filter((c) => c.facilityId === facility.id)) {
        if (random.chance(share)) {
          members.push({
            clientId: c.id,
            familyMemberId: null,
            startDate: laterDate(c.admissionDate, start),
          });
        }
      }
    }
    if (audiences.includes('alumni')) {
      for (const c of clients.filter(
        (c) => c.facilityId === facility.id && c.status === 'alumni',
      )) {
        if (random.chance(0.12))
          members.push({ clientId: c.id, familyMemberId: null, startDate: start });
      }
    }
    if (audiences.includes('family')) {
      for (const f of family.filter((f) => f.facilityId === facility.id)) {
        if (random.chance(0.6))
          members.push({ clientId: null, familyMemberId: f.id, startDate: start });
      }
    }
    const capped = g.capacity ? members.slice(0, g.capacity) : members;
    if (capped.length) {
      await trx
        .insertInto('groupEnrolments')
        .values(
          capped.map((m) => ({
            ...m,
            groupId: group.id,
            facilityId: facility.id,
            createdBy: monitorId,
          })),
        )
        .execute();
    }

    // Twelve weeks of past sessions, up to yesterday.
    const past = expandSchedule(
      { days: g.days, startTime: g.startTime, durationMinutes: g.durationMinutes },
      start,
      addDays(today, -1),
      facility.timeZone,
    );
    for (const [i, planned] of past.entries()) {
      const daysAgo = past.length - i;
      const recent = planned.date >= addDays(today, -3);
      const cancelled = random.chance(0.03);
      const state = cancelled
        ? 'cancelled'
        : recent && random.chance(0.5)
          ? random.chance(0.5)
            ? 'completed'
            : 'scheduled'
          : 'signed';
      const startsAt = zonedTimeToInstant(planned.date, g.startTime, facility.timeZone);
      const session = await trx
        .insertInto('groupSessions')
        .values({
          groupId: group.id,
          facilityId: facility.id,
          startsAt,
          durationMinutes: g.durationMinutes,
          state,
          cancelReason: cancelled
            ? random.pick(['Facility closed for the holiday', 'Monitor out sick, no cover'])
            : null,
          topic: state === 'scheduled' || cancelled ? null : random.pick(TOPICS),
          stepFocus: state === 'scheduled' || cancelled ? null : random.int(1, 12),
          signedAt:
            state === 'signed'
              ? new Date(startsAt.getTime() + (g.durationMinutes + 20) * 60_000)
              : null,
          signedBy: state === 'signed' ? monitorId : null,
          version: state === 'scheduled' ? 1 : 2,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (state === 'scheduled' || cancelled) continue;

      for (const m of capped) {
        if (m.startDate > planned.date) continue;
        const key = m.clientId ?? (m.familyMemberId as string);
        const p = patternOf(key);
        // Drifting people come less and engage less over the last weeks.
        const drift = p === 'drifting' && daysAgo <= 21 ? (21 - daysAgo) / 21 : 0;
        const show =
          p === 'steady' ? 0.95 : p === 'usual' ? 0.82 : p === 'late' ? 0.88 : 0.9 - 0.65 * drift;
        let status: AttendanceStatus;
        if (random.chance(show)) {
          status =
            p === 'late' && random.chance(0.35)
              ? 'late'
              : random.chance(0.04)
                ? 'left_early'
                : random.chance(0.06)
                  ? 'late'
                  : 'present';
        } else {
          status = random.chance(0.45) ? 'absent_excused' : 'absent_unexcused';
        }
        const came = attended(status);
        const base = p === 'steady' ? 4 : p === 'drifting' ? 4 - Math.round(2 * drift) : 3;
        attendance.push({
          sessionId: session.id,
          facilityId: facility.id,
          clientId: m.clientId,
          familyMemberId: m.familyMemberId,
          status,
          lateMinutes: status === 'late' ? random.int(3, 20) : null,
          leftEarlyMinutes: status === 'left_early' ? random.int(5, 25) : null,
          excuseReason: status === 'absent_excused' ? random.pick(EXCUSES) : null,
          participation: came
            ? random.chance(p === 'steady' ? 0.6 : 0.35)
              ? 'shared'
              : 'listened'
            : null,
          engagementRating: came ? Math.max(1, Math.min(5, base + random.int(-1, 1))) : null,
          individualNote: null,
          savedInVersion: 2,
          recordedBy: monitorId,
          recordedAt: new Date(startsAt.getTime() + g.durationMinutes * 60_000),
        });
      }
    }
  }
  for (let i = 0; i < attendance.length; i += 1000) {
    await trx
      .insertInto('attendanceRecords')
      .values(attendance.slice(i, i + 1000))
      .execute();
  }
  return { groups: GROUPS.length, familyMembers: family.length, attendance: attendance.length };
}
