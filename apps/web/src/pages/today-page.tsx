import type { RouterOutputs } from '@homegroup/api';
import { GROUP_SESSION_STATES } from '@homegroup/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { FollowUpToday } from '../alumni/follow-up-today';
import { useCurrentStaff } from '../auth/use-current-staff';
import { AttentionPanels } from '../clients/attention-panels';
import { errorInfo } from '../lib/errors';
import { formatDate, formatDateTime, formatTime } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';

type TodaySession = RouterOutputs['sessions']['today']['sessions'][number];

function needsText(s: TodaySession) {
  if (s.state === 'cancelled') return `Cancelled: ${s.cancelReason}`;
  if (s.needs.attendance)
    return `Needs attendance (${s.recordedCount} of ${s.rosterCount} recorded)`;
  if (s.needs.signature) return 'Needs the monitor’s signature';
  return 'Done';
}

export function TodayPage() {
  usePageTitle('Today');
  const staff = useCurrentStaff();
  const trpc = useTRPC();
  const overview = useQuery(trpc.facility.overview.queryOptions());
  const runsGroups = staff.role !== 'alumni_coordinator';
  const today = useQuery({ ...trpc.sessions.today.queryOptions(), enabled: runsGroups });
  const tz = staff.facility.timeZone;

  return (
    <>
      <h1>Today</h1>
      <p className="lead">
        {overview.data ? `${formatDate(overview.data.today, 'full')} at ` : ''}
        {staff.facility.name}
      </p>
      {overview.isError && (
        <p className="alert" role="alert">
          {errorInfo(overview.error).message}
        </p>
      )}

      {(staff.role === 'counselor' || staff.role === 'admin') && <AttentionPanels />}
      {(staff.role === 'alumni_coordinator' || staff.role === 'admin') && <FollowUpToday />}

      {runsGroups && (
        <section aria-labelledby="today-sessions">
          <h2 id="today-sessions">Groups today</h2>
          {today.isPending && <p role="status">Loading today’s groups…</p>}
          {today.isError && (
            <p className="alert" role="alert">
              {errorInfo(today.error).message}
            </p>
          )}
          {today.data?.sessions.length === 0 && (
            <p className="empty-state">No groups meet today.</p>
          )}
          {today.data && today.data.sessions.length > 0 && (
            <ul className="today-list">
              {today.data.sessions.map((s) => (
                <li key={s.id} className={`today-item${s.mine ? ' today-item--mine' : ''}`}>
                  <span className="today-time">{formatTime(s.startsAt, tz)}</span>
                  <span className="today-main">
                    {s.canOpen ? (
                      <Link to={`/sessions/${s.id}`}>{s.groupName}</Link>
                    ) : (
                      <span>{s.groupName}</span>
                    )}
                    <span className="muted">
                      {s.room ? `${s.room} · ` : ''}
                      {s.monitorName}
                      {s.mine ? ' (you)' : ''}
                    </span>
                  </span>
                  <span className={`state state--${s.state}`}>{GROUP_SESSION_STATES[s.state]}</span>
                  <span className="today-needs">{needsText(s)}</span>
                </li>
              ))}
            </ul>
          )}

          {today.data && today.data.overdue.length > 0 && (
            <section aria-labelledby="overdue-title" className="overdue">
              <h2 id="overdue-title">
                Overdue ({today.data.overdue.length}): past sessions still missing attendance or a
                signature after {today.data.overdueAfterHours} hours
              </h2>
              <ul className="today-list">
                {today.data.overdue.map((s) => (
                  <li key={s.id} className="today-item">
                    <span className="today-time">{formatDateTime(s.startsAt, tz)}</span>
                    <span className="today-main">
                      {s.canOpen ? (
                        <Link to={`/sessions/${s.id}`}>{s.groupName}</Link>
                      ) : (
                        <span>{s.groupName}</span>
                      )}
                      <span className="muted">{s.monitorName}</span>
                    </span>
                    <span className="today-needs">{needsText(s)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </section>
      )}

      {overview.data && (
        <section aria-labelledby="census-title" className="cards">
          <h2 id="census-title" className="visually-hidden">
            Census
          </h2>
          <div className="card">
            <span className="card-figure">{overview.data.inTreatment}</span>
            <span className="card-label">clients in treatment</span>
          </div>
          <div className="card">
            <span className="card-figure">{overview.data.alumni}</span>
            <span className="card-label">alumni</span>
          </div>
        </section>
      )}
    </>
  );
}
