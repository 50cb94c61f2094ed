import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { isSafeNext, SIGN_IN_MESSAGES, type SignInReason } from '../lib/sign-in-url';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';

export function SignInPage() {
  usePageTitle('Sign in');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const reason = params.get('reason') as SignInReason | null;
  const next = params.get('next');
  const notice = reason ? SIGN_IN_MESSAGES[reason] : undefined;

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  /** Set after a right password when the account uses two-step sign-in. */
  const [challenge, setChallenge] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const enter = () => {
    queryClient.clear();
    navigate(isSafeNext(next) ? next : '/', { replace: true });
  };
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      meta: { handlesSessionLoss: true },
      onSuccess: (result) => {
        if (result.status === 'code_needed') {
          setPassword('');
          setChallenge(result.challenge);
        } else {
          enter();
        }
      },
    }),
  );
  const signInCode = useMutation(
    trpc.auth.signInCode.mutationOptions({
      meta: { handlesSessionLoss: true },
      onSuccess: enter,
    }),
  );
  const failed = challenge ? signInCode.error : signIn.error;
  const error = failed ? errorInfo(failed) : null;
  const fieldError = (name: 'email' | 'password' | 'code') => error?.fieldErrors[name]?.[0];
  const formError =
    error && !fieldError('email') && !fieldError('password') && !fieldError('code')
      ? error.message
      : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (challenge) signInCode.mutate({ challenge, code });
    else signIn.mutate({ email, password });
  };
  const startAgain = () => {
    setChallenge(null);
    setCode('');
    signIn.reset();
    signInCode.reset();
  };

  if (challenge) {
    return (
      <main className="sign-in">
        <form
          className="sign-in-card"
          onSubmit={onSubmit}
          noValidate
          aria-labelledby="sign-in-title"
        >
          <div className="brand brand--large" aria-hidden="true">
            <span className="brand-mark" /> Homegroup
          </div>
          <h1 id="sign-in-title">Enter your code</h1>
          <p className="muted">
            Open the authenticator app on your phone and enter the 6-digit code it shows for
            Homegroup ({email}).
          </p>
          {formError && (
            <p className="alert" role="alert">
              {formError}
            </p>
          )}
          <TextField
            label="6-digit code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={fieldError('code')}
          />
          <button
            type="submit"
            className="button button--primary button--wide"
            disabled={signInCode.isPending}
          >
            {signInCode.isPending ? 'Checking…' : 'Sign in'}
          </button>
          <button type="button" className="link-button sign-in-card__again" onClick={startAgain}>
            Use a different account
          </button>
        </form>
      </main>
    );
  }

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={onSubmit} noValidate aria-labelledby="sign-in-title">
        <div className="brand brand--large" aria-hidden="true">
          <span className="brand-mark" /> Homegroup
        </div>
        <h1 id="sign-in-title">Sign in</h1>
        <p className="muted">Staff dashboard for groups, clients, alumni and outcomes.</p>

        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {formError && (
          <p className="alert" role="alert">
            {formError}
          </p>
        )}

        <TextField
          label="Work e-mail"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError('email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError('password')}
        />

        <button
          type="submit"
          className="button button--primary button--wide"
          disabled={signIn.isPending}
        >
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
