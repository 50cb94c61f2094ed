import { dateInTimeZone, matchMeetings, readableDate, referralMoveProblem } from '@homegroup/core';
import type {
  CreateReferralsInput,
  MoveReferralInput,
  ReferralPreferencesInput,
} from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError, refuseField } from '../errors';
import { MEETING_COLUMNS, meetingView } from '../meetings/meeting-view';
import { alumniClient } from './alumni-client';
import { loadPreferences, matchCandidates, toMatchPreferences } from './preferences';

/**
 * Refers a client to one or more directory meetings, or to a non-12-Step programme that is not
 * in the directory. Each referral starts as suggested, with the reasons it matched kept beside it.
 */
export async function createReferrals(
  ctx: Context,
  staff: StaffContext,
  input: CreateReferralsInput,
) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  if (input.on > today) refuseField('on', 'The referral date cannot be in the future.');
  return ctx.db.transaction().execute(async (trx) => {
    const client = await alumniClient(trx, staff, input.clientId, true);
    if (input.on < client.admissionDate) {
      refuseField(
        'on',
        `The referral cannot be before admission (${readableDate(client.admissionDate)}).`,
      );
    }
    const meetingIds = [...new Set(input.meetingIds)];
    const meetings = meetingIds.length
      ? await trx
          .selectFrom('meetings')
          .select(MEETING_COLUMNS)
          .where('id', 'in', meetingIds)
          .where('organizationId', '=', staff.facility.organizationId)
          .execute()
      : [];
    if (meetings.length !== meetingIds.length) {
      throw new AppError('NOT_FOUND', 'One of those meetings is not in the directory.');
    }
    const retired = meetings.find((m) => m.retiredAt !== null);
    if (retired) {
      refuseField(
        'meetingIds',
        `"${retired.name}" is no longer listed by its feed (retired), so it cannot be referred to. Choose another meeting.`,
      );
    }
    const open = await trx
      .selectFrom('referrals')
      .innerJoin('meetings', 'meetings.id', 'referrals.meetingId')
      .select('meetings.name')
      .where('referrals.clientId', '=', client.id)
      .where(
        'referrals.meetingId',
        'in',
        meetingIds.length ? meetingIds : ['00000000-0000-0000-0000-000000000000'],
      )
      .where('referrals.status', 'not in', ['declined', 'lost_contact'])
      .executeTakeFirst();
    if (open)
      refuseField('meetingIds', `This client already has an open referral to "${open.name}".`);
    const prefs = toMatchPreferences(await loadPreferences(trx, client.id));
    const reasonsById = new Map(
      matchMeetings(prefs, matchCandidates(meetings), meetings.length).map((m) => [
        m.meeting.id,
        m.reasons,
      ]),
    );
    const values = [
      ...meetings.map((m) => ({
        meetingId: m.id,
        alternativeName: null,
        alternativeDetails: null,
        matchReasons: reasonsById.get(m.id) ?? [],
      })),
      ...(input.alternativeName
        ? [
            {
              meetingId: null,
              alternativeName: input.alternativeName,
              alternativeDetails: input.alternativeDetails,
              matchReasons: [],
            },
          ]
        : []),
    ];
    const created = await trx
      .insertInto('referrals')
      .values(
        values.map((v) => ({
          ...v,
          facilityId: staff.facility.id,
          clientId: client.id,
          status: 'suggested' as const,
          statusOn: input.on,
          firstAttendedOn: null,
          createdBy: staff.userId,
        })),
      )
      .returning('id')
      .execute();
    await trx
      .insertInto('referralEvents')
      .values(
        created.map((r) => ({
          referralId: r.id,
          facilityId: staff.facility.id,
          status: 'suggested' as const,
          occurredOn: input.on,
          note: input.note,
          recordedBy: staff.userId,
        })),
      )
      .execute();
    for (const r of created) {
      await recordStaffAction(ctx, staff, trx, {
        action: 'create',
        entityType: 'referral',
        entityId: r.id,
        clientId: client.id,
      });
    }
    return { referralIds: created.map((r) => r.id) };
  });
}

/** Moves a referral on (accepted, first meeting, attending, or declined / lost contact). */
export async function moveReferral(ctx: Context, staff: StaffContext, input: MoveReferralInput) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  return ctx.db.transaction().execute(async (trx) => {
    const referral = await trx
      .selectFrom('referrals')
      .selectAll()
      .where('id', '=', input.referralId)
      .where('facilityId', '=', staff.facility.id)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!referral) throw new AppError('NOT_FOUND', 'No referral with that link at this facility.');
    if (referral.version !== input.version) {
      throw new AppError(
        'CONFLICT',
        'Someone else updated this referral meanwhile. Look at its status again before changing it.',
      );
    }
    const problem = referralMoveProblem({
      from: referral.status,
      to: input.status,
      fromDate: referral.statusOn,
      firstAttendedOn: referral.firstAttendedOn,
      on: input.on,
      today,
    });
    if (problem) refuseField(input.status === referral.status ? 'status' : 'on', problem);
    await trx
      .updateTable('referrals')
      .set({
        status: input.status,
        statusOn: input.on,
        firstAttendedOn: input.status === 'first_attended' ? input.on : referral.firstAttendedOn,
        version: referral.version + 1,
      })
      .where('id', '=', referral.id)
      .execute();
    await trx
      .insertInto('referralEvents')
      .values({
        referralId: referral.id,
        facilityId: staff.facility.id,
        status: input.status,
        occurredOn: input.on,
        note: input.note,
        recordedBy: staff.userId,
      })
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'referral',
      entityId: referral.id,
      clientId: referral.clientId,
      detail: { from: referral.status, to: input.status, on: input.on },
    });
    return { status: input.status, version: referral.version + 1 };
  });
}

/** Directory meetings ranked for this client's preferences, each with its reasons. */
export async function matchedMeetings(ctx: Context, staff: StaffContext, clientId: string) {
  await alumniClient(ctx.db, staff, clientId);
  const row = await loadPreferences(ctx.db, clientId);
  // Without preferences there is no home or fellowship to rank by: every meeting of the
  // organisation would "fit", including ones in another state. Ask for preferences first.
  if (!row) return { hasPreferences: false, matches: [] };
  const prefs = toMatchPreferences(row);
  let query = ctx.db
    .selectFrom('meetings')
    .select(MEETING_COLUMNS)
    .where('organizationId', '=', staff.facility.organizationId)
    .where('retiredAt', 'is', null);
  if (prefs.fellowships.length > 0) query = query.where('fellowship', 'in', [...prefs.fellowships]);
  const [candidates, referred] = await Promise.all([
    query.limit(20_000).execute(),
    ctx.db
      .selectFrom('referrals')
      .select('meetingId')
      .where('clientId', '=', clientId)
      .where('meetingId', 'is not', null)
      .where('status', 'not in', ['declined', 'lost_contact'])
      .execute(),
  ]);
  // A meeting already referred to (and not closed) is not offered again.
  const open = new Set(referred.map((r) => r.meetingId));
  const matches = matchMeetings(
    prefs,
    matchCandidates(candidates.filter((m) => !open.has(m.id))),
    25,
  );
  return {
    hasPreferences: true,
    matches: matches.map((m) => ({
      meeting: meetingView(m.meeting, m.distanceMiles),
      score: m.score,
      reasons: m.reasons,
      misses: m.misses,
    })),
  };
}

export type { ReferralPreferencesInput };
