import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '../trpc';
import type { SessionPerson } from './entry-draft';

/** Finds a client or family member at the facility and adds them to the session as a walk-in. */
export function WalkInPicker({
  exclude,
  onPick,
}: {
  exclude: Set<string>;
  onPick: (person: SessionPerson) => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [q, setQ] = useState('');
  const search = useQuery({
    ...trpc.groups.searchPeople.queryOptions({ q: q.trim() }),
    enabled: q.trim().length >= 2,
  });
  const results = (search.data ?? [])
    .map((r) => ({
      key: 'clientId' in r.person ? `c:${r.person.clientId}` : `f:${r.person.familyMemberId}`,
      ...r,
    }))
    .filter((r) => !exclude.has(r.key));

  return (
    <div className="walk-in">
      <label htmlFor={id}>Add a walk-in</label>
      <input
        id={id}
        type="search"
        placeholder="Type a name"
        value={q}
        maxLength={60}
        onChange={(e) => setQ(e.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        Results appear below as you type.
      </span>
      {q.trim().length >= 2 && (
        <ul className="walk-in-results" aria-label="Matching people">
          {search.isPending && <li>Searching…</li>}
          {search.data && results.length === 0 && (
            <li>No one else at this facility matches “{q}”.</li>
          )}
          {results.map((r) => (
            <li key={r.key}>
              <button
                type="button"
                className="button"
                onClick={() => {
                  onPick({
                    key: r.key,
                    person: r.person,
                    name: r.name,
                    detail: r.detail,
                    onRoster: false,
                    entry: null,
                  });
                  setQ('');
                }}
              >
                Add {r.name} <span className="muted">({r.detail})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
