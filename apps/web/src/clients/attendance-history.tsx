import type { RouterOutputs } from '@homegroup/api';
import { ATTENDANCE_STATUSES, attended as came, ENGAGEMENT_LEVELS } from '@homegroup/core';
import { useQuery } from '@tanstack/react-query';
import { formatDate } from '../lib/format';
import { useTRPC } from '../trpc';

type History = RouterOutputs['clients']['attendanceHistory'];

/** Every session recorded for the client, newest first, with what the monitor noted. */
export function AttendanceHistory({ clientId }: { clientId: string }) {
  const trpc = useTRPC();
  const data = useQuery(trpc.clients.attendanceHistory.queryOptions({ clientId }));
  if (!data.data) return null;
  const { client, history }: History = data.data;
  const attended = history.filter((h) => came(h.status)).length;
  return (
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
  );
}
