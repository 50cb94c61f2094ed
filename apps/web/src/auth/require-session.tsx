import { Navigate, Outlet, useLocation } from 'react-router';
import { sessionLostReason } from '../lib/errors';
import { signInUrl } from '../lib/sign-in-url';
import { useForgetDraftsOnSignOut } from '../sessions/use-forget-drafts-on-sign-out';
import { useMeQuery } from './use-current-staff';

/** Shows its pages only to a signed-in staff member; anyone else goes to sign in first. */
export function RequireSession() {
  const me = useMeQuery();
  const location = useLocation();
  useForgetDraftsOnSignOut();
  if (me.isPending) {
    return (
      <p className="page-loading" role="status">
        Loading Homegroup…
      </p>
    );
  }
  if (me.isError) {
    const reason = sessionLostReason(me.error);
    if (reason) {
      return <Navigate replace to={signInUrl(reason, location.pathname + location.search)} />;
    }
    return (
      <div className="page-loading" role="alert">
        <p>Homegroup could not load. Check the network connection, then try again.</p>
        <button type="button" className="button" onClick={() => me.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return <Outlet context={{ staff: me.data }} />;
}
