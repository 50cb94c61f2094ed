import { ATTENDANCE_MODE_LABELS } from '@homegroup/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useFacilityToday } from '../lib/facility-today';
import { fellowshipName, formatNames, meetingWhen, meetingWhere } from '../meetings/meeting-format';
import { useTRPC } from '../trpc';
import { useRefreshAlumni } from './use-alumni-mutation';

/** Meetings ranked for this person, with the reasons; tick some and refer. */
export function MatchesPanel({ clientId }: { clientId: string }) {
  const today = useFacilityToday();
  const trpc = useTRPC();
  const refresh = useRefreshAlumni();
  const matches = useQuery(trpc.alumni.matches.queryOptions({ clientId }));
  const [chosen, setChosen] = useState<string[]>([]);
  const [alternative, setAlternative] = useState('');
  const [details, setDetails] = useState('');
  const refer = useMutation(
    trpc.alumni.refer.mutationOptions({
      onSuccess: async () => {
        setChosen([]);
        setAlternative('');
        setDetails('');
        await refresh();
      },
    }),
  );
  const error = refer.error ? errorInfo(refer.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    refer.mutate({
      clientId,
      meetingIds: chosen,
      alternativeName: alternative || null,
      alternativeDetails: details || null,
      on: today,
    });
  };
  return (
    <section className="panel" aria-labelledby="matches-title">
      <h2 id="matches-title">Meetings that fit</h2>
      {matches.isPending ? (
        <p role="status">Finding meetings…</p>
      ) : matches.isError ? (
        <p className="alert" role="alert">
          {errorInfo(matches.error).message}
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          {!matches.data.hasPreferences ? (
            <p className="empty-state">
              Save what they are looking for (at least the fellowship or the home area), and the
              directory's meetings are ranked for them here.
            </p>
          ) : matches.data.matches.length === 0 ? (
            <p className="empty-state">
              No meeting in the directory fits all of these preferences. Try fewer.
            </p>
          ) : (
            <ol className="match-list">
              {matches.data.matches.slice(0, 12).map(({ meeting: m, reasons, misses }) => (
                <li key={m.id} className="match">
                  <label className="match-pick">
                    <input
                      type="checkbox"
                      checked={chosen.includes(m.id)}
                      onChange={() =>
                        setChosen(
                          chosen.includes(m.id)
                            ? chosen.filter((id) => id !== m.id)
                            : [...chosen, m.id],
                        )
                      }
                    />{' '}
                    <strong>{m.name}</strong>
                  </label>
                  <div className="small">
                    {meetingWhen(m)} · {fellowshipName(m.fellowship)} ·{' '}
                    {ATTENDANCE_MODE_LABELS[m.attendanceMode]}
                  </div>
                  <div className="small muted">{meetingWhere(m)}</div>
                  {m.types.length > 0 && <div className="small muted">{formatNames(m.types)}</div>}
                  <ul className="reasons" aria-label="Why it fits">
                    {reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                    {misses.map((r) => (
                      <li key={r} className="miss">
                        {r}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
          <details className="alternative">
            <summary>
              Refer to a programme that is not in the directory (e.g. SMART Recovery)
            </summary>
            <TextField
              label="Programme"
              value={alternative}
              maxLength={200}
              onChange={(e) => setAlternative(e.target.value)}
            />
            <TextField
              label="Details (when, where, link)"
              value={details}
              maxLength={1000}
              onChange={(e) => setDetails(e.target.value)}
            />
          </details>
          {error && (
            <p className="field-error" role="alert">
              {error.fieldErrors.meetingIds?.[0] ?? error.message}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={refer.isPending}>
              Refer to{' '}
              {chosen.length > 0
                ? `${chosen.length} selected meeting${chosen.length > 1 ? 's' : ''}`
                : alternative
                  ? 'this programme'
                  : 'selected meetings'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
