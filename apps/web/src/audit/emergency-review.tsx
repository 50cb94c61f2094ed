import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentStaff } from '../auth/use-current-staff';
import { errorInfo } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useTRPC } from '../trpc';

const OUTCOME_WORDS = { appropriate: 'Appropriate', not_appropriate: 'Not appropriate' } as const;

/** The queue of emergency ("break the glass") accesses, waiting ones first, each reviewed once. */
export function EmergencyReview() {
  const tz = useCurrentStaff().facility.timeZone;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queue = useQuery(trpc.emergency.reviewQueue.queryOptions());
  const review = useMutation(
    trpc.emergency.review.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.emergency.pathKey() }),
    }),
  );
  const [notes, setNotes] = useState<Record<string, string>>({});
  const waiting = queue.data?.filter((g) => !g.review).length ?? 0;
  return (
    <section className="panel" aria-labelledby="review-title">
      <h2 id="review-title">
        Emergency access to review{queue.data ? ` (${waiting} waiting)` : ''}
      </h2>
      {queue.isPending && <p role="status">Loading…</p>}
      {queue.isError && (
        <p className="alert" role="alert">
          {errorInfo(queue.error).message}
        </p>
      )}
      {review.error && (
        <p className="alert" role="alert">
          {errorInfo(review.error).message}
        </p>
      )}
      {queue.data && queue.data.length === 0 && <p>No one has used emergency access here.</p>}
      {queue.data && queue.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Client</th>
              <th scope="col">Reason</th>
              <th scope="col">Views</th>
              <th scope="col">Review</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.map((g) => (
              <tr key={g.id}>
                <td>
                  {formatDateTime(g.grantedAt, tz)}
                  {g.live && <div className="chip">Open now</div>}
                </td>
                <td>{g.staffName}</td>
                <td>
                  {g.client.name}
                  <div className="muted">{g.client.recordNumber}</div>
                </td>
                <td>{g.reason}</td>
                <td>{g.reads}</td>
                <td>
                  {g.review ? (
                    <>
                      <strong>{OUTCOME_WORDS[g.review.outcome ?? 'appropriate']}</strong>
                      <div className="muted">
                        {g.review.by}, {formatDateTime(g.review.at, tz)}
                        {g.review.note ? `: ${g.review.note}` : ''}
                      </div>
                    </>
                  ) : (
                    <div className="review-actions">
                      <label className="visually-hidden" htmlFor={`note-${g.id}`}>
                        Review note
                      </label>
                      <input
                        id={`note-${g.id}`}
                        placeholder="Note (optional)"
                        value={notes[g.id] ?? ''}
                        onChange={(e) => setNotes({ ...notes, [g.id]: e.target.value })}
                      />
                      <button
                        type="button"
                        className="button"
                        disabled={review.isPending}
                        onClick={() =>
                          review.mutate({
                            grantId: g.id,
                            outcome: 'appropriate',
                            note: notes[g.id],
                          })
                        }
                      >
                        Appropriate
                      </button>
                      <button
                        type="button"
                        className="button"
                        disabled={review.isPending}
                        onClick={() =>
                          review.mutate({
                            grantId: g.id,
                            outcome: 'not_appropriate',
                            note: notes[g.id],
                          })
                        }
                      >
                        Not appropriate
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
