import { EMERGENCY_REASON_MIN } from '@homegroup/validators';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorInfo } from '../lib/errors';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';
import '../account/account.css';

/**
 * Emergency access ("break the glass"), for staff whose role does not open client records: find
 * the person, say why, and the record opens read-only for an hour. The clinical director reviews
 * every use.
 */
export function EmergencyPage() {
  usePageTitle('Emergency access');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const [reason, setReason] = useState('');
  const found = useQuery({
    ...trpc.emergency.findClient.queryOptions({ query: submitted }),
    enabled: submitted.length >= 2,
  });
  const open = useMutation(
    trpc.emergency.open.mutationOptions({
      onSuccess: () => navigate(`/emergency/${chosen?.id ?? ''}`),
    }),
  );
  const error = open.error ? errorInfo(open.error) : null;
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setChosen(null);
    setSubmitted(query.trim());
  };
  const onOpen = (e: FormEvent) => {
    e.preventDefault();
    if (chosen) open.mutate({ clientId: chosen.id, reason });
  };

  return (
    <div className="account">
      <h1>Emergency access to a client record</h1>
      <p className="notice">
        Use this only when someone's safety depends on information your role does not show, and no
        counselor or clinical director can be reached. The record opens read-only for one hour. Your
        name, your reason and everything you open are recorded and reviewed by the clinical
        director.
      </p>

      <form className="inline-form" onSubmit={onSearch} aria-label="Find a client">
        <label htmlFor="emergency-search">Client name or record number</label>
        <input
          id="emergency-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
        <button type="submit" className="button">
          Find
        </button>
      </form>
      {submitted.length > 0 && submitted.length < 2 && (
        <p className="field-error">Type at least 2 letters of a name or record number.</p>
      )}
      {found.isError && (
        <p className="alert" role="alert">
          {errorInfo(found.error).message}
        </p>
      )}
      {found.data && found.data.length === 0 && <p>No client at this facility matches.</p>}
      {found.data && found.data.length > 0 && !chosen && (
        <ul className="session-list">
          {found.data.map((c) => {
            const name = `${c.firstName} ${c.lastName}`;
            return (
              <li key={c.id} className="session-list__item">
                <span>
                  <strong>{name}</strong>
                  {c.preferredName ? ` (“${c.preferredName}”)` : ''} · {c.recordNumber}
                </span>
                <button
                  type="button"
                  className="button"
                  onClick={() => setChosen({ id: c.id, name })}
                >
                  Choose
                </button>
              </li>
            );
          })}
        </ul>
      )}

      {chosen && (
        <form className="panel form" onSubmit={onOpen} noValidate>
          <h2>Open the record of {chosen.name}</h2>
          <div className="field">
            <label htmlFor="emergency-reason">
              Why do you need this record now? (at least {EMERGENCY_REASON_MIN} characters)
            </label>
            <textarea
              id="emergency-reason"
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={error?.fieldErrors.reason ? true : undefined}
            />
            {error?.fieldErrors.reason && (
              <p className="field-error">{error.fieldErrors.reason[0]}</p>
            )}
          </div>
          {error && !error.fieldErrors.reason && (
            <p className="alert" role="alert">
              {error.message}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={open.isPending}>
              Open the record (recorded)
            </button>
            <button type="button" className="button" onClick={() => setChosen(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
