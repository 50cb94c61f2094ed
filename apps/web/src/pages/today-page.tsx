import { useQuery } from '@tanstack/react-query';
import { useCurrentStaff } from '../auth/use-current-staff';
import { errorInfo } from '../lib/errors';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';

function longDate(isoDate: string) {
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function TodayPage() {
  usePageTitle('Today');
  const staff = useCurrentStaff();
  const trpc = useTRPC();
  const overview = useQuery(trpc.facility.overview.queryOptions());

  return (
    <>
      <h1>Today</h1>
      <p className="lead">
        {overview.data ? `${longDate(overview.data.today)} at ` : ''}
        {staff.facility.name}
      </p>
      {overview.isPending && <p role="status">Loading the facility’s figures…</p>}
      {overview.isError && (
        <p className="alert" role="alert">
          {errorInfo(overview.error).message}
        </p>
      )}
      {overview.data && (
        <section aria-labelledby="census-title" className="cards">
          <h2 id="census-title" className="visually-hidden">
            Census
          </h2>
          <div className="card">
            <span className="card-figure">{overview.data.inTreatment}</span>
            <span className="card-label">clients in treatment</span>
          </div>
          <div className="card">
            <span className="card-figure">{overview.data.alumni}</span>
            <span className="card-label">alumni</span>
          </div>
        </section>
      )}
    </>
  );
}
