import { ATTENDANCE_STATUSES, ENGAGEMENT_LEVELS } from '@homegroup/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { errorInfo } from '../lib/errors';
import { formatDate } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';

/** A client's record; for now, who they are and their group attendance history. */
export function ClientPage() {
  const { clientId = '' } = useParams();
  const trpc = useTRPC();
  const data = useQuery(trpc.clients.attendanceHistory.queryOptions({ clientId }));
  const c = data.data?.client;
  usePageTitle(c ? `${c.preferredName ?? c.firstName} ${c.lastName}` : 'Client');
  if (data.isPending) return <p role="status">Loading the client…</p>;
  if (data.isError) {
    return (
      <p className="alert" role="alert">
        {errorInfo(data.error).message}
      </p>
    );
  }
  const { client, history } = data.data;
  const attended = history.filter((h) =>
    ['present', 'late', 'left_early'].includes(h.status),
  ).length;
  return (
    <>
      <p className="eyebrow">
        <Link to="/clients">Clients</Link> · {client.recordNumber}
      </p>
      <h1>
        {client.preferredName ?? client.firstName} {client.lastName}
        {client.preferredName && <span className="muted"> ({client.firstName})</span>}
      </h1>
      <p className="lead">
        {client.status === 'alumni' ? 'Alumni' : 'In treatment'} · admitted{' '}
        {formatDate(client.admissionDate)}
        {client.dischargeDate ? ` · discharged ${formatDate(client.dischargeDate)}` : ''}
      </p>

      <section aria-labelledby="history-title">
        <h2 id="history-title">Group attendance</h2>
        {history.length === 0 ? (
          <p className="empty-state">No group attendance recorded yet.</p>
        ) : (
          <>
            <p>
              Came to {attended} of the {history.length} sessions recorded for{' '}
              {client.preferredName ?? client.firstName}.
            </p>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Group</th>
                  <th scope="col">Attendance</th>
                  <th scope="col">Shared</th>
                  <th scope="col">Engagement</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.sessionId}>
                    <td className="nowrap">{formatDate(h.date)}</td>
                    <td>{h.groupName}</td>
                    <td>
                      {ATTENDANCE_STATUSES[h.status]}
                      {h.lateMinutes ? ` (${h.lateMinutes} min)` : ''}
                      {h.leftEarlyMinutes ? ` (${h.leftEarlyMinutes} min early)` : ''}
                      {h.excuseReason ? `: ${h.excuseReason}` : ''}
                      {h.walkIn && <span className="tag">Walk-in</span>}
                    </td>
                    <td>
                      {h.participation === 'shared'
                        ? 'Shared'
                        : h.participation === 'listened'
                          ? 'Listened'
                          : '—'}
                    </td>
                    <td>
                      {h.engagementRating
                        ? `${h.engagementRating} · ${ENGAGEMENT_LEVELS[h.engagementRating as 1].label}`
                        : '—'}
                    </td>
                    <td>{h.individualNote ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </>
  );
}
