import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentStaff } from '../auth/use-current-staff';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';
import { navItemsFor } from './nav-items';
import { useIdleSignOut } from './use-idle-sign-out';

export function AppShell() {
  const staff = useCurrentStaff();
  useIdleSignOut(staff.idleTimeoutMinutes);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);

  // After moving to another page, put keyboard and screen-reader focus on its content.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" /> Homegroup
        </div>
        <FacilityPicker />
        <div className="topbar-user">
          <span className="user-name">{staff.displayName}</span>
          <span className="user-role">{staff.roleLabel}</span>
        </div>
        <Link to="/account" className="button">
          Account
        </Link>
        <SignOutButton />
      </header>
      <nav className="sidebar" aria-label="Main">
        <ul>
          {navItemsFor(staff.role).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === '/'} className="nav-link">
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" ref={mainRef} tabIndex={-1}>
        {staff.twoFactorSetupRequired && location.pathname !== '/account' ? (
          // The facility requires two-step sign-in of admins: nothing else opens until it is set up.
          <Navigate to="/account" replace />
        ) : (
          <Outlet context={{ staff }} />
        )}
      </main>
    </div>
  );
}

function FacilityPicker() {
  const staff = useCurrentStaff();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const switchFacility = useMutation(
    trpc.auth.switchFacility.mutationOptions({
      onSuccess: () => {
        // Nothing read at the old facility stays on screen or in memory.
        queryClient.clear();
        navigate('/');
      },
    }),
  );

  if (staff.facilities.length < 2) {
    return (
      <div className="facility">
        <span className="facility-label">Facility</span>
        <span className="facility-name">{staff.facility.name}</span>
      </div>
    );
  }
  return (
    <div className="facility">
      <label className="facility-label" htmlFor="facility-picker">
        Facility
      </label>
      <select
        id="facility-picker"
        className="facility-select"
        value={staff.facility.id}
        disabled={switchFacility.isPending}
        onChange={(e) => switchFacility.mutate({ facilityId: e.target.value })}
      >
        {staff.facilities.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name} ({f.roleLabel})
          </option>
        ))}
      </select>
      {switchFacility.error && (
        <p className="field-error" role="alert">
          {errorInfo(switchFacility.error).message}
        </p>
      )}
    </div>
  );
}

function SignOutButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        navigate('/login?reason=signed_out', { replace: true });
      },
    }),
  );
  return (
    <button
      type="button"
      className="button"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      Sign out
    </button>
  );
}
