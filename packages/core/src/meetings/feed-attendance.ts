import type { Failure } from './feed-schedule';
import type { Address } from './feed-values';
import type { AttendanceMode } from './meeting';
import { type ResolvedTypes, TEMPORARILY_CLOSED_CODE } from './meeting-types';

/** How a meeting is attended, from the feed's own word or from its address, links and types. */

export interface Links {
  conferenceUrl: string | null;
  conferencePhone: string | null;
}

/**
 * The feed's own `attendance_option` when it has one (the 12 Step Meeting List plugin works it
 * out with more information than the feed shows). Otherwise, as that plugin does: TC means the
 * room is closed, so never in person; ONL with an approximate address means online only.
 */
export function attendanceOf(
  raw: Record<string, unknown>,
  types: ResolvedTypes,
  address: Address,
  links: Links,
): { ok: true; mode: AttendanceMode } | Failure {
  const option = typeof raw.attendance_option === 'string' ? raw.attendance_option.trim() : '';
  if (option.toLowerCase() === 'inactive') {
    return { ok: false, reason: 'marked inactive by the feed' };
  }
  const hasLink = links.conferenceUrl !== null || links.conferencePhone !== null;
  if (!hasLink && !address.hasStreetAddress) {
    return { ok: false, reason: 'no address and no online link' };
  }
  if (isAttendanceMode(option)) {
    return { ok: true, mode: option };
  }
  const closed = types.codes.includes(TEMPORARILY_CLOSED_CODE);
  if (closed && !hasLink) {
    return { ok: false, reason: 'temporarily closed (TC) and no online link' };
  }
  const approximate =
    typeof raw.approximate === 'string' && raw.approximate.trim().toLowerCase() === 'yes';
  const inPerson = address.hasStreetAddress && !closed && !(types.online && approximate);
  if (!inPerson && !hasLink) {
    return { ok: false, reason: 'listed as online (ONL) but no online link and no exact address' };
  }
  if (inPerson) {
    return { ok: true, mode: hasLink ? 'hybrid' : 'in_person' };
  }
  return { ok: true, mode: 'online' };
}

function isAttendanceMode(value: string): value is AttendanceMode {
  return value === 'in_person' || value === 'online' || value === 'hybrid';
}
