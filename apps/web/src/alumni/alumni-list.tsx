import { DISCHARGE_TYPES, FOLLOW_UP_CHOICES } from '@homegroup/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Pager } from '../components/pager';
import { errorInfo } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useTRPC } from '../trpc';

/** Alumni, or clients still in treatment whose referrals can be prepared before they leave. */
export function AlumniList({ status }: { status: 'alumni' | 'in_treatment' }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery(trpc.alumni.list.queryOptions({ status, search, page, pageSize: 25 }));
  const pages = list.data ? Math.max(1, Math.ceil(list.data.rowCount / 25)) : 1;
  return (
    <section aria-label={status === 'alumni' ? 'Alumni' : 'Clients nearing discharge'}>
      <div className="toolbar">
        <label>
          Find by name or record number{' '}
          <input
            type="search"
            value={search}
            maxLength={100}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
          />
        </label>
        {list.data && <span className="muted">{list.data.rowCount} people</span>}
      </div>
      {list.isPending ? (
        <p role="status">Loading…</p>
      ) : list.isError ? (
        <p className="alert" role="alert">
          {errorInfo(list.error).message}
        </p>
      ) : list.data.rows.length === 0 ? (
        <p className="empty-state">Nobody matches.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">{status === 'alumni' ? 'Discharged' : 'Admitted'}</th>
                <th scope="col">Follow-up</th>
                <th scope="col">Open referrals</th>
                <th scope="col">Active consents</th>
                <th scope="col">Next call</th>
              </tr>
            </thead>
            <tbody>
              {list.data.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/alumni/${r.id}`}>
                      {r.preferredName ?? r.firstName} {r.lastName}
                    </Link>
                    <div className="muted small">{r.recordNumber}</div>
                  </td>
                  <td>
                    {status === 'alumni'
                      ? formatDate(r.dischargeDate)
                      : formatDate(r.admissionDate)}
                    {r.dischargeType && (
                      <div className="muted small">{DISCHARGE_TYPES[r.dischargeType]}</div>
                    )}
                  </td>
                  <td>{r.alumniFollowUp ? FOLLOW_UP_CHOICES[r.alumniFollowUp] : '—'}</td>
                  <td>{r.openReferrals}</td>
                  <td>{r.activeConsents}</td>
                  <td>
                    {r.nextFollowUp ? (
                      <span
                        className={
                          r.followUpUrgency === 'overdue' ? 'urgency urgency-tag--overdue' : ''
                        }
                      >
                        {formatDate(r.nextFollowUp)}
                      </span>
                    ) : (
                      '—'
                    )}
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
