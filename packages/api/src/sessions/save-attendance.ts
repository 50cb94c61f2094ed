import { ATTENDANCE_STATUSES, ageOn, attendanceProblems, dateInTimeZone } from '@homegroup/core';
import type { AttendanceEntryInput, SaveAttendanceInput } from '@homegroup/validators';
import { type AuditEntry, recordAuditMany, recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { recomputeForSession } from '../engagement/recompute-for';
import { AppError, refuseField } from '../errors';
import { onceByKey } from '../idempotency';
import { eligibilityProblem, resolvePerson } from '../people/resolve-person';
import { assertCanLogSession, loadSession } from './session-access';
import { personKey, sessionPeople } from './session-people';

const ENTRY_FIELDS = [
  'status',
  'lateMinutes',
  'leftEarlyMinutes',
  'excuseReason',
  'participation',
  'engagementRating',
  'individualNote',
] as const;
const DETAIL_FIELDS = ['topic', 'stepFocus', 'reading', 'sharedNote'] as const;

type EntryValues = Pick<AttendanceEntryInput, (typeof ENTRY_FIELDS)[number]>;

function entryValues(e: AttendanceEntryInput): EntryValues {
  return {
    status: e.status,
    lateMinutes: e.status === 'late' ? e.lateMinutes : null,
    leftEarlyMinutes: e.status === 'left_early' ? e.leftEarlyMinutes : null,
    excuseReason: e.status === 'absent_excused' ? (e.excuseReason ?? null) : null,
    participation: e.participation,
    engagementRating: e.engagementRating,
    individualNote: e.individualNote ?? null,
  };
}

function sameEntry(a: Partial<EntryValues> | null, b: Partial<EntryValues> | null) {
  if (!a || !b) return a === b;
  return ENTRY_FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null));
}

function describe(e: Partial<EntryValues> | null) {
  return e?.status ? ATTENDANCE_STATUSES[e.status] : 'no entry';
}

/**
 * Saves a session's attendance in one transaction: every person's entry, the session details,
 * and optionally "attendance taken". Two people saving the same session never overwrite each
 * other: if someone saved since this screen was loaded, entries they did not touch are merged,
 * and entries both changed come back as a conflict to resolve. Changes to a signed session need
 * a reason and are kept as an addendum.
 */
export async function saveAttendance(
  ctx: Context,
  staff: StaffContext,
  input: SaveAttendanceInput,
) {
  // Checks that need no database first: nothing is read or locked for an entry that is wrong.
  const fieldErrors: Record<string, string[]> = {};
  const seen = new Set<string>();
  input.entries.forEach((entry, i) => {
    const key = personKey(entry.person);
    if (seen.has(key)) fieldErrors[`entries.${i}.person`] = ['This person is listed twice.'];
    seen.add(key);
  });

  return ctx.db.transaction().execute((trx) =>
    onceByKey(trx, staff, 'sessions.saveAttendance', input.idempotencyKey, async () => {
      const session = await loadSession(trx, staff, input.sessionId, true);
      await assertCanLogSession(trx, staff, session);
      if (session.state === 'cancelled') {
        throw new AppError(
          'CONFLICT',
          `This session was cancelled (${session.cancelReason}). Nothing was saved.`,
        );
      }
      const signed = session.state === 'signed';
      if (signed && !input.addendumReason) {
        refuseField(
          'addendumReason',
          'This session is signed. Say why you are changing it; the reason is kept with the change.',
        );
      }

      input.entries.forEach((entry, i) => {
        if (entry.remove) return;
        for (const [field, message] of Object.entries(
          attendanceProblems(entry, session.durationMinutes),
        )) {
          fieldErrors[`entries.${i}.${field}`] = [message];
        }
      });
      if (Object.keys(fieldErrors).length > 0) {
        throw new AppError('BAD_INPUT', 'Some entries need attention. Nothing was saved.', {
          fieldErrors,
        });
      }

      const people = await sessionPeople(trx, session, staff.facility.timeZone);
      const byKey = new Map(people.map((p) => [p.key, p]));
      const sessionDate = dateInTimeZone(session.startsAt, staff.facility.timeZone);

      // Walk-ins must belong to this facility and suit the group.
      for (const [i, entry] of input.entries.entries()) {
        const key = personKey(entry.person);
        if (byKey.has(key) || entry.remove) continue;
        if (!entry.walkIn) {
          refuseField(
            `entries.${i}.person`,
            'This person is not on the roster for this date. Add them as a walk-in.',
          );
        }
        const person = await resolvePerson(trx, staff.facility.id, entry.person);
        // A walk-in was in the room whoever the group is for; only the age floor still applies.
        const problem = eligibilityProblem(
          person,
          { ...session, audiences: ['clients', 'alumni', 'family'] },
          sessionDate,
          ageOn,
        );
        if (problem) refuseField(`entries.${i}.person`, `${person.rosterName}: ${problem}`);
        byKey.set(key, {
          key,
          person: entry.person,
          name: person.rosterName,
          detail: '',
          onRoster: false,
          entry: null,
        });
      }

      // Someone else saved since this screen loaded: merge, or report what both changed.
      const conflicts: string[] = [];
      if (input.baseVersion < session.version) {
        for (const entry of input.entries) {
          const key = personKey(entry.person);
          const current = byKey.get(key);
          const theirs = current?.entry ?? null;
          const changedSince = theirs !== null && theirs.savedInVersion > input.baseVersion;
          const mine = entry.remove ? null : entryValues(entry);
          if (changedSince && !sameEntry(theirs, mine)) {
            conflicts.push(
              `${current?.name}: saved as ${describe(theirs)} by someone else; yours is ${describe(mine)}.`,
            );
          }
        }
        if (input.details && session.detailsVersion > input.baseVersion) {
          const changed = DETAIL_FIELDS.filter(
            (f) =>
              input.details?.[f] !== undefined &&
              (input.details[f] ?? null) !== (session[f] ?? null),
          );
          if (changed.length > 0)
            conflicts.push('The topic, step, reading or shared note was changed by someone else.');
        }
        if (conflicts.length > 0) {
          throw new AppError(
            'CONFLICT',
            'Someone else saved this session while you were working. Nothing of yours was lost or saved yet: review the differences, then save again.',
            { conflicts },
          );
        }
      }

      const version = session.version + 1;
      const changes: { person: string; before: string; after: string }[] = [];
      const audits: AuditEntry[] = [];
      for (const entry of input.entries) {
        const key = personKey(entry.person);
        const known = byKey.get(key);
        const before = known?.entry ?? null;
        const clientId = 'clientId' in entry.person ? entry.person.clientId : null;
        const familyMemberId =
          'familyMemberId' in entry.person ? entry.person.familyMemberId : null;
        const personFilter = clientId
          ? (['clientId', clientId] as const)
          : (['familyMemberId', familyMemberId as string] as const);
        if (entry.remove) {
          if (!before) continue;
          await trx
            .deleteFrom('attendanceRecords')
            .where('sessionId', '=', session.id)
            .where(personFilter[0], '=', personFilter[1])
            .execute();
          changes.push({ person: known?.name ?? '', before: describe(before), after: 'removed' });
          audits.push({
            action: 'delete',
            entityType: 'attendance_record',
            entityId: session.id,
            clientId,
            outcome: 'success',
          });
          continue;
        }
        const values = entryValues(entry);
        if (sameEntry(before, values)) continue;
        if (before) {
          await trx
            .updateTable('attendanceRecords')
            .set({
              ...values,
              savedInVersion: version,
              recordedBy: staff.userId,
              recordedAt: ctx.now(),
            })
            .where('sessionId', '=', session.id)
            .where(personFilter[0], '=', personFilter[1])
            .execute();
        } else {
          await trx
            .insertInto('attendanceRecords')
            .values({
              ...values,
              sessionId: session.id,
              facilityId: staff.facility.id,
              clientId,
              familyMemberId,
              walkIn: !known?.onRoster,
              savedInVersion: version,
              recordedBy: staff.userId,
              recordedAt: ctx.now(),
            })
            .execute();
        }
        changes.push({
          person: known?.name ?? '',
          before: describe(before),
          after: describe(values),
        });
        audits.push({
          action: before ? 'update' : 'create',
          entityType: 'attendance_record',
          entityId: session.id,
          clientId,
          outcome: 'success',
          detail: familyMemberId ? { familyMemberId } : {},
        });
      }

      const detailChanges: Record<string, unknown> = {};
      for (const f of DETAIL_FIELDS) {
        const next = input.details?.[f];
        if (next !== undefined && (next ?? null) !== (session[f] ?? null))
          detailChanges[f] = next ?? null;
      }
      const nextState = signed
        ? 'signed'
        : input.complete
          ? 'completed'
          : session.state === 'scheduled' && changes.length > 0
            ? 'in_progress'
            : session.state;

      await trx
        .updateTable('groupSessions')
        .set({
          ...detailChanges,
          ...(Object.keys(detailChanges).length > 0 ? { detailsVersion: version } : {}),
          state: nextState,
          version,
          updatedAt: ctx.now(),
        })
        .where('id', '=', session.id)
        .execute();

      if (signed) {
        await trx
          .insertInto('sessionAddenda')
          .values({
            sessionId: session.id,
            facilityId: staff.facility.id,
            authorStaffId: staff.userId,
            reason: input.addendumReason ?? '',
            changes: JSON.stringify({ entries: changes, details: detailChanges }),
          })
          .execute();
      }
      // Recompute before writing the audit events: the audit insert takes the chain's lock until
      // commit, so it must be the transaction's last step, never followed by a wait on row locks
      // (another save holding those rows and waiting for the chain's lock would deadlock).
      await recomputeForSession(trx, staff, ctx.now(), session.id);
      await recordAuditMany(
        trx,
        audits.map((a) => ({
          ...a,
          actorStaffUserId: staff.userId,
          facilityId: staff.facility.id,
          sourceIp: ctx.request.ip,
        })),
      );
      if (Object.keys(detailChanges).length > 0 || nextState !== session.state) {
        await recordStaffAction(ctx, staff, trx, {
          action: 'update',
          entityType: 'group_session',
          entityId: session.id,
          detail: { state: nextState, fields: Object.keys(detailChanges) },
        });
      }
      return { version, state: nextState, changed: changes.length };
    }),
  );
}
