import type { MatchCandidate, MatchPreferences } from '@homegroup/core';
import type { Db, ReferralPreferences } from '@homegroup/db';
import type { ReferralPreferencesInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { refuseField } from '../errors';
import type { MeetingColumns } from '../meetings/meeting-view';
import { alumniClient } from './alumni-client';

export function loadPreferences(db: Db, clientId: string) {
  return db
    .selectFrom('referralPreferences')
    .selectAll()
    .where('clientId', '=', clientId)
    .executeTakeFirst()
    .then((r) => r ?? null);
}

export function toMatchPreferences(row: ReferralPreferences | null): MatchPreferences {
  return {
    fellowships: row?.fellowships ?? [],
    days: row?.days ?? [],
    timesOfDay: row?.timesOfDay ?? [],
    attendanceModes: row?.attendanceModes ?? [],
    language: row?.language ?? null,
    communities: row?.communities ?? [],
    home:
      row?.homeLatitude != null && row.homeLongitude != null
        ? { latitude: row.homeLatitude, longitude: row.homeLongitude }
        : null,
    maxDistanceMiles: row?.maxDistanceMiles ?? null,
  };
}

export function matchCandidates<T extends MeetingColumns>(
  rows: readonly T[],
): (T & MatchCandidate)[] {
  return rows.map((m) => ({ ...m, types: m.types, languages: m.languages }));
}

export async function saveReferralPreferences(
  ctx: Context,
  staff: StaffContext,
  input: ReferralPreferencesInput,
) {
  if ((input.homeLatitude === null) !== (input.homeLongitude === null)) {
    refuseField('homeLatitude', 'Choose a place from the list, or clear it.');
  }
  if (input.maxDistanceMiles !== null && input.homeLatitude === null) {
    refuseField('maxDistanceMiles', 'Choose a home place before limiting the distance.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const client = await alumniClient(trx, staff, input.clientId);
    const values = {
      fellowships: input.fellowships,
      days: input.days,
      timesOfDay: input.timesOfDay,
      attendanceModes: input.attendanceModes,
      language: input.language,
      communities: input.communities,
      homeLabel: input.homeLatitude === null ? null : input.homeLabel,
      homeLatitude: input.homeLatitude,
      homeLongitude: input.homeLongitude,
      maxDistanceMiles: input.maxDistanceMiles,
      updatedBy: staff.userId,
      updatedAt: ctx.now(),
    };
    await trx
      .insertInto('referralPreferences')
      .values({ ...values, clientId: client.id, facilityId: staff.facility.id })
      .onConflict((oc) => oc.column('clientId').doUpdateSet(values))
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'referral_preferences',
      entityId: client.id,
      clientId: client.id,
    });
    return { saved: true };
  });
}
