import { dateInTimeZone, GROUP_KINDS, isLocked } from '@homegroup/core';
import { recordAuditMany } from '../audit';
import type { Context, StaffContext } from '../context';
import { assertCanLogSession, loadSession } from './session-access';
import { sessionPeople } from './session-people';

/**
 * Everything the logging screen needs in one request: the session, its group, the people and
 * what has been entered for each, and the addenda. Each person shown is an audited read.
 */
export async function getSession(ctx: Context, staff: StaffContext, sessionId: string) {
  const session = await loadSession(ctx.db, staff, sessionId);
  await assertCanLogSession(ctx.db, staff, session);
  const [people, addenda, signer] = await Promise.all([
    sessionPeople(ctx.db, session, staff.facility.timeZone),
    ctx.db
      .selectFrom('sessionAddenda as a')
      .innerJoin('staffUsers as u', 'u.id', 'a.authorStaffId')
      .select(['a.id', 'a.reason', 'a.createdAt', 'a.changes', 'u.displayName as author'])
      .where('a.sessionId', '=', session.id)
      .orderBy('a.createdAt')
      .execute(),
    session.signedBy
      ? ctx.db
          .selectFrom('staffUsers')
          .select('displayName')
          .where('id', '=', session.signedBy)
          .executeTakeFirst()
      : undefined,
  ]);
  await recordAuditMany(
    ctx.db,
    people.map((p) => ({
      action: 'read' as const,
      entityType: 'attendance',
      entityId: session.id,
      clientId: 'clientId' in p.person ? p.person.clientId : null,
      actorStaffUserId: staff.userId,
      facilityId: staff.facility.id,
      outcome: 'success' as const,
      sourceIp: ctx.request.ip,
      detail: 'familyMemberId' in p.person ? { familyMemberId: p.person.familyMemberId } : {},
    })),
  );
  const canSign =
    session.state === 'completed' &&
    (staff.role === 'admin' ||
      staff.role === 'counselor' ||
      session.monitorStaffId === staff.userId ||
      session.coFacilitatorStaffId === staff.userId);
  return {
    session: {
      id: session.id,
      groupId: session.groupId,
      groupName: session.groupName,
      kindLabel: GROUP_KINDS[session.kind].label,
      room: session.room,
      videoUrl: session.videoUrl,
      startsAt: session.startsAt.toISOString(),
      date: dateInTimeZone(session.startsAt, staff.facility.timeZone),
      durationMinutes: session.durationMinutes,
      state: session.state,
      cancelReason: session.cancelReason,
      topic: session.topic,
      stepFocus: session.stepFocus,
      reading: session.reading,
      sharedNote: session.sharedNote,
      version: session.version,
      signedAt: session.signedAt?.toISOString() ?? null,
      signedByName: signer?.displayName ?? null,
      locked: isLocked(session.state),
    },
    timeZone: staff.facility.timeZone,
    people,
    addenda: addenda.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    canSign,
  };
}
