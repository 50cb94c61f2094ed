import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../trpc';

/** Finds a client of the facility by name or record number and chooses one. */
export function ClientPicker({
  chosenName,
  onChoose,
}: {
  chosenName: string | null;
  onChoose: (id: string | null, name: string | null) => void;
}) {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const found = useQuery({
    ...trpc.clients.list.queryOptions({ search, pageSize: 8 }),
    enabled: search.trim().length >= 2,
  });
  if (chosenName) {
    return (
      <div className="field">
        <span className="field-label">Client</span>
        <span>
          {chosenName}{' '}
          <button type="button" className="link-button" onClick={() => onChoose(null, null)}>
            Change
          </button>
        </span>
      </div>
    );
  }
  return (
    <div className="field client-picker">
      <label htmlFor="audit-client">Client (name or record number)</label>
      <input
        id="audit-client"
        value={search}
        autoComplete="off"
        onChange={(e) => setSearch(e.target.value)}
      />
      {found.data && search.trim().length >= 2 && (
        <ul className="client-picker__list">
          {found.data.rows.length === 0 && <li className="muted">No client matches.</li>}
          {found.data.rows.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setSearch('');
                  onChoose(c.id, `${c.firstName} ${c.lastName} (${c.recordNumber})`);
                }}
              >
                {c.firstName} {c.lastName} · {c.recordNumber}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
