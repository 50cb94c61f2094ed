import { randomUUID } from 'node:crypto';
import {
  type AttendanceMode,
  isLanguageCode,
  isSpecCode,
  type NormalisedMeeting,
} from '@homegroup/core';
import type { Db } from '@homegroup/db';
import type { ManualMeetingInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError, refuseFields } from '../errors';
import { meetingRow, toClock, toMinute } from './meeting-rows';

const MANUAL_SOURCE = 'Entered by hand';

async function manualSource(trx: Db, staff: StaffContext) {
  const existing = await trx
    .selectFrom('meetingSources')
    .selectAll()
    .where('organizationId', '=', staff.facility.organizationId)
    .where('kind', '=', 'manual')
    .executeTakeFirst();
  if (existing) return existing;
  return trx
    .insertInto('meetingSources')
    .values({
      organizationId: staff.facility.organizationId,
      name: MANUAL_SOURCE,
      kind: 'manual',
      url: null,
      fellowship: 'other',
      defaultTimeZone: staff.facility.timeZone,
      lastImportedAt: null,
      createdBy: staff.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

function problems(input: ManualMeetingInput): Record<string, string> {
  const found: Record<string, string> = {};
  const unknown = input.types.filter((code) => !isSpecCode(code));
  if (unknown.length > 0) found.types = `Unknown meeting types: ${unknown.join(', ')}.`;
  if ((input.latitude === null) !== (input.longitude === null)) {
    found.latitude = 'Give both latitude and longitude, or neither.';
  }
  if (input.conferenceUrl && !/^https?:\/\//i.test(input.conferenceUrl)) {
    found.conferenceUrl = 'Give the online link as a web address starting with https://.';
  }
  if (!input.formattedAddress && !input.conferenceUrl && !input.conferencePhone) {
    found.formattedAddress = 'Give an address, an online link or a dial-in number.';
  }
  if (input.day !== null && input.startTime === null) {
    found.startTime = 'Give the start time of a weekly meeting.';
  }
  if (input.endTime && input.startTime && input.endTime === input.startTime) {
    found.endTime = 'The end time must differ from the start time.';
  }
  return found;
}

function modeOf(input: ManualMeetingInput): AttendanceMode {
  const online = Boolean(input.conferenceUrl || input.conferencePhone);
  if (online && input.formattedAddress) return 'hybrid';
  return online ? 'online' : 'in_person';
}

/** A meeting a coordinator knows of that no feed lists, entered by hand (or corrected). */
export async function saveManualMeeting(
  ctx: Context,
  staff: StaffContext,
  input: ManualMeetingInput,
) {
  refuseFields(problems(input));
  return ctx.db.transaction().execute(async (trx) => {
    const source = await manualSource(trx, staff);
    let slug: string = randomUUID();
    if (input.meetingId) {
      const before = await trx
        .selectFrom('meetings')
        .select(['slug', 'sourceId'])
        .where('id', '=', input.meetingId)
        .where('organizationId', '=', staff.facility.organizationId)
        .executeTakeFirst();
      if (!before) throw new AppError('NOT_FOUND', 'No meeting with that link.');
      if (before.sourceId !== source.id) {
        throw new AppError(
          'BAD_INPUT',
          'This meeting comes from a feed: correct it at its source, then import again.',
        );
      }
      slug = before.slug;
    }
    const startMinute = toMinute(input.startTime);
    const meeting: NormalisedMeeting = {
      slug,
      name: input.name,
      day: input.day,
      startTime: input.startTime,
      // One hour when no end is given, as the Meeting Guide spec reads a missing end time.
      endTime: input.endTime ?? (startMinute === null ? null : toClock((startMinute + 60) % 1440)),
      timeZone: staff.facility.timeZone,
      types: [...new Set(input.types)].sort(),
      unknownTypes: [],
      languages: input.types.some(isLanguageCode) ? input.types.filter(isLanguageCode) : ['EN'],
      attendanceMode: modeOf(input),
      location: input.location,
      formattedAddress: input.formattedAddress,
      city: null,
      postalCode: null,
      regions: [],
      latitude: input.latitude,
      longitude: input.longitude,
      conferenceUrl: input.conferenceUrl,
      conferencePhone: input.conferencePhone,
      notes: input.notes,
      locationNotes: null,
      groupName: null,
      url: null,
      feedUpdatedAt: null,
    };
    const row = {
      ...meetingRow(meeting, source),
      fellowship: input.fellowship,
      updatedAt: ctx.now(),
    };
    const saved = await trx
      .insertInto('meetings')
      .values(row)
      .onConflict((oc) => oc.columns(['sourceId', 'slug']).doUpdateSet({ ...row }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordStaffAction(ctx, staff, trx, {
      action: input.meetingId ? 'update' : 'create',
      entityType: 'meeting',
      entityId: saved.id,
      detail: { name: input.name },
    });
    return { meetingId: saved.id };
  });
}
