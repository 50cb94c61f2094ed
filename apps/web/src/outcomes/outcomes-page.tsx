import { LEVELS_OF_CARE } from '@homegroup/core';
import type { OutcomeFiltersInput } from '@homegroup/validators';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useCurrentStaff } from '../auth/use-current-staff';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useFacilityToday } from '../lib/facility-today';
import { formatTime } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';
import { IndicatorCard } from './indicator-card';
import { exportQuery, readOutcomesUrl, writeOutcomesUrl } from './outcomes-url';
import './outcomes.css';

/** Figures are read from the records as they are: re-read this often while the page is open. */
const LIVE_EVERY_MS = 30_000;

/** Id → name pairs as the choices of a select. */
function choices(pairs: [string, string][]): Record<string, string> {
  return Object.fromEntries(pairs);
}

export function OutcomesPage() {
  const staff = useCurrentStaff();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const today = useFacilityToday();
  const view = readOutcomesUrl(params, today);
  const options = useQuery(trpc.outcomes.filterOptions.queryOptions());
  const dashboard = useQuery({
    ...trpc.outcomes.dashboard.queryOptions(view),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_EVERY_MS,
    refetchOnWindowFocus: true,
    retry: false,
  });
  const own = staff.role === 'counselor';
  usePageTitle(own ? 'Outcomes: my caseload' : 'Outcomes');

  function update(change: Partial<OutcomeFiltersInput>) {
    setParams(writeOutcomesUrl({ ...view, ...change }, today), { replace: true });
  }
  const error = dashboard.error ? errorInfo(dashboard.error) : null;
  const fieldError = (key: string) => error?.fieldErrors[key]?.[0];
  const o = options.data;
  const facilityNames = dashboard.data?.scope.facilities.join(', ') ?? staff.facility.name;
  const fileStem = `outcomes-${view.from}-to-${view.to}`;

  return (
    <div className="page outcomes-page">
      <header className="page-header">
        <h1>{own ? 'Outcomes: my caseload' : 'Outcomes'}</h1>
        <p className="muted">
          {own ? `Your own clients at ${staff.facility.name}.` : `${facilityNames}.`} Every figure
          is counted from the records as they are now, and says how it was counted.
        </p>
      </header>

      <form className="outcome-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label="From"
          type="date"
          value={view.from}
          onChange={(e) => e.target.value && update({ from: e.target.value })}
          error={fieldError('from')}
        />
        <TextField
          label="To"
          type="date"
          value={view.to}
          onChange={(e) => e.target.value && update({ to: e.target.value })}
          error={fieldError('to')}
        />
        {!own && o && o.facilities.length > 1 && (
          <SelectField
            label="Facility"
            value={view.facilityIds?.join(',') ?? ''}
            placeholder={`${staff.facility.name} (where you are working)`}
            options={{
              [o.facilities.map((f) => f.id).join(',')]: 'All my facilities',
              ...choices(o.facilities.map((f) => [f.id, f.name])),
            }}
            onChange={({ target: { value: v } }) =>
              update({ facilityIds: v ? v.split(',') : [], groupId: null, counselorId: null })
            }
            error={fieldError('facilityIds')}
          />
        )}
        <SelectField
          label="Program track"
          value={view.programTrack ?? ''}
          placeholder="All tracks"
          options={choices((o?.programTracks ?? []).map((t) => [t, t]))}
          onChange={({ target: { value: v } }) => update({ programTrack: v || null })}
          error={fieldError('programTrack')}
        />
        <SelectField
          label="Level of care"
          value={view.levelOfCare ?? ''}
          placeholder="All levels"
          options={LEVELS_OF_CARE}
          onChange={({ target: { value: v } }) =>
            update({ levelOfCare: (v || null) as OutcomeFiltersInput['levelOfCare'] })
          }
          error={fieldError('levelOfCare')}
        />
        {!own && (
          <SelectField
            label="Counselor"
            value={view.counselorId ?? ''}
            placeholder="All counselors"
            options={choices((o?.counselors ?? []).map((c) => [c.id, c.displayName]))}
            onChange={({ target: { value: v } }) => update({ counselorId: v || null })}
            error={fieldError('counselorId')}
          />
        )}
        <SelectField
          label="Group"
          value={view.groupId ?? ''}
          placeholder="All groups"
          options={choices((o?.groups ?? []).map((g) => [g.id, g.name]))}
          onChange={({ target: { value: v } }) => update({ groupId: v || null })}
          error={fieldError('groupId')}
        />
      </form>

      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {dashboard.data && (
        <p className="muted small live-note" aria-live="polite">
          Counted at {formatTime(dashboard.data.readAt, staff.facility.timeZone)}, for{' '}
          {dashboard.data.scope.from} to {dashboard.data.scope.to}; read again every 30 seconds.{' '}
          {dashboard.data.suppressionRule}
        </p>
      )}
      {dashboard.isPending && <p className="muted">Counting…</p>}
      {dashboard.data && (
        <div className="chart-grid indicator-grid" aria-busy={dashboard.isFetching}>
          {dashboard.data.indicators.map((indicator) => (
            <IndicatorCard
              key={indicator.id}
              indicator={indicator}
              fileStem={fileStem}
              csvHref={`/export/outcomes/${indicator.id}.csv?${exportQuery(view)}`}
            />
          ))}
        </div>
      )}
    </div>
  );
}
