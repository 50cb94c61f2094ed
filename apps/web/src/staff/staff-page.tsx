import { ROLE_LABELS, type Role } from '@homegroup/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentStaff } from '../auth/use-current-staff';
import { errorInfo } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';
import { AddStaffForm } from './add-staff-form';
import '../account/account.css';

/** Admins: who works at the facility, their roles, and turning accounts off at once. */
export function StaffPage() {
  usePageTitle('Staff');
  const me = useCurrentStaff();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useQuery(trpc.staff.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.staff.pathKey() });
  const setRole = useMutation(trpc.staff.setRole.mutationOptions({ onSettled: refresh }));
  const setActive = useMutation(trpc.staff.setActive.mutationOptions({ onSettled: refresh }));
  const resetTwoFactor = useMutation(
    trpc.staff.resetTwoFactor.mutationOptions({ onSettled: refresh }),
  );
  const [adding, setAdding] = useState(false);
  const failure = setRole.error ?? setActive.error ?? resetTwoFactor.error;
  const tz = me.facility.timeZone;

  return (
    <div>
      <div className="page-head">
        <h1>Staff at {me.facility.name}</h1>
        {!adding && (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            Add a staff member
          </button>
        )}
      </div>
      <p className="lead">
        Turning an account off signs that person out everywhere at once. Every change here is on the
        audit record.
      </p>
      {adding && <AddStaffForm onDone={() => setAdding(false)} />}
      {failure && (
        <p className="alert" role="alert">
          {errorInfo(failure).message}
        </p>
      )}
      {setActive.isSuccess && setActive.data.sessionsEnded > 0 && (
        <p className="notice" role="status">
          Account turned off; {setActive.data.sessionsEnded} open session
          {setActive.data.sessionsEnded === 1 ? ' was' : 's were'} ended.
        </p>
      )}
      {staff.isPending && <p role="status">Loading staff…</p>}
      {staff.isError && (
        <p className="alert" role="alert">
          {errorInfo(staff.error).message}
        </p>
      )}
      {staff.data && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role here</th>
              <th scope="col">Account</th>
              <th scope="col">Two-step sign-in</th>
              <th scope="col">Last signed in here</th>
            </tr>
          </thead>
          <tbody>
            {staff.data.map((s) => (
              <tr key={s.id} className={s.active ? undefined : 'row--muted'}>
                <td>
                  <strong>{s.displayName}</strong>
                  {s.you && ' (you)'}
                  <div className="muted">{s.email}</div>
                </td>
                <td>
                  {s.you ? (
                    s.roleLabel
                  ) : (
                    <select
                      aria-label={`Role of ${s.displayName}`}
                      value={s.role}
                      disabled={setRole.isPending}
                      onChange={(e) => {
                        const role = e.target.value as Role;
                        if (
                          window.confirm(
                            `Change ${s.displayName}'s role here from ${s.roleLabel} to ${ROLE_LABELS[role]}? It takes effect at their next click.`,
                          )
                        ) {
                          setRole.mutate({ staffUserId: s.id, role });
                        }
                      }}
                    >
                      {(Object.entries(ROLE_LABELS) as [Role, string][]).map(([role, label]) => (
                        <option key={role} value={role}>
                          {label}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>
                  {s.active
                    ? 'On'
                    : `Off since ${s.disabledAt ? formatDateTime(s.disabledAt, tz) : '—'}`}
                  {!s.you && (
                    <div>
                      <button
                        type="button"
                        className={s.active ? 'link-button link-button--danger' : 'link-button'}
                        disabled={setActive.isPending}
                        onClick={() => {
                          const sure =
                            s.active &&
                            window.confirm(
                              `Turn off ${s.displayName}'s account? They are signed out at once and cannot sign in until it is turned on again.`,
                            );
                          if (!s.active || sure) {
                            setActive.mutate({ staffUserId: s.id, active: !s.active });
                          }
                        }}
                      >
                        {s.active ? 'Turn account off' : 'Turn account on'}
                      </button>
                    </div>
                  )}
                </td>
                <td>
                  {s.twoFactor ? 'On' : 'Off'}
                  {s.twoFactor && !s.you && (
                    <div>
                      <button
                        type="button"
                        className="link-button"
                        disabled={resetTwoFactor.isPending}
                        onClick={() => {
                          if (
                            window.confirm(
                              `Reset ${s.displayName}'s two-step sign-in (for a lost phone)? They will sign in with their password and set it up again.`,
                            )
                          ) {
                            resetTwoFactor.mutate({ staffUserId: s.id });
                          }
                        }}
                      >
                        Reset (lost phone)
                      </button>
                    </div>
                  )}
                </td>
                <td>{s.lastSignInAt ? formatDateTime(s.lastSignInAt, tz) : 'Never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
