import { randomUUID } from 'node:crypto';
import { dateInTimeZone } from '@homegroup/core';
import type { Db } from '@homegroup/db';
import { facilityInstruments } from '../assessments/instrument-settings';
import type { Context, StaffContext } from '../context';
import { type ClientRecord, clientBundle } from './bundle';
import type { FhirBundle } from './fhir-shapes';

const ATTENDED = ['present', 'late', 'left_early'] as const;

/**
 * One client's record at the staff member's facility, or null when the client is not one of
 * that facility's. Every query is scoped to the facility as well as to the client.
 */
export async function loadClientRecord(
  db: Db,
  staff: StaffContext,
  clientId: string,
): Promise<ClientRecord | null> {
  const facilityId = staff.facility.id;
  const client = await db
    .selectFrom('clients')
    .select([
      'id',
      'facilityId',
      'recordNumber',
      'firstName',
      'lastName',
      'preferredName',
      'dateOfBirth',
    ])
    .where('id', '=', clientId)
    .where('facilityId', '=', facilityId)
    .executeTakeFirst();
  if (!client) return null;

  const [sessions, assessments, referrals, events, consents, instruments] = await Promise.all([
    db
      .selectFrom('attendanceRecords as a')
      .innerJoin('groupSessions as s', 's.id', 'a.sessionId')
      .innerJoin('groups as g', 'g.id', 's.groupId')
      .select(['a.id as attendanceId', 'g.name as groupName', 's.startsAt', 's.durationMinutes'])
      .where('a.clientId', '=', client.id)
      .where('a.facilityId', '=', facilityId)
      .where('s.facilityId', '=', facilityId)
      .where('a.status', 'in', ATTENDED)
      .where('s.state', '!=', 'cancelled')
      .orderBy('s.startsAt')
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('assessments')
      .select([
        'id',
        'instrumentCode',
        'instrumentVersion',
        'administeredOn',
        'answers',
        'totalScore',
        'subscaleScores',
        'band',
      ])
      .where('clientId', '=', client.id)
      .where('facilityId', '=', facilityId)
      .orderBy('administeredOn')
      .orderBy('recordedAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('referrals as r')
      .leftJoin('meetings as m', 'm.id', 'r.meetingId')
      .select([
        'r.id',
        'm.name as meetingName',
        'r.alternativeName',
        'r.alternativeDetails',
        'r.status',
        'r.createdAt',
      ])
      .where('r.clientId', '=', client.id)
      .where('r.facilityId', '=', facilityId)
      .orderBy('r.createdAt')
      .orderBy('r.id')
      .execute(),
    db
      .selectFrom('referralEvents as e')
      .innerJoin('referrals as r', 'r.id', 'e.referralId')
      .select(['e.referralId', 'e.status', 'e.occurredOn', 'e.note'])
      .where('r.clientId', '=', client.id)
      .where('e.facilityId', '=', facilityId)
      .orderBy('e.occurredOn')
      .orderBy('e.recordedAt')
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('consents')
      .select([
        'id',
        'discloser',
        'information',
        'recipientKind',
        'recipientName',
        'purpose',
        'expiresOn',
        'expiryEvent',
        'signedBy',
        'signedOn',
        'revokedOn',
      ])
      .where('clientId', '=', client.id)
      .where('facilityId', '=', facilityId)
      .orderBy('signedOn')
      .orderBy('recordedAt')
      .orderBy('id')
      .execute(),
    facilityInstruments(db, facilityId),
  ]);

  return {
    client,
    sessions,
    assessments,
    referrals: referrals.map((r) => ({
      id: r.id,
      targetName: r.meetingName ?? r.alternativeName ?? 'Community meeting',
      alternativeDetails: r.alternativeDetails,
      status: r.status,
      createdAt: r.createdAt,
      events: events.filter((e) => e.referralId === r.id),
    })),
    consents,
    instruments: new Map(instruments.map((i) => [i.definition.code, i.definition])),
  };
}

/** The client's record as a FHIR Bundle, or null when the client is not at this facility. */
export async function clientFhirBundle(
  ctx: Context,
  staff: StaffContext,
  clientId: string,
): Promise<FhirBundle | null> {
  const record = await loadClientRecord(ctx.db, staff, clientId);
  if (!record) return null;
  const now = ctx.now();
  return clientBundle(record, {
    bundleId: randomUUID(),
    now,
    today: dateInTimeZone(now, staff.facility.timeZone),
  });
}
