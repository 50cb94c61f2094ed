import { dateInTimeZone, followUpUrgency, nextReferralStatuses } from '@homegroup/core';
import { sql } from 'kysely';
import { recordAudit } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';
import { MEETING_COLUMNS, meetingView } from '../meetings/meeting-view';
import { ALUMNI_CLIENT_COLUMNS } from './alumni-client';
import { consentView } from './consents';
import { disclosureRows } from './disclosure-log';

/**
 * Everything the alumni coordinator's page for one client shows, in one audited read: the
 * client as they left, preferences, referrals with their history, consents, the disclosure log,
 * and the follow-up calls. No clinical notes, engagement figures or step work.
 */
export async function alumnusPage(ctx: Context, staff: StaffContext, clientId: string) {
  const client = await ctx.db
    .selectFrom('clients')
    .select(ALUMNI_CLIENT_COLUMNS)
    .where('id', '=', clientId)
    .where('facilityId', '=', staff.facility.id)
    .executeTakeFirst();
  await recordAudit(ctx.db, {
    action: 'read',
    entityType: 'alumnus_page',
    entityId: clientId,
    clientId: client ? clientId : null,
    actorStaffUserId: staff.userId,
    facilityId: staff.facility.id,
    outcome: client ? 'success' : 'failure',
    sourceIp: ctx.request.ip,
    detail: client ? {} : { requestedClientId: clientId },
  });
  if (!client) throw new AppError('NOT_FOUND', 'No client with that link at this facility.');
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);

  const [preferences, referrals, events, consents, disclosures, tasks, attempts] =
    await Promise.all([
      ctx.db
        .selectFrom('referralPreferences')
        .selectAll()
        .where('clientId', '=', client.id)
        .executeTakeFirst(),
      ctx.db
        .selectFrom('referrals as r')
        .leftJoin('meetings', 'meetings.id', 'r.meetingId')
        .select([
          'r.id as referralId',
          'r.status',
          'r.statusOn',
          'r.firstAttendedOn',
          'r.matchReasons',
          'r.alternativeName',
          'r.alternativeDetails',
          'r.version',
          'r.createdAt',
          'r.meetingId',
        ])
        .select(MEETING_COLUMNS)
        .where('r.clientId', '=', client.id)
        .where('r.facilityId', '=', staff.facility.id)
        .orderBy('r.createdAt', 'desc')
        .execute(),
      ctx.db
        .selectFrom('referralEvents as e')
        .innerJoin('referrals as r', 'r.id', 'e.referralId')
        .innerJoin('staffUsers as s', 's.id', 'e.recordedBy')
        .select([
          'e.referralId',
          'e.status',
          'e.occurredOn',
          'e.note',
          's.displayName as recordedBy',
          'e.recordedAt',
        ])
        .where('r.clientId', '=', client.id)
        .orderBy('e.id')
        .execute(),
      ctx.db
        .selectFrom('consents')
        .selectAll()
        .where('clientId', '=', client.id)
        .where('facilityId', '=', staff.facility.id)
        .orderBy('signedOn', 'desc')
        .execute(),
      disclosureRows(ctx.db, staff, client.id),
      ctx.db
        .selectFrom('followUpTasks')
        .selectAll()
        .where('clientId', '=', client.id)
        .orderBy('dueOn')
        .execute(),
      ctx.db
        .selectFrom('followUpAttempts as a')
        .innerJoin('staffUsers as s', 's.id', 'a.madeBy')
        .selectAll('a')
        .select('s.displayName as madeByName')
        .where('a.clientId', '=', client.id)
        .orderBy('a.attemptedAt')
        .execute(),
    ]);

  return {
    today,
    client,
    preferences: preferences
      ? { ...preferences, updatedAt: preferences.updatedAt.toISOString() }
      : null,
    referrals: referrals.map((r) => ({
      id: r.referralId,
      status: r.status,
      statusOn: r.statusOn,
      firstAttendedOn: r.firstAttendedOn,
      matchReasons: r.matchReasons,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      next: nextReferralStatuses(r.status),
      meeting: r.meetingId
        ? meetingView({ ...r, id: r.meetingId } as Parameters<typeof meetingView>[0])
        : null,
      alternative: r.alternativeName
        ? { name: r.alternativeName, details: r.alternativeDetails }
        : null,
      history: events
        .filter((e) => e.referralId === r.referralId)
        .map((e) => ({ ...e, recordedAt: e.recordedAt.toISOString() })),
    })),
    consents: consents.map((c) => consentView(c, today)),
    disclosures: disclosures.map((d) => ({ ...d, recordedAt: d.recordedAt.toISOString() })),
    followUps: tasks.map((t) => ({
      id: t.id,
      daysAfterDischarge: t.daysAfterDischarge,
      dueOn: t.dueOn,
      status: t.status,
      cancelReason: t.cancelReason,
      urgency: t.status === 'open' ? followUpUrgency(t.dueOn, today) : null,
      attempts: attempts
        .filter((a) => a.taskId === t.id)
        .map((a) => ({
          id: a.id,
          outcome: a.outcome,
          attemptedOn: a.attemptedAt.toISOString().slice(0, 10),
          note: a.note,
          communityMeetings: a.communityMeetings,
          hasSponsor: a.hasSponsor,
          abstinent: a.abstinent,
          housing: a.housing,
          workOrSchool: a.workOrSchool,
          madeBy: a.madeByName,
        })),
    })),
  };
}

/** Alumni (or clients still in treatment, to prepare a referral), with what is open for each. */
export async function alumniList(
  ctx: Context,
  staff: StaffContext,
  input: { page: number; pageSize: number; status: 'alumni' | 'in_treatment'; search: string },
) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  const base = ctx.db
    .selectFrom('clients as c')
    .where('c.facilityId', '=', staff.facility.id)
    .where('c.status', '=', input.status)
    .where((eb) =>
      input.search
        ? eb.or([
            eb(
              sql`lower(c.first_name || ' ' || c.last_name)`,
              'like',
              `%${input.search.toLowerCase()}%`,
            ),
            eb(
              sql`lower(coalesce(c.preferred_name, ''))`,
              'like',
              `%${input.search.toLowerCase()}%`,
            ),
            eb('c.recordNumber', '=', input.search),
          ])
        : eb.val(true),
    );
  const [rows, count] = await Promise.all([
    base
      .select([
        'c.id',
        'c.recordNumber',
        'c.firstName',
        'c.lastName',
        'c.preferredName',
        'c.admissionDate',
        'c.dischargeDate',
        'c.dischargeType',
        'c.alumniFollowUp',
        (eb) =>
          eb
            .selectFrom('referrals as r')
            .whereRef('r.clientId', '=', 'c.id')
            .where('r.status', 'not in', ['declined', 'lost_contact'])
            .select(sql<number>`count(*)::int`.as('n'))
            .as('openReferrals'),
        (eb) =>
          eb
            .selectFrom('followUpTasks as t')
            .whereRef('t.clientId', '=', 'c.id')
            .where('t.status', '=', 'open')
            .select(sql<string>`min(t.due_on)::text`.as('d'))
            .as('nextFollowUp'),
        (eb) =>
          eb
            .selectFrom('consents as k')
            .whereRef('k.clientId', '=', 'c.id')
            .where('k.revokedOn', 'is', null)
            .where((w) => w.or([w('k.expiresOn', 'is', null), w('k.expiresOn', '>=', today)]))
            .select(sql<number>`count(*)::int`.as('n'))
            .as('activeConsents'),
      ])
      .orderBy(input.status === 'alumni' ? 'c.dischargeDate' : 'c.admissionDate', 'desc')
      .orderBy('c.lastName')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  await recordAudit(ctx.db, {
    action: 'read',
    entityType: 'alumni_list',
    actorStaffUserId: staff.userId,
    facilityId: staff.facility.id,
    outcome: 'success',
    sourceIp: ctx.request.ip,
    detail: { clientIds: rows.map((r) => r.id) },
  });
  return {
    rowCount: count.n,
    rows: rows.map((r) => ({
      ...r,
      openReferrals: r.openReferrals ?? 0,
      activeConsents: r.activeConsents ?? 0,
      nextFollowUp: r.nextFollowUp ?? null,
      followUpUrgency: r.nextFollowUp ? followUpUrgency(r.nextFollowUp, today) : null,
    })),
  };
}
