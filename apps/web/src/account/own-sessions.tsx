import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCurrentStaff } from '../auth/use-current-staff';
import { deviceName } from '../lib/device-name';
import { errorInfo } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useTRPC } from '../trpc';

/** Where the staff member is signed in now, with a way to end any of the others. */
export function OwnSessions() {
  const timeZone = useCurrentStaff().facility.timeZone;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.auth.mySessions.queryOptions());
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.auth.mySessions.queryKey() });
  const endOne = useMutation(trpc.auth.endSession.mutationOptions({ onSettled: refresh }));
  const endOthers = useMutation(trpc.auth.endOtherSessions.mutationOptions({ onSettled: refresh }));
  const failure = endOne.error ?? endOthers.error;
  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are signed in</h2>
      {sessions.isPending && <p role="status">Loading…</p>}
      {sessions.isError && (
        <p className="alert" role="alert">
          {errorInfo(sessions.error).message}
        </p>
      )}
      {failure && (
        <p className="alert" role="alert">
          {errorInfo(failure).message}
        </p>
      )}
      {sessions.data && (
        <>
          <ul className="session-list">
            {sessions.data.map((s) => (
              <li key={s.id} className="session-list__item">
                <div>
                  <strong>{deviceName(s.device)}</strong>
                  {s.current && <span className="chip chip--current">This device</span>}
                  <div className="muted">
                    Signed in {formatDateTime(s.signedInAt, timeZone)} at {s.facilityName}
                    {s.address ? ` from ${s.address}` : ''}. Last active{' '}
                    {formatDateTime(s.lastSeenAt, timeZone)}.
                  </div>
                </div>
                {!s.current && (
                  <button
                    type="button"
                    className="button"
                    disabled={endOne.isPending}
                    onClick={() => endOne.mutate({ sessionId: s.id })}
                  >
                    Sign out this session
                  </button>
                )}
              </li>
            ))}
          </ul>
          {sessions.data.length > 1 && (
            <button
              type="button"
              className="button"
              disabled={endOthers.isPending}
              onClick={() => endOthers.mutate()}
            >
              Sign out all other sessions
            </button>
          )}
          {endOthers.isSuccess && (
            <p className="notice" role="status">
              Signed out of {endOthers.data.ended} other session
              {endOthers.data.ended === 1 ? '' : 's'}.
            </p>
          )}
        </>
      )}
    </section>
  );
}
