import { addDays, readableDate } from '../dates';
import { REFERRAL_STATUSES, type ReferralStatus } from './vocabulary';

/** Where a referral may go next. Declined and lost contact end it; a new referral starts again. */
const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  suggested: ['accepted', 'declined', 'lost_contact'],
  accepted: ['first_attended', 'declined', 'lost_contact'],
  first_attended: ['attending', 'declined', 'lost_contact'],
  attending: ['lost_contact'],
  declined: [],
  lost_contact: [],
};

export function nextReferralStatuses(status: ReferralStatus): readonly ReferralStatus[] {
  return NEXT[status];
}

/** Regular attendance is judged 30 days after the first meeting. */
export const REGULAR_ATTENDANCE_DAYS = 30;

export interface ReferralMove {
  from: ReferralStatus;
  to: ReferralStatus;
  /** The date of the current status. */
  fromDate: string;
  /** When the alumnus says they first went, if they have. */
  firstAttendedOn: string | null;
  /** The date the new status happened. */
  on: string;
  today: string;
}

/** Why this status change cannot be recorded, or null. */
export function referralMoveProblem(move: ReferralMove): string | null {
  if (!NEXT[move.from].includes(move.to)) {
    const allowed = NEXT[move.from].map((s) => REFERRAL_STATUSES[s].toLowerCase());
    return allowed.length === 0
      ? `This referral is closed (${REFERRAL_STATUSES[move.from].toLowerCase()}). Make a new referral instead.`
      : `A referral that is "${REFERRAL_STATUSES[move.from].toLowerCase()}" can only become ${allowed.join(', or ')}.`;
  }
  if (move.on > move.today) return 'The date cannot be in the future.';
  if (move.on < move.fromDate) {
    return `The date cannot be before the last change (${readableDate(move.fromDate)}).`;
  }
  if (move.to === 'attending' && move.firstAttendedOn) {
    const earliest = addDays(move.firstAttendedOn, REGULAR_ATTENDANCE_DAYS);
    if (move.on < earliest) {
      return `Regular attendance is recorded 30 days after the first meeting, from ${readableDate(earliest)}.`;
    }
  }
  return null;
}
