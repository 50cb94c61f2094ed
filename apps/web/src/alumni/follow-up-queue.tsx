import { CONTACT_OUTCOMES, type ContactOutcome } from '@homegroup/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Pager } from '../components/pager';
import { errorInfo } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useTRPC } from '../trpc';

type Show = 'due' | 'upcoming' | 'all_open';
const URGENCY_WORDS = {
  overdue: 'Overdue',
  due: 'Due',
  upcoming: 'Coming up',
  later: 'Later',
} as const;

/** The coordinator's call list: who to ring today, oldest first. */
export function FollowUpQueue() {
  const trpc = useTRPC();
  const [show, setShow] = useState<Show>('due');
  const [page, setPage] = useState(1);
  const queue = useQuery(trpc.alumni.followUpQueue.queryOptions({ show, page, pageSize: 25 }));
  if (queue.isPending) return <p role="status">Loading follow-up calls…</p>;
  if (queue.isError)
    return (
      <p className="alert" role="alert">
        {errorInfo(queue.error).message}
      </p>
    );
  const { rows, rowCount, counts } = queue.data;
  const pages = Math.max(1, Math.ceil(rowCount / 25));
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title" className="visually-hidden">
        Follow-up calls
      </h2>
      <dl className="figures" aria-label="Calls at a glance">
        <div className="figure figure--alert">
          <dt>Overdue</dt>
          <dd>{counts.overdue}</dd>
          <dd className="muted small">more than a week past the due date</dd>
        </div>
        <div className="figure">
          <dt>Due now</dt>
          <dd>{counts.due}</dd>
          <dd className="muted small">due in the last 7 days</dd>
        </div>
        <div className="figure">
          <dt>Coming up</dt>
          <dd>{counts.upcoming}</dd>
          <dd className="muted small">in the next 14 days</dd>
        </div>
      </dl>
      <div className="toolbar">
        <label>
          Show{' '}
          <select
            value={show}
            onChange={(e) => {
              setShow(e.target.value as Show);
              setPage(1);
            }}
          >
            <option value="due">Due and overdue</option>
            <option value="upcoming">Coming up (14 days)</option>
            <option value="all_open">All open calls</option>
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="empty-state">
          {show === 'due' ? 'No calls are due. Nicely done.' : 'No open calls in this view.'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Alumnus</th>
                <th scope="col">Call</th>
                <th scope="col">Due</th>
                <th scope="col">Phone</th>
                <th scope="col">Tries so far</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={`urgency--${r.urgency}`}>
                  <td>
                    <Link to={`/alumni/${r.clientId}#follow-up`}>
                      {r.preferredName ?? r.firstName} {r.lastName}
                    </Link>
                    <div className="muted small">
                      {r.recordNumber} · discharged {formatDate(r.dischargeDate)}
                    </div>
                  </td>
                  <td>{r.daysAfterDischarge}-day call</td>
                  <td>
                    <span className={`urgency urgency-tag--${r.urgency}`}>
                      {URGENCY_WORDS[r.urgency]}
                    </span>{' '}
                    {formatDate(r.dueOn)}
                  </td>
                  <td>{r.phone ?? <span className="muted">no number</span>}</td>
                  <td>
                    {r.attempts === 0
                      ? 'None yet'
                      : `${r.attempts} (last: ${CONTACT_OUTCOMES[r.lastOutcome as ContactOutcome]?.toLowerCase() ?? '—'})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && <Pager page={page} pages={pages} onPage={setPage} />}
    </section>
  );
}
