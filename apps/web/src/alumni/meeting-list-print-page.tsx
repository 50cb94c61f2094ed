import { ATTENDANCE_MODE_LABELS } from '@homegroup/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { errorInfo } from '../lib/errors';
import { usePageTitle } from '../lib/use-page-title';
import { fellowshipName, formatNames, meetingWhen } from '../meetings/meeting-format';
import { useTRPC } from '../trpc';
import './alumni.css';

const OPEN = new Set(['suggested', 'accepted', 'first_attended', 'attending']);

/**
 * The list a client takes home: the meetings they were referred to, as public listings only. It
 * names neither the client nor the facility, so losing it discloses nothing.
 */
export function MeetingListPrintPage() {
  const { clientId = '' } = useParams();
  const trpc = useTRPC();
  const data = useQuery(trpc.alumni.page.queryOptions({ clientId }));
  usePageTitle('Meetings to try');
  if (data.isPending) return <p role="status">Loading…</p>;
  if (data.isError) {
    return (
      <p className="alert" role="alert">
        {errorInfo(data.error).message}
      </p>
    );
  }
  const referrals = data.data.referrals.filter((r) => OPEN.has(r.status));
  return (
    <main className="print-sheet meeting-sheet">
      <div className="no-print button-row">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          Print
        </button>
        <span className="muted small">This list carries no name and nothing about treatment.</span>
      </div>
      <h1>Meetings to try</h1>
      {referrals.length === 0 ? (
        <p>No meetings have been chosen yet.</p>
      ) : (
        <ol className="sheet-meetings">
          {referrals.map((r) => {
            const m = r.meeting;
            if (!m) {
              return (
                <li key={r.id}>
                  <h2>{r.alternative?.name}</h2>
                  {r.alternative?.details && <p>{r.alternative.details}</p>}
                </li>
              );
            }
            return (
              <li key={r.id}>
                <h2>{m.name}</h2>
                <p>
                  <strong>{meetingWhen(m)}</strong> · {fellowshipName(m.fellowship)} ·{' '}
                  {ATTENDANCE_MODE_LABELS[m.attendanceMode]}
                </p>
                {m.attendanceMode !== 'online' && (
                  <p>
                    {[m.location, m.formattedAddress].filter(Boolean).join(', ')}
                    {m.locationNotes && <span className="small"> ({m.locationNotes})</span>}
                  </p>
                )}
                {m.conferenceUrl && <p>Online: {m.conferenceUrl}</p>}
                {m.conferencePhone && <p>By phone: {m.conferencePhone}</p>}
                {m.types.length > 0 && <p className="small">{formatNames(m.types)}</p>}
              </li>
            );
          })}
        </ol>
      )}
      <p className="small sheet-foot">
        Times and places come from public meeting listings and can change: check the listing before
        you go. Meetings are free, and newcomers are welcome at open meetings.
      </p>
    </main>
  );
}
