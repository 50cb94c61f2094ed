import { usePageTitle } from '../lib/use-page-title';
import { AuditTrail } from './audit-trail';
import { EmergencyReview } from './emergency-review';
import '../account/account.css';

/** Admins: emergency access to review, and the facility's audit trail with its filters. */
export function AuditPage() {
  usePageTitle('Audit');
  return (
    <div>
      <h1>Audit</h1>
      <EmergencyReview />
      <AuditTrail />
    </div>
  );
}
