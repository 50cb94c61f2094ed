import type { RouterOutputs } from '@homegroup/api';
import { RELATIONSHIPS } from '@homegroup/validators';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';
import { useRefreshClients } from './use-client-mutation';

type Family = RouterOutputs['clients']['page']['family'];

/** Relatives linked to the client, who can then join family, spousal, parental or grief groups. */
export function FamilyPanel({ clientId, family }: { clientId: string; family: Family }) {
  const trpc = useTRPC();
  const refresh = useRefreshClients();
  const [draft, setDraft] = useState({
    firstName: '',
    lastName: '',
    relationship: '',
    dateOfBirth: '',
  });
  const id = useId();
  const add = useMutation(
    trpc.clients.addFamilyMember.mutationOptions({
      onSuccess: async () => {
        setDraft({ firstName: '', lastName: '', relationship: '', dateOfBirth: '' });
        await refresh();
      },
    }),
  );
  const error = add.error ? errorInfo(add.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({
      clientId,
      firstName: draft.firstName,
      lastName: draft.lastName,
      preferredName: null,
      relationship: draft.relationship as (typeof RELATIONSHIPS)[number],
      dateOfBirth: draft.dateOfBirth || null,
    });
  };
  return (
    <section aria-labelledby="family-title" className="panel">
      <h2 id="family-title">Family</h2>
      {family.length === 0 ? (
        <p className="muted">No relatives linked yet.</p>
      ) : (
        <ul>
          {family.map((f) => (
            <li key={f.id}>
              {f.preferredName ?? f.firstName} {f.lastName}{' '}
              <span className="muted">· {f.relationship}</span>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Link a relative</summary>
        <form className="inline-form" onSubmit={onSubmit} noValidate>
          <TextField
            label="First name"
            value={draft.firstName}
            onChange={(e) => setDraft({ ...draft, firstName: e.target.value })}
            error={error?.fieldErrors.firstName?.[0]}
          />
          <TextField
            label="Last name"
            value={draft.lastName}
            onChange={(e) => setDraft({ ...draft, lastName: e.target.value })}
            error={error?.fieldErrors.lastName?.[0]}
          />
          <div className="field">
            <label htmlFor={id}>Relationship</label>
            <select
              id={id}
              value={draft.relationship}
              onChange={(e) => setDraft({ ...draft, relationship: e.target.value })}
            >
              <option value="">Choose…</option>
              {RELATIONSHIPS.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
            {error?.fieldErrors.relationship && (
              <p className="field-error">{error.fieldErrors.relationship[0]}</p>
            )}
          </div>
          <TextField
            label="Date of birth (family groups are 18+)"
            type="date"
            value={draft.dateOfBirth}
            onChange={(e) => setDraft({ ...draft, dateOfBirth: e.target.value })}
            error={error?.fieldErrors.dateOfBirth?.[0]}
          />
          <button type="submit" className="button" disabled={add.isPending}>
            Link relative
          </button>
        </form>
      </details>
    </section>
  );
}
