import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useCurrentStaff } from '../auth/use-current-staff';
import { errorInfo } from '../lib/errors';
import { formatDate, formatTime } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';
import '../account/account.css';

/** A client's record opened under emergency access: read-only, with the time it ends. */
export function EmergencyRecordPage() {
  usePageTitle('Emergency access');
  const { clientId = '' } = useParams();
  const tz = useCurrentStaff().facility.timeZone;
  const trpc = useTRPC();
  const record = useQuery({
    ...trpc.emergency.record.queryOptions({ clientId }),
    // Each look is one audited read; do not read again in the background.
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  if (record.isPending) return <p role="status">Opening the record…</p>;
  if (record.isError) {
    return (
      <div className="account">
        <p className="alert" role="alert">
          {errorInfo(record.error).message}
        </p>
        <Link to="/emergency">Emergency access</Link>
      </div>
    );
  }
  const { grant, page } = record.data;
  const c = page.client;
  return (
    <div className="account emergency-record">
      <p className="alert" role="status">
        Emergency access, read-only, until {formatTime(grant.expiresAt, tz)}. This view is recorded
        and will be reviewed. Your reason: “{grant.reason}”
      </p>
      <h1>
        {c.firstName} {c.lastName}
        {c.preferredName ? ` (“${c.preferredName}”)` : ''}
      </h1>
      <dl className="facts">
        <dt>Record number</dt>
        <dd>{c.recordNumber}</dd>
        <dt>Pronouns</dt>
        <dd>{c.pronouns ?? '—'}</dd>
        <dt>Date of birth</dt>
        <dd>{formatDate(c.dateOfBirth)}</dd>
        <dt>Admitted</dt>
        <dd>{formatDate(c.admissionDate)}</dd>
        <dt>Counselor</dt>
        <dd>{c.counselorName ?? 'None assigned'}</dd>
        <dt>Support person</dt>
        <dd>{c.supportPerson ?? '—'}</dd>
      </dl>
      <section className="panel">
        <h2>Open flags</h2>
        {page.flags.filter((f) => !f.acknowledgedAt).length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {page.flags
              .filter((f) => !f.acknowledgedAt)
              .map((f) => (
                <li key={f.id}>{f.reason}</li>
              ))}
          </ul>
        )}
      </section>
      <section className="panel">
        <h2>Family and support</h2>
        {page.family.length === 0 ? (
          <p>None recorded.</p>
        ) : (
          <ul>
            {page.family.map((f) => (
              <li key={f.id}>
                {f.firstName} {f.lastName} ({f.relationship})
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
