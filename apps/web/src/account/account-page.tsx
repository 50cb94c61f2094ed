import { useCurrentStaff } from '../auth/use-current-staff';
import { usePageTitle } from '../lib/use-page-title';
import { OwnSessions } from './own-sessions';
import { PasswordForm } from './password-form';
import { TwoFactorPanel } from './two-factor-panel';
import './account.css';

/** A staff member's own account: password, two-step sign-in and where they are signed in. */
export function AccountPage() {
  usePageTitle('Account security');
  const staff = useCurrentStaff();
  return (
    <div className="account">
      <h1>Account security</h1>
      <p className="lead">
        {staff.displayName} · {staff.email}
      </p>
      <TwoFactorPanel />
      <PasswordForm />
      <OwnSessions />
    </div>
  );
}
