import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorInfo } from '../lib/errors';
import { formatDate } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';

const PAGE_SIZE = 25;
const STATUS_LABEL = { in_treatment: 'In treatment', alumni: 'Alumni' } as const;

export function ClientsPage() {
  usePageTitle('Clients');
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const search = params.get('q') ?? '';
  const [typed, setTyped] = useState(search);
  const searchId = useId();

  // Search after a short pause in typing; the search is kept in the address, so it can be shared.
  useEffect(() => {
    const handle = window.setTimeout(() => {
      if (typed.trim() === search) return;
      setParams((p) => {
        const next = new URLSearchParams(p);
        if (typed.trim()) next.set('q', typed.trim());
        else next.delete('q');
        next.delete('page');
        return next;
      });
    }, 300);
    return () => window.clearTimeout(handle);
  }, [typed, search, setParams]);

  const list = useQuery({
    ...trpc.clients.list.queryOptions({ page, pageSize: PAGE_SIZE, search: search || undefined }),
    placeholderData: keepPreviousData,
  });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.rowCount / PAGE_SIZE)) : 1;
  const goTo = (n: number) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('page', String(n));
      return next;
    });

  return (
    <>
      <h1>Clients</h1>
      <p className="lead">Everyone admitted at this facility, in treatment and alumni.</p>
      <div className="toolbar">
        <label htmlFor={searchId}>Find a client</label>
        <input
          id={searchId}
          type="search"
          placeholder="Name or record number"
          value={typed}
          maxLength={100}
          onChange={(e) => setTyped(e.target.value)}
        />
      </div>
      {list.isError && (
        <p className="alert" role="alert">
          {errorInfo(list.error).message}
        </p>
      )}
      {list.isPending && <p role="status">Loading clients…</p>}
      {list.data && list.data.rowCount === 0 && (
        <p className="empty-state">
          {search ? `No client matches “${search}”.` : 'No clients at this facility yet.'}
        </p>
      )}
      {list.data && list.data.rowCount > 0 && (
        <>
          <table className="table">
            <caption className="visually-hidden">
              Clients, page {page} of {pages}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Record</th>
                <th scope="col">Status</th>
                <th scope="col">Admitted</th>
                <th scope="col">Discharged</th>
              </tr>
            </thead>
            <tbody>
              {list.data.rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/clients/${c.id}`}>
                      {c.preferredName ?? c.firstName} {c.lastName}
                    </Link>
                    {c.preferredName && <span className="muted"> ({c.firstName})</span>}
                  </td>
                  <td className="nowrap">{c.recordNumber}</td>
                  <td className="nowrap">{STATUS_LABEL[c.status]}</td>
                  <td className="nowrap">{formatDate(c.admissionDate)}</td>
                  <td className="nowrap">{formatDate(c.dischargeDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="Pages">
            <button
              type="button"
              className="button"
              disabled={page <= 1}
              onClick={() => goTo(page - 1)}
            >
              Previous
            </button>
            <span>
              Page {page} of {pages} · {list.data.rowCount} clients
            </span>
            <button
              type="button"
              className="button"
              disabled={page >= pages}
              onClick={() => goTo(page + 1)}
            >
              Next
            </button>
          </nav>
        </>
      )}
    </>
  );
}
