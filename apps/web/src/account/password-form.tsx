import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';

/** Change one's own password: the current one, then a new one that meets the policy. */
export function PasswordForm() {
  const trpc = useTRPC();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrent('');
        setNew('');
      },
    }),
  );
  const error = change.error ? errorInfo(change.error) : null;
  const fieldError = (name: 'currentPassword' | 'newPassword') => error?.fieldErrors[name]?.[0];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ currentPassword, newPassword });
  };
  return (
    <form className="panel form" onSubmit={onSubmit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <p className="muted">
        At least 12 characters. A few unrelated words make a password that is easy to remember and
        hard to guess. Common passwords are refused. Changing it signs you out everywhere else.
      </p>
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
        error={fieldError('currentPassword')}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        error={fieldError('newPassword')}
      />
      {error && !fieldError('currentPassword') && !fieldError('newPassword') && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
      {change.isSuccess && (
        <p className="notice" role="status">
          Password changed.{' '}
          {change.data.otherSessionsEnded > 0
            ? `${change.data.otherSessionsEnded} other session${change.data.otherSessionsEnded === 1 ? ' was' : 's were'} signed out.`
            : ''}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          Change password
        </button>
      </div>
    </form>
  );
}
