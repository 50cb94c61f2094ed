import type { RouterOutputs } from '@homegroup/api';
import { REFERRAL_STATUSES, type ReferralStatus } from '@homegroup/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorInfo } from '../lib/errors';
import { useFacilityToday } from '../lib/facility-today';
import { formatDate } from '../lib/format';
import { meetingWhen, meetingWhere } from '../meetings/meeting-format';
import { useTRPC } from '../trpc';
import { useRefreshAlumni } from './use-alumni-mutation';

type Referral = RouterOutputs['alumni']['page']['referrals'][number];

function MoveForm({ referral }: { referral: Referral }) {
  const today = useFacilityToday();
  const trpc = useTRPC();
  const refresh = useRefreshAlumni();
  const [status, setStatus] = useState<ReferralStatus | ''>('');
  const [on, setOn] = useState(today);
  const move = useMutation(
    trpc.alumni.moveReferral.mutationOptions({
      onSuccess: async () => {
        setStatus('');
        await refresh();
      },
    }),
  );
  const error = move.error ? errorInfo(move.error) : null;
  if (referral.next.length === 0) return null;
  return (
    <form
      className="move-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (status) move.mutate({ referralId: referral.id, version: referral.version, status, on });
      }}
    >
      <label>
        Now{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value as ReferralStatus)}>
          <option value="">Choose…</option>
          {referral.next.map((s) => (
            <option key={s} value={s}>
              {REFERRAL_STATUSES[s]}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        on <input type="date" value={on} onChange={(e) => setOn(e.target.value)} />
      </label>{' '}
      <button type="submit" className="button small" disabled={!status || move.isPending}>
        Record
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error.fieldErrors.on?.[0] ?? error.fieldErrors.status?.[0] ?? error.message}
        </p>
      )}
    </form>
  );
}

export function ReferralsPanel({ referrals }: { clientId: string; referrals: Referral[] }) {
  return (
    <section className="panel" aria-labelledby="referrals-title">
      <h2 id="referrals-title">Referrals</h2>
      <p className="muted small">
        Community meetings do not confirm attendance; first meeting and regular attendance are what
        the alumnus tells you.
      </p>
      {referrals.length === 0 ? (
        <p className="empty-state">No referrals yet. Choose meetings that fit above.</p>
      ) : (
        <ul className="referral-list">
          {referrals.map((r) => (
            <li key={r.id} className={`referral referral--${r.status}`}>
              <div className="referral-head">
                <strong>{r.meeting?.name ?? r.alternative?.name}</strong>{' '}
                <span className={`state referral-state--${r.status}`}>
                  {REFERRAL_STATUSES[r.status]}
                </span>{' '}
                <span className="muted small">since {formatDate(r.statusOn)}</span>
              </div>
              {r.meeting && (
                <div className="small">
                  {meetingWhen(r.meeting)} · {meetingWhere(r.meeting)}
                  {r.meeting.retired && <strong> · no longer listed by its feed</strong>}
                </div>
              )}
              {r.alternative?.details && <div className="small">{r.alternative.details}</div>}
              <ol className="history small" aria-label="History">
                {r.history.map((h) => (
                  <li key={`${h.status}-${h.recordedAt}`}>
                    {REFERRAL_STATUSES[h.status]} {formatDate(h.occurredOn)} · {h.recordedBy}
                    {h.note && <span className="muted"> — {h.note}</span>}
                  </li>
                ))}
              </ol>
              <MoveForm referral={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
