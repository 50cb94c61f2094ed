import { daysBetween, type IsoDate, readableDate } from '../dates';

export interface ClientDates {
  admissionDate: IsoDate;
  dateOfBirth?: IsoDate | null;
  sobrietyDate?: IsoDate | null;
  supportSince?: IsoDate | null;
}

type Problems<K extends string> = Partial<Record<K, string>>;

/** What is wrong with a client record's dates, by field, in words for staff; `today` is the facility's. */
export function clientRecordProblems(
  record: ClientDates,
  today: IsoDate,
): Problems<keyof ClientDates> {
  const problems: Problems<keyof ClientDates> = {};
  if (record.admissionDate > today) {
    problems.admissionDate = 'The admission date cannot be in the future.';
  }
  if (record.dateOfBirth) {
    if (record.dateOfBirth >= today)
      problems.dateOfBirth = 'The date of birth must be in the past.';
    else if (record.dateOfBirth > record.admissionDate) {
      problems.dateOfBirth = 'The date of birth must be before the admission date.';
    }
  }
  if (record.sobrietyDate) {
    if (record.sobrietyDate > today) {
      problems.sobrietyDate = 'The sobriety date cannot be in the future.';
    } else if (record.dateOfBirth && record.sobrietyDate < record.dateOfBirth) {
      problems.sobrietyDate = 'The sobriety date cannot be before the date of birth.';
    }
  }
  if (record.supportSince && record.supportSince > today) {
    problems.supportSince = 'The sponsor or mentor date cannot be in the future.';
  }
  return problems;
}

/** What is wrong with a discharge on `dischargeDate` of a client admitted on `admissionDate`. */
export function dischargeProblems(
  admissionDate: IsoDate,
  dischargeDate: IsoDate,
  today: IsoDate,
): Problems<'dischargeDate'> {
  if (dischargeDate < admissionDate) {
    return {
      dischargeDate: `The discharge date cannot be before the admission date (${readableDate(admissionDate)}).`,
    };
  }
  if (dischargeDate > today)
    return { dischargeDate: 'The discharge date cannot be in the future.' };
  return {};
}

/** Whole days in treatment: admission to discharge, or to today while still in treatment. */
export function daysInTreatment(
  admissionDate: IsoDate,
  dischargeDate: IsoDate | null,
  today: IsoDate,
): number {
  return Math.max(0, daysBetween(admissionDate, dischargeDate ?? today));
}
