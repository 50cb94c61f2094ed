import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useCurrentStaff } from '../auth/use-current-staff';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useTRPC } from '../trpc';

/** Two-step sign-in: its state, setting it up with a phone, and turning it off. */
export function TwoFactorPanel() {
  const trpc = useTRPC();
  const status = useQuery(trpc.auth.twoFactorStatus.queryOptions());
  if (status.isPending) return <p role="status">Loading two-step sign-in…</p>;
  if (status.isError) {
    return (
      <p className="alert" role="alert">
        {errorInfo(status.error).message}
      </p>
    );
  }
  const { enabled, enabledAt, required } = status.data;
  return (
    <section className="panel" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">Two-step sign-in</h2>
      {required && !enabled && (
        <p className="alert" role="alert">
          Your facility requires admins to use two-step sign-in. Set it up below to go on using
          Homegroup.
        </p>
      )}
      {enabled ? <TurnOff enabledAt={enabledAt} required={required} /> : <SetUp />}
    </section>
  );
}

function useRefreshAccount() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.auth.pathKey() });
}

function SetUp() {
  const trpc = useTRPC();
  const refresh = useRefreshAccount();
  const [code, setCode] = useState('');
  const start = useMutation(trpc.auth.startTwoFactor.mutationOptions());
  const confirm = useMutation(trpc.auth.confirmTwoFactor.mutationOptions({ onSuccess: refresh }));
  const error = confirm.error ? errorInfo(confirm.error) : null;
  const onConfirm = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate({ code });
  };
  if (!start.data) {
    return (
      <>
        <p>
          Off. With two-step sign-in, signing in needs your password and a 6-digit code from an
          authenticator app on your phone, so a stolen password alone opens nothing.
        </p>
        {start.error && (
          <p className="alert" role="alert">
            {errorInfo(start.error).message}
          </p>
        )}
        <button
          type="button"
          className="button button--primary"
          disabled={start.isPending}
          onClick={() => start.mutate()}
        >
          Set up two-step sign-in
        </button>
      </>
    );
  }
  return (
    <form className="two-factor-setup" onSubmit={onConfirm} noValidate>
      <ol>
        <li>
          Open an authenticator app on your phone (for example Google Authenticator, Microsoft
          Authenticator or 1Password) and add an account.
        </li>
        <li>
          Scan this code with it:
          <img
            className="two-factor-setup__qr"
            src={`data:image/svg+xml;utf8,${encodeURIComponent(start.data.qrSvg)}`}
            alt="QR code for your authenticator app"
            width={200}
            height={200}
          />
          Or type this key:{' '}
          <code className="two-factor-setup__key">{groupsOfFour(start.data.secret)}</code>
        </li>
        <li>Enter the 6-digit code the app now shows.</li>
      </ol>
      <TextField
        label="6-digit code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={error?.fieldErrors.code?.[0]}
      />
      {error && !error.fieldErrors.code && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={confirm.isPending}>
        Turn on two-step sign-in
      </button>
    </form>
  );
}

function groupsOfFour(secret: string) {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

function TurnOff({ enabledAt, required }: { enabledAt: string | null; required: boolean }) {
  const timeZone = useCurrentStaff().facility.timeZone;
  const trpc = useTRPC();
  const refresh = useRefreshAccount();
  const [asking, setAsking] = useState(false);
  const [currentPassword, setPassword] = useState('');
  const turnOff = useMutation(trpc.auth.turnOffTwoFactor.mutationOptions({ onSuccess: refresh }));
  const error = turnOff.error ? errorInfo(turnOff.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    turnOff.mutate({ currentPassword });
  };
  return (
    <>
      <p>
        <strong>On</strong>
        {enabledAt ? ` since ${formatDateTime(enabledAt, timeZone)}` : ''}. Signing in asks for a
        code from your authenticator app.
      </p>
      {required ? (
        <p className="muted">
          Your facility requires it of admins. If you lose your phone, ask another admin to reset
          it.
        </p>
      ) : asking ? (
        <form onSubmit={onSubmit} noValidate className="inline-form">
          <TextField
            label="Your password, to turn it off"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setPassword(e.target.value)}
            error={error?.fieldErrors.currentPassword?.[0]}
          />
          <button type="submit" className="button" disabled={turnOff.isPending}>
            Turn off two-step sign-in
          </button>
          {error && !error.fieldErrors.currentPassword && (
            <p className="alert" role="alert">
              {error.message}
            </p>
          )}
        </form>
      ) : (
        <button type="button" className="link-button" onClick={() => setAsking(true)}>
          Turn off…
        </button>
      )}
    </>
  );
}
