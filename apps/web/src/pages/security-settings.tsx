import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';

/** The facility's sign-in rule an admin sets: require two-step sign-in of admins. */
export function SecuritySettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.facility.securitySettings.queryOptions());
  const save = useMutation(
    trpc.facility.updateSecuritySettings.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.facility.pathKey() }),
    }),
  );
  return (
    <section className="form" aria-labelledby="security-settings-title">
      <h2 id="security-settings-title">Sign-in</h2>
      {settings.isError && (
        <p className="alert" role="alert">
          {errorInfo(settings.error).message}
        </p>
      )}
      {settings.data && (
        <label className="check">
          <input
            type="checkbox"
            checked={settings.data.requireAdminTwoFactor}
            disabled={save.isPending}
            onChange={(e) => save.mutate({ requireAdminTwoFactor: e.target.checked })}
          />
          Admins must use two-step sign-in (a code from an authenticator app). An admin without it
          can only set it up until they do.
        </label>
      )}
      {save.error && (
        <p className="alert" role="alert">
          {errorInfo(save.error).message}
        </p>
      )}
      {save.isSuccess && (
        <p className="notice" role="status">
          Saved.
        </p>
      )}
    </section>
  );
}
