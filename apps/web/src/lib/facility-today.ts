import { dateInTimeZone, type IsoDate } from '@homegroup/core';
import { useCurrentStaff } from '../auth/use-current-staff';

/**
 * Today's date where the facility is, for date fields' defaults and limits. The server checks
 * dates against the facility's calendar, so a tablet set to another time zone (or a browser
 * just past its own midnight) must not offer a date the server calls "in the future".
 */
export function useFacilityToday(): IsoDate {
  const staff = useCurrentStaff();
  return dateInTimeZone(new Date(), staff.facility.timeZone);
}
