import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { errorInfo } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useTRPC } from '../trpc';
import './alumni.css';

/** On Today: the alumni calls that are due, so the coordinator starts the day with them. */
export function FollowUpToday() {
  const trpc = useTRPC();
  const queue = useQuery(trpc.alumni.followUpQueue.queryOptions({ show: 'due', pageSize: 8 }));
  return (
    <section aria-labelledby="today-calls">
      <h2 id="today-calls">Follow-up calls due</h2>
      {queue.isPending && <p role="status">Loading calls…</p>}
      {queue.isError && (
        <p className="alert" role="alert">
          {errorInfo(queue.error).message}
        </p>
      )}
      {queue.data && (
        <>
          <p>
            <strong>{queue.data.counts.overdue}</strong> overdue ·{' '}
            <strong>{queue.data.counts.due}</strong> due this week ·{' '}
            <strong>{queue.data.counts.upcoming}</strong> coming up.{' '}
            <Link to="/alumni">Open the call list</Link>
          </p>
          {queue.data.rows.length > 0 && (
            <ul className="today-list">
              {queue.data.rows.map((r) => (
                <li key={r.id} className="today-item">
                  <span className="today-time">{formatDate(r.dueOn)}</span>
                  <span className="today-main">
                    <Link to={`/alumni/${r.clientId}#follow-up`}>
                      {r.preferredName ?? r.firstName} {r.lastName}
                    </Link>
                    <span className="muted">{r.daysAfterDischarge}-day call</span>
                  </span>
                  <span className={`urgency urgency-tag--${r.urgency}`}>
                    {r.urgency === 'overdue' ? 'Overdue' : 'Due'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
