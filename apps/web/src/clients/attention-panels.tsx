import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useCurrentStaff } from '../auth/use-current-staff';
import { errorInfo } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useTRPC } from '../trpc';

/** For Today: flags nobody has acknowledged, and milestones to celebrate this week. */
export function AttentionPanels() {
  const staff = useCurrentStaff();
  const trpc = useTRPC();
  const mine = staff.role === 'counselor';
  const flags = useQuery(trpc.clients.needsAttention.queryOptions({ mine }));
  const milestones = useQuery(trpc.clients.upcomingMilestones.queryOptions({ mine }));
  return (
    <div className="two-columns">
      <section aria-labelledby="attention-title" className="panel">
        <h2 id="attention-title">Needs attention{mine ? ': my clients' : ''}</h2>
        {flags.isError && <p className="alert">{errorInfo(flags.error).message}</p>}
        {flags.data?.length === 0 && (
          <p className="muted">No open flags. Nobody is drifting by the facility’s rules.</p>
        )}
        {flags.data && flags.data.length > 0 && (
          <>
            <ul className="attention-list">
              {flags.data.slice(0, 12).map((f) => (
                <li key={f.flagId}>
                  <Link to={`/clients/${f.clientId}`}>{f.name}</Link>{' '}
                  <span className="flag">{f.ruleLabel}</span>
                  <div className="muted small">
                    {f.reason} Since {formatDate(f.raisedOn)}.
                  </div>
                </li>
              ))}
            </ul>
            <Link to={`/clients?flag=unacknowledged${mine ? '' : '&counselor=all'}`}>
              All {flags.data.length} in the caseload
            </Link>
          </>
        )}
      </section>
      <section aria-labelledby="milestones-title" className="panel">
        <h2 id="milestones-title">Milestones in the next 7 days</h2>
        {milestones.isError && <p className="alert">{errorInfo(milestones.error).message}</p>}
        {milestones.data?.upcoming.length === 0 && (
          <p className="muted">No milestones this week.</p>
        )}
        <ul className="attention-list">
          {milestones.data?.upcoming.map((m) => (
            <li key={`${m.clientId}-${m.label}`}>
              <Link to={`/clients/${m.clientId}`}>{m.name}</Link>: <strong>{m.label}</strong> on{' '}
              {formatDate(m.date)}
              {m.keytag && <span className="muted"> · {m.keytag} keytag</span>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
