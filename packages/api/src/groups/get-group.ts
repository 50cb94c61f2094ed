import { addDays, dateInTimeZone, GROUP_KINDS, rosterName } from '@homegroup/core';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';
import { describeSchedule } from './describe-schedule';
import { facilitySettingsFor } from './facility-settings';
import { ensureSessions } from './generate-sessions';

/** A group with its roster and its sessions four weeks either side of today. */
export async function getGroup(ctx: Context, staff: StaffContext, groupId: string) {
  const group = await ctx.db
    .selectFrom('groups as g')
    .innerJoin('staffUsers as m', 'm.id', 'g.monitorStaffId')
    .leftJoin('staffUsers as co', 'co.id', 'g.coFacilitatorStaffId')
    .selectAll('g')
    .select(['m.displayName as monitorName', 'co.displayName as coFacilitatorName'])
    .where('g.id', '=', groupId)
    .where('g.facilityId', '=', staff.facility.id)
    .executeTakeFirst();
  if (!group) throw new AppError('NOT_FOUND', 'No group with that link at this facility.');

  const settings = await facilitySettingsFor(ctx.db, staff.facility.id);
  if (!group.archivedAt) {
    await ensureSessions(ctx.db, staff.facility, ctx.now(), settings.sessionWindowWeeks, group.id);
  }
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);

  const [enrolments, sessions] = await Promise.all([
    ctx.db
      .selectFrom('groupEnrolments as e')
      .leftJoin('clients as c', 'c.id', 'e.clientId')
      .leftJoin('familyMembers as f', 'f.id', 'e.familyMemberId')
      .select([
        'e.id',
        'e.clientId',
        'e.familyMemberId',
        'e.startDate',
        'e.endDate',
        'e.overrideReason',
        'e.endReason',
        'c.firstName as cFirst',
        'c.lastName as cLast',
        'c.preferredName as cPreferred',
        'f.firstName as fFirst',
        'f.lastName as fLast',
        'f.preferredName as fPreferred',
        'f.relationship',
      ])
      .where('e.groupId', '=', group.id)
      .orderBy('e.startDate', 'desc')
      .execute(),
    ctx.db
      .selectFrom('groupSessions')
      .select(['id', 'startsAt', 'durationMinutes', 'state', 'cancelReason', 'topic', 'adHoc'])
      .where('groupId', '=', group.id)
      .where('startsAt', '>=', new Date(ctx.now().getTime() - 28 * 86_400_000))
      .where('startsAt', '<=', new Date(ctx.now().getTime() + 29 * 86_400_000))
      .orderBy('startsAt')
      .execute(),
  ]);

  const roster = enrolments.map((e) => ({
    enrolmentId: e.id,
    person: e.clientId ? { clientId: e.clientId } : { familyMemberId: e.familyMemberId as string },
    name: e.clientId
      ? rosterName({
          firstName: e.cFirst ?? '',
          lastName: e.cLast ?? '',
          preferredName: e.cPreferred,
        })
      : rosterName({
          firstName: e.fFirst ?? '',
          lastName: e.fLast ?? '',
          preferredName: e.fPreferred,
        }),
    detail: e.clientId ? 'Client' : `Family (${e.relationship})`,
    startDate: e.startDate,
    endDate: e.endDate,
    overrideReason: e.overrideReason,
    endReason: e.endReason,
    current: e.startDate <= today && (e.endDate === null || e.endDate >= today),
    upcoming: e.startDate > today,
  }));

  return {
    group: {
      ...group,
      archivedAt: group.archivedAt?.toISOString() ?? null,
      createdAt: group.createdAt.toISOString(),
      updatedAt: group.updatedAt.toISOString(),
      kindLabel: GROUP_KINDS[group.kind].label,
      schedule: describeSchedule(group),
    },
    today,
    roster,
    sessions: sessions.map((s) => ({ ...s, startsAt: s.startsAt.toISOString() })),
    untilDate: addDays(today, settings.sessionWindowWeeks * 7),
  };
}
