import { useQuery } from '@tanstack/react-query';
import { useCurrentStaff } from '../auth/use-current-staff';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';
import { FeedsSection } from './feeds-section';
import { plural } from './meeting-format';
import { MeetingSearch } from './meeting-search';
import './meetings.css';

/** Who may add feeds, import them and enter meetings by hand; everyone else may search. */
const KEEPERS = new Set(['admin', 'alumni_coordinator']);

/**
 * The community meeting directory: public meeting listings (AA, NA, Al-Anon…) from Meeting
 * Guide and BMLT feeds, searched to suggest meetings to alumni. No client data appears here.
 */
export function MeetingsPage() {
  const staff = useCurrentStaff();
  const trpc = useTRPC();
  usePageTitle('Community meetings');
  const canManage = KEEPERS.has(staff.role);
  const options = useQuery(trpc.meetings.filterOptions.queryOptions());
  const total = options.data?.meetingCount;
  return (
    <div className="meetings-page">
      <h1>Community meetings</h1>
      <p className="lead">
        Public meetings to suggest to alumni, from the fellowships’ own meeting lists
        {total !== undefined ? ` (${plural(total, 'meeting')} in the directory)` : ''}.
        {canManage && (
          <>
            {' '}
            Keep the list current under <a href="#feeds-title">Feeds</a>, below the search.
          </>
        )}
      </p>
      <MeetingSearch canManage={canManage} />
      {canManage && <FeedsSection />}
    </div>
  );
}
