import type { RouterOutputs } from '@homegroup/api';
import { FLAG_RULES } from '@homegroup/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorInfo } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useTRPC } from '../trpc';
import { useRefreshClients } from './use-client-mutation';

type Flag = RouterOutputs['clients']['page']['flags'][number];

function AcknowledgeForm({ flag }: { flag: Flag }) {
  const trpc = useTRPC();
  const refresh = useRefreshClients();
  const [note, setNote] = useState('');
  const id = useId();
  const ack = useMutation(trpc.clients.acknowledgeFlag.mutationOptions({ onSuccess: refresh }));
  const error = ack.error ? errorInfo(ack.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    ack.mutate({ flagId: flag.id, note });
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={id}>What did you do or decide?</label>
      <textarea
        id={id}
        rows={2}
        value={note}
        maxLength={1000}
        onChange={(e) => setNote(e.target.value)}
        aria-invalid={error?.fieldErrors.note ? true : undefined}
      />
      {error && <p className="field-error">{error.fieldErrors.note?.[0] ?? error.message}</p>}
      <button type="submit" className="button" disabled={ack.isPending}>
        Acknowledge
      </button>
    </form>
  );
}

/** Open flags with their reasons, each acknowledged with a note; recently cleared ones below. */
export function FlagsPanel({ flags }: { flags: Flag[] }) {
  const open = flags.filter((f) => f.clearedOn === null);
  const cleared = flags.filter((f) => f.clearedOn !== null);
  return (
    <section aria-labelledby="flags-title" className="panel">
      <h2 id="flags-title">Flags</h2>
      {open.length === 0 && (
        <p className="muted">No flags. Attendance and engagement look steady.</p>
      )}
      <ul className="flag-items">
        {open.map((f) => (
          <li key={f.id} className={f.acknowledgedAt ? 'flag-item flag-item--done' : 'flag-item'}>
            <p>
              <strong>{FLAG_RULES[f.rule]}</strong>{' '}
              <span className="muted">since {formatDate(f.raisedOn)}</span>
            </p>
            <p>{f.reason}</p>
            {f.acknowledgedAt ? (
              <p className="muted">
                Acknowledged by {f.acknowledgedByName} on{' '}
                {formatDate(f.acknowledgedAt.slice(0, 10))}: “{f.acknowledgementNote}”
              </p>
            ) : (
              <AcknowledgeForm flag={f} />
            )}
          </li>
        ))}
      </ul>
      {cleared.length > 0 && (
        <details>
          <summary>Cleared in the last 90 days ({cleared.length})</summary>
          <ul>
            {cleared.map((f) => (
              <li key={f.id}>
                {FLAG_RULES[f.rule]}: {formatDate(f.raisedOn)} to {formatDate(f.clearedOn)}
                {f.acknowledgementNote ? ` · “${f.acknowledgementNote}”` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
