import { formatName, GROUP_SESSION_STATES, type GroupFormatCode } from '@homegroup/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCurrentStaff } from '../auth/use-current-staff';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { formatDate, formatDateTime } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';
import { AddSessionForm, ArchiveGroupButton, EndEnrolmentButton } from './group-actions';

export function GroupPage() {
  const { groupId = '' } = useParams();
  const staff = useCurrentStaff();
  const trpc = useTRPC();
  const data = useQuery(trpc.groups.get.queryOptions({ groupId }));
  usePageTitle(data.data?.group.name ?? 'Group');
  if (data.isPending) return <p role="status">Loading the group…</p>;
  if (data.isError) {
    return (
      <p className="alert" role="alert">
        {errorInfo(data.error).message}
      </p>
    );
  }
  const { group, roster, sessions, today } = data.data;
  const canManage = staff.role === 'admin' || staff.role === 'counselor';
  const tz = staff.facility.timeZone;
  const current = roster.filter((r) => r.current || r.upcoming);
  const past = roster.filter((r) => !r.current && !r.upcoming);
  const upcoming = sessions.filter(
    (s) => new Date(s.startsAt).getTime() >= Date.now() - s.durationMinutes * 60_000,
  );
  const recent = sessions.filter((s) => !upcoming.includes(s)).reverse();

  return (
    <>
      <div className="page-head">
        <div>
          <p className="eyebrow">{group.kindLabel}</p>
          <h1>{group.name}</h1>
          <p className="lead">
            {group.schedule}
            {group.room ? ` · ${group.room}` : ''} · monitor {group.monitorName}
            {group.coFacilitatorName ? `, with ${group.coFacilitatorName}` : ''}
          </p>
        </div>
        {canManage && !group.archivedAt && (
          <div className="form-actions">
            <Link className="button" to={`/groups/${group.id}/edit`}>
              Edit group
            </Link>
            <ArchiveGroupButton groupId={group.id} />
          </div>
        )}
      </div>
      {group.archivedAt && <p className="notice">This group is archived.</p>}
      <ul className="chips" aria-label="Format">
        {group.formatCodes.map((c) => (
          <li key={c} className="chip">
            {formatName(c as GroupFormatCode)}
          </li>
        ))}
        <li className="chip">
          {group.enrolment === 'closed' ? 'Closed enrolment' : 'Open enrolment'}
        </li>
        <li className="chip">{group.participation === 'mandatory' ? 'Mandatory' : 'Optional'}</li>
        {group.capacity && <li className="chip">Up to {group.capacity}</li>}
        {group.minAge && <li className="chip">{group.minAge}+</li>}
      </ul>

      <div className="two-columns">
        <section aria-labelledby="sessions-title">
          <h2 id="sessions-title">Sessions</h2>
          <SessionList sessions={upcoming} tz={tz} empty="No sessions coming up." />
          {!group.archivedAt && (
            <AddSessionForm
              groupId={group.id}
              today={today}
              durationMinutes={group.durationMinutes}
            />
          )}
          {recent.length > 0 && (
            <details>
              <summary>Past four weeks ({recent.length})</summary>
              <SessionList sessions={recent} tz={tz} empty="" />
            </details>
          )}
        </section>

        <section aria-labelledby="roster-title">
          <h2 id="roster-title">Roster ({roster.filter((r) => r.current).length} today)</h2>
          {current.length === 0 && <p className="muted">Nobody is enrolled.</p>}
          <ul className="roster">
            {current.map((r) => (
              <li key={r.enrolmentId}>
                <span>{r.name}</span>
                <span className="muted">
                  {r.detail} · from {formatDate(r.startDate)}
                  {r.endDate ? ` to ${formatDate(r.endDate)}` : ''}
                  {r.overrideReason ? ` · mid-cycle: ${r.overrideReason}` : ''}
                </span>
                {canManage && r.current && !r.endDate && (
                  <EndEnrolmentButton enrolmentId={r.enrolmentId} name={r.name} today={today} />
                )}
              </li>
            ))}
          </ul>
          {canManage && !group.archivedAt && <EnrolForm groupId={group.id} today={today} />}
          {past.length > 0 && (
            <details>
              <summary>Left the group ({past.length})</summary>
              <ul className="roster">
                {past.map((r) => (
                  <li key={r.enrolmentId}>
                    <span>{r.name}</span>
                    <span className="muted">
                      {formatDate(r.startDate)} to {formatDate(r.endDate)}
                      {r.endReason ? ` · ${r.endReason}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      </div>
    </>
  );
}

function SessionList({
  sessions,
  tz,
  empty,
}: {
  sessions: {
    id: string;
    startsAt: Date | string;
    state: keyof typeof GROUP_SESSION_STATES;
    cancelReason: string | null;
  }[];
  tz: string;
  empty: string;
}) {
  if (sessions.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <ul className="session-list">
      {sessions.map((s) => (
        <li key={s.id}>
          <Link to={`/sessions/${s.id}`}>
            {formatDateTime(new Date(s.startsAt).toISOString(), tz)}
          </Link>
          <span className={`state state--${s.state}`}>{GROUP_SESSION_STATES[s.state]}</span>
          {s.cancelReason && <span className="muted">{s.cancelReason}</span>}
        </li>
      ))}
    </ul>
  );
}

function EnrolForm({ groupId, today }: { groupId: string; today: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<{
    person: { clientId: string } | { familyMemberId: string };
    name: string;
  } | null>(null);
  const [startDate, setStartDate] = useState(today);
  const [overrideReason, setOverrideReason] = useState('');
  const search = useQuery({
    ...trpc.groups.searchPeople.queryOptions({ q: q.trim() }),
    enabled: q.trim().length >= 2 && !picked,
  });
  const enrol = useMutation(
    trpc.groups.enrol.mutationOptions({
      onSuccess: async () => {
        setPicked(null);
        setQ('');
        setOverrideReason('');
        await queryClient.invalidateQueries({ queryKey: trpc.groups.pathKey() });
      },
    }),
  );
  const error = enrol.error ? errorInfo(enrol.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!picked) return;
    enrol.mutate({ groupId, person: picked.person, startDate, endDate: null, overrideReason });
  };
  return (
    <form className="panel" onSubmit={onSubmit} aria-labelledby="enrol-title">
      <h3 id="enrol-title">Enrol someone</h3>
      {picked ? (
        <p>
          <strong>{picked.name}</strong>{' '}
          <button type="button" className="link-button" onClick={() => setPicked(null)}>
            Choose someone else
          </button>
        </p>
      ) : (
        <>
          <TextField
            label="Find a client or family member"
            type="search"
            value={q}
            maxLength={60}
            onChange={(e) => setQ(e.target.value)}
          />
          {search.data && (
            <ul className="walk-in-results">
              {search.data.length === 0 && <li>No one at this facility matches “{q}”.</li>}
              {search.data.map((r) => (
                <li key={'clientId' in r.person ? r.person.clientId : r.person.familyMemberId}>
                  <button type="button" className="button" onClick={() => setPicked(r)}>
                    {r.name} <span className="muted">({r.detail})</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <TextField
        label="From"
        type="date"
        value={startDate}
        onChange={(e) => setStartDate(e.target.value)}
        error={error?.fieldErrors.startDate?.[0]}
      />
      <TextField
        label="Reason, if enrolling mid-cycle in a closed group"
        value={overrideReason}
        maxLength={500}
        onChange={(e) => setOverrideReason(e.target.value)}
        error={error?.fieldErrors.overrideReason?.[0]}
      />
      {error && !error.fieldErrors.startDate && !error.fieldErrors.overrideReason && (
        <p className="field-error" role="alert">
          {error.fieldErrors.person?.[0] ?? error.message}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary"
        disabled={!picked || enrol.isPending}
      >
        Enrol
      </button>
    </form>
  );
}
