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
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      meta: { handlesSessionLoss: true },
      onSuccess: async () => {
        queryClient.clear();
        navigate(isSafeNext(next) ? next : '/', { replace: true });
      },
    }),
  );
  const error = signIn.error ? errorInfo(signIn.error) : null;
  const fieldError = (name: 'email' | 'password') => error?.fieldErrors[name]?.[0];
  const formError = error && !fieldError('email') && !fieldError('password') ? error.message : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };

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
