import { AUDIT_ACTIONS } from '@homegroup/validators';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useCurrentStaff } from '../auth/use-current-staff';
import { Pager } from '../components/pager';
import { errorInfo } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useTRPC } from '../trpc';
import { ClientPicker } from './client-picker';
import { DisclosureAccounting } from './disclosure-accounting';

type Action = (typeof AUDIT_ACTIONS)[number];
const ACTION_WORDS: Record<Action, string> = {
  create: 'Create',
  read: 'Read',
  update: 'Update',
  delete: 'Delete',
  execute: 'Execute',
  sign_in: 'Sign in',
  sign_out: 'Sign out',
  export: 'Export',
  disclose: 'Disclose',
};

interface Filter {
  clientId: string | null;
  staffUserId: string | null;
  action: Action | null;
  from: string | null;
  to: string | null;
}
const NO_FILTER: Filter = { clientId: null, staffUserId: null, action: null, from: null, to: null };
const PAGE_SIZE = 50;

/** The audit trail of the facility: filters, a page of events, and the same as CSV. */
export function AuditTrail() {
  const tz = useCurrentStaff().facility.timeZone;
  const trpc = useTRPC();
  const options = useQuery(trpc.audit.filterOptions.queryOptions());
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [clientName, setClientName] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [page, setPage] = useState(1);
  const events = useQuery({
    ...trpc.audit.events.queryOptions({ filter, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const error = events.error ? errorInfo(events.error) : null;
  const onApply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
    setPage(1);
  };
  const csvQuery = new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== null),
  ).toString();

  return (
    <section className="panel" aria-labelledby="trail-title">
      <h2 id="trail-title">Audit trail</h2>
      <p className="muted">
        Every read and change of client records, every export and disclosure, sign-ins, and changes
        to staff and settings at this facility. Looking here is recorded too.
      </p>
      <form className="filters audit-filters" onSubmit={onApply} noValidate>
        <ClientPicker
          chosenName={clientName}
          onChoose={(id, name) => {
            setDraft({ ...draft, clientId: id });
            setClientName(name);
          }}
        />
        <div className="field">
          <label htmlFor="audit-staff">Staff member</label>
          <select
            id="audit-staff"
            value={draft.staffUserId ?? ''}
            onChange={(e) => setDraft({ ...draft, staffUserId: e.target.value || null })}
          >
            <option value="">Anyone</option>
            {options.data?.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select
            id="audit-action"
            value={draft.action ?? ''}
            onChange={(e) =>
              setDraft({ ...draft, action: (e.target.value || null) as Action | null })
            }
          >
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_WORDS[a]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input
            id="audit-from"
            type="date"
            value={draft.from ?? ''}
            onChange={(e) => setDraft({ ...draft, from: e.target.value || null })}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To</label>
          <input
            id="audit-to"
            type="date"
            value={draft.to ?? ''}
            aria-invalid={error?.fieldErrors.to ? true : undefined}
            onChange={(e) => setDraft({ ...draft, to: e.target.value || null })}
          />
        </div>
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            Show
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(NO_FILTER);
              setClientName(null);
              setFilter(NO_FILTER);
              setPage(1);
            }}
          >
            Clear
          </button>
          <a
            className="button"
            href={`/export/audit.csv${csvQuery ? `?${csvQuery}` : ''}`}
            download
          >
            Download CSV
          </a>
        </div>
      </form>
      {error && (
        <p className="alert" role="alert">
          {Object.values(error.fieldErrors).flat()[0] ?? error.message}
        </p>
      )}
      {events.data && (
        <>
          <table className="table audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Staff member</th>
                <th scope="col">Action</th>
                <th scope="col">Record</th>
                <th scope="col">Client</th>
                <th scope="col">Outcome</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {events.data.rows.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.occurredAt, tz)}</td>
                  <td>{e.staffName ?? '—'}</td>
                  <td>{ACTION_WORDS[e.action as Action] ?? e.action}</td>
                  <td>
                    {e.entityType.replaceAll('_', ' ')}
                    {detailWords(e.detail) && <div className="muted">{detailWords(e.detail)}</div>}
                  </td>
                  <td>
                    {e.client ? (
                      <>
                        {e.client.name ?? '—'}
                        <div className="muted">{e.client.recordNumber}</div>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className={e.outcome === 'failure' ? 'text-danger' : undefined}>
                    {e.outcome === 'success' ? 'Done' : 'Refused'}
                  </td>
                  <td>{e.sourceIp ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {events.data.rowCount === 0 && <p>No events match these filters.</p>}
          <Pager
            page={page}
            pages={Math.max(1, Math.ceil(events.data.rowCount / PAGE_SIZE))}
            summary={`${events.data.rowCount.toLocaleString()} events`}
            onPage={setPage}
          />
        </>
      )}
      {filter.clientId && <DisclosureAccounting clientId={filter.clientId} />}
    </section>
  );
}

/** A few words from an event's detail that a reviewer needs: a reason, a change, a refusal. */
function detailWords(detail: Record<string, unknown>): string | null {
  const words = ['change', 'reason', 'review', 'refused']
    .map((key) => detail[key])
    .filter((v): v is string => typeof v === 'string');
  if (typeof detail.before === 'string' && typeof detail.after === 'string') {
    words.push(`${detail.before} → ${detail.after}`);
  }
  if (typeof detail.emergencyAccessGrantId === 'string') words.push('under emergency access');
  return words.length > 0 ? words.join('; ').replaceAll('_', ' ') : null;
}
