import { ENGAGEMENT_LEVELS, GROUP_SESSION_STATES, stepLabel, TWELVE_STEPS } from '@homegroup/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCurrentStaff } from '../auth/use-current-staff';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { newUuid } from '../lib/new-uuid';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';
import { readDraft, removeDraft, tabStorage, writeDraft } from './draft-store';
import {
  type Details,
  type Draft,
  draftFrom,
  EMPTY_DRAFT,
  type EntryInput,
  type SessionView,
} from './entry-draft';
import { PersonRow } from './person-row';
import { WalkInPicker } from './walk-in-picker';

export function SessionPage() {
  const { sessionId = '' } = useParams();
  const trpc = useTRPC();
  const view = useQuery(trpc.sessions.get.queryOptions({ sessionId }));
  usePageTitle(view.data ? `${view.data.session.groupName} session` : 'Session');
  if (view.isPending) return <p role="status">Loading the session…</p>;
  if (view.isError) {
    return (
      <p className="alert" role="alert">
        {errorInfo(view.error).message}
      </p>
    );
  }
  return <SessionLogger key={view.data.session.id} view={view.data} />;
}

function SessionLogger({ view }: { view: SessionView }) {
  const trpc = useTRPC();
  const staff = useCurrentStaff();
  const clinical = staff.role === 'admin' || staff.role === 'counselor';
  const queryClient = useQueryClient();
  const { session } = view;
  // Entries not yet saved are kept in this tab (see draft-store): after a reload, a lost
  // connection or signing in again they come back, until they are saved or discarded.
  const storage = tabStorage();
  const [kept] = useState(() =>
    session.state === 'cancelled' ? null : readDraft(storage, staff.userId, session.id),
  );
  const [edits, setEdits] = useState<Record<string, Draft>>(kept?.edits ?? {});
  const [extra, setExtra] = useState<SessionView['people']>(kept?.extra ?? []);
  const [details, setDetails] = useState<Details | null>(kept?.details ?? null);
  const [correcting, setCorrecting] = useState(Boolean(kept && session.locked));
  const [addendumReason, setAddendumReason] = useState(kept?.addendumReason ?? '');
  // The version the changes were made against: a colleague's save since then is a conflict to
  // review, not something to overwrite (whatever the screen has reloaded meanwhile).
  const [baseVersion, setBaseVersion] = useState<number | null>(kept?.baseVersion ?? null);
  const savedVersion = useRef(0);
  const [showKept, setShowKept] = useState(kept !== null);
  const [notice, setNotice] = useState<string | null>(null);
  const lastSend = useRef<{ payload: string; key: string } | null>(kept?.lastSend ?? null);

  const people = useMemo(() => {
    const known = new Set(view.people.map((p) => p.key));
    return [...view.people, ...extra.filter((p) => !known.has(p.key))];
  }, [view.people, extra]);
  const shownDetails: Details = details ?? {
    topic: session.topic ?? '',
    stepFocus: session.stepFocus,
    reading: session.reading ?? '',
    sharedNote: session.sharedNote ?? '',
  };
  const readOnly = session.state === 'cancelled' || (session.locked && !correcting);
  const dirtyKeys = Object.keys(edits);
  const dirty = dirtyKeys.length > 0 || details !== null;

  useEffect(() => {
    if (!dirty) setBaseVersion(null);
    // Our own last save counts even before the screen has reloaded it.
    else if (baseVersion === null) setBaseVersion(Math.max(session.version, savedVersion.current));
  }, [dirty, baseVersion, session.version]);
  const keep = () => {
    if (!dirty || baseVersion === null) return;
    writeDraft(storage, staff.userId, session.id, {
      baseVersion,
      edits,
      extra,
      details,
      addendumReason,
      lastSend: lastSend.current,
    });
  };
  // After every change: keep what is not saved, forget it once nothing is.
  useEffect(() => {
    if (dirty) keep();
    else removeDraft(storage, staff.userId, session.id);
  });

  const refresh = () =>
    queryClient.invalidateQueries({
      queryKey: trpc.sessions.get.queryKey({ sessionId: session.id }),
    });
  const save = useMutation(
    trpc.sessions.saveAttendance.mutationOptions({
      // Without a network, fail at once and say so, rather than wait silently on “Saving…”.
      networkMode: 'always',
      onSuccess: async (result) => {
        savedVersion.current = result.version;
        setEdits({});
        setExtra([]);
        setDetails(null);
        setCorrecting(false);
        setAddendumReason('');
        setShowKept(false);
        setNotice(
          result.state === 'completed' && session.state !== 'completed'
            ? 'Saved. Attendance is marked as taken; the monitor can now sign.'
            : 'Saved.',
        );
        await refresh();
      },
      onError: async (error) => {
        setNotice(null);
        if (errorInfo(error).code === 'CONFLICT') await refresh();
      },
    }),
  );
  const sign = useMutation(
    trpc.sessions.sign.mutationOptions({
      networkMode: 'always',
      onSuccess: async () => {
        setNotice('Signed. The session is locked; later changes are kept as addenda.');
        await refresh();
      },
    }),
  );

  const discard = () => {
    setEdits({});
    setExtra([]);
    setDetails(null);
    setCorrecting(false);
    setAddendumReason('');
    setShowKept(false);
    save.reset();
  };

  const submit = (complete: boolean, base = baseVersion ?? session.version) => {
    const keys = Object.keys(edits);
    const entries: EntryInput[] = keys.map((key) => {
      const p = people.find((x) => x.key === key);
      const draft = edits[key] as Draft;
      return { ...draft, person: p?.person ?? { clientId: key.slice(2) } };
    });
    const payload = {
      sessionId: session.id,
      baseVersion: base,
      entries,
      complete,
      ...(details
        ? {
            details: {
              topic: details.topic,
              stepFocus: details.stepFocus,
              reading: details.reading,
              sharedNote: details.sharedNote,
            },
          }
        : {}),
      addendumReason: session.locked ? addendumReason : null,
    };
    // The same changes sent again (after a dropped connection) carry the same key, so the server
    // saves them at most once; different changes get a new key.
    const sent = JSON.stringify(payload);
    if (lastSend.current?.payload !== sent) lastSend.current = { payload: sent, key: newUuid() };
    keep();
    save.mutate({ ...payload, idempotencyKey: lastSend.current.key });
  };

  const saveError = save.error ? errorInfo(save.error) : null;
  // A save that failed as a whole (no network, a conflict) is explained above the list: bring
  // that into view, since the Save button is on the bar at the bottom of the screen. Errors about
  // particular people are shown on their rows.
  const saveAlert = useRef<HTMLDivElement>(null);
  const wholeSaveFailed =
    saveError !== null && !Object.keys(saveError.fieldErrors).some((f) => f.startsWith('entries.'));
  useEffect(() => {
    if (wholeSaveFailed) saveAlert.current?.scrollIntoView({ block: 'center' });
  }, [wholeSaveFailed, save.error]);
  // Field errors come back as entries.<index>.<field>, in the order the entries were sent.
  const sentKeys = Object.keys(edits);
  const rowErrors = (key: string) => {
    const index = sentKeys.indexOf(key);
    const out: Record<string, string> = {};
    for (const [field, messages] of Object.entries(saveError?.fieldErrors ?? {})) {
      const m = field.match(/^entries\.(\d+)\.(\w+)$/);
      if (m && Number(m[1]) === index && messages?.[0]) out[m[2] as string] = messages[0];
    }
    return out;
  };

  const markEveryonePresent = () => {
    const next = { ...edits };
    for (const p of people) {
      if (!next[p.key] && !p.entry) next[p.key] = { ...EMPTY_DRAFT, walkIn: !p.onRoster };
    }
    setEdits(next);
  };
  const unmarked = people.filter((p) => !edits[p.key] && !p.entry).length;
  const recorded = people.filter((p) => edits[p.key] || p.entry).length;

  return (
    <div className="session-page">
      <div className="page-head">
        <div>
          <p className="eyebrow">
            <Link to={`/groups/${session.groupId}`}>{session.groupName}</Link>
            {session.kindLabel !== session.groupName && ` · ${session.kindLabel}`}
          </p>
          <h1>{formatDateTime(session.startsAt, view.timeZone)}</h1>
          <p className="lead">
            {session.durationMinutes} minutes{session.room ? ` · ${session.room}` : ''}
            {' · '}
            <span className={`state state--${session.state}`}>
              {GROUP_SESSION_STATES[session.state]}
            </span>
            {session.signedByName && ` by ${session.signedByName}`}
          </p>
        </div>
        <Link className="button" to={`/sessions/${session.id}/print`}>
          Print sign-in sheet
        </Link>
      </div>

      {showKept && dirty && (
        <div className="notice" role="status">
          <p>
            <strong>Your unsaved entries were kept. Check them and press Save.</strong>
          </p>
          <button type="button" className="link-button link-button--danger" onClick={discard}>
            Discard these entries
          </button>
        </div>
      )}

      {session.state === 'scheduled' && view.people.every((p) => !p.entry) && (
        <CancelSession sessionId={session.id} onDone={refresh} />
      )}
      {session.state === 'cancelled' && (
        <p className="notice" role="status">
          This session was cancelled: {session.cancelReason}
        </p>
      )}
      {session.locked && session.state === 'signed' && !correcting && (
        <div className="notice" role="status">
          <p>
            Signed and locked. A correction is kept as an addendum with your name, the time and your
            reason.
          </p>
          <button type="button" className="button" onClick={() => setCorrecting(true)}>
            Make a correction
          </button>
        </div>
      )}

      <details className="panel" open={!session.locked}>
        <summary>Topic, step and shared note</summary>
        <div className="details-grid">
          <label className="field">
            Topic
            <input
              value={shownDetails.topic}
              maxLength={200}
              disabled={readOnly}
              onChange={(e) => setDetails({ ...shownDetails, topic: e.target.value })}
            />
          </label>
          <label className="field">
            Step focus
            <select
              value={shownDetails.stepFocus ?? ''}
              disabled={readOnly}
              onChange={(e) =>
                setDetails({
                  ...shownDetails,
                  stepFocus: e.target.value ? Number(e.target.value) : null,
                })
              }
            >
              <option value="">None</option>
              {TWELVE_STEPS.map((_, i) => (
                <option key={stepLabel(i + 1)} value={i + 1}>
                  {stepLabel(i + 1)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Reading
            <input
              value={shownDetails.reading}
              maxLength={200}
              disabled={readOnly}
              onChange={(e) => setDetails({ ...shownDetails, reading: e.target.value })}
            />
          </label>
          <label className="field field--wide">
            Shared note (about the meeting, not any one person)
            <textarea
              rows={3}
              maxLength={8000}
              value={shownDetails.sharedNote}
              disabled={readOnly}
              onChange={(e) => setDetails({ ...shownDetails, sharedNote: e.target.value })}
            />
          </label>
        </div>
      </details>

      <details className="panel engagement-legend">
        <summary>What the engagement ratings mean</summary>
        <dl>
          {([1, 2, 3, 4, 5] as const).map((n) => (
            <div key={n}>
              <dt>
                {n} · {ENGAGEMENT_LEVELS[n].label}
              </dt>
              <dd>{ENGAGEMENT_LEVELS[n].description}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">
          Sharing is voluntary: “listened” is a normal outcome and never lowers a rating.
        </p>
      </details>

      {!readOnly && (
        <div className="toolbar toolbar--session">
          <button
            type="button"
            className="button"
            onClick={markEveryonePresent}
            disabled={unmarked === 0}
          >
            Mark everyone present{unmarked > 0 ? ` (${unmarked})` : ''}
          </button>
          <WalkInPicker
            exclude={new Set(people.map((p) => p.key))}
            onPick={(picked) => {
              setExtra((list) => [...list, picked]);
              setEdits((e) => ({ ...e, [picked.key]: { ...EMPTY_DRAFT, walkIn: true } }));
            }}
          />
        </div>
      )}

      {/* Above the list: what comes after it sits behind the save bar at the bottom. */}
      <div aria-live="polite">
        {saveError && (
          <div className="alert" role="alert" ref={saveAlert}>
            <p>{saveError.message}</p>
            {saveError.code === null && (
              <p>
                Your entries are still here, marked “Not saved”. Press Save again when the network
                is back.
              </p>
            )}
            {saveError.fieldErrors.addendumReason && (
              <p>{saveError.fieldErrors.addendumReason[0]}</p>
            )}
            {saveError.code === 'CONFLICT' && (
              <>
                <ul>
                  {saveError.conflicts.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
                <p>
                  The screen now shows their version; your changes are still marked “Not saved”.
                </p>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    // Over the version now on screen, which shows theirs.
                    setBaseVersion(session.version);
                    submit(false, session.version);
                  }}
                >
                  Save mine over theirs
                </button>{' '}
                <button type="button" className="button" onClick={discard}>
                  Discard my changes
                </button>
              </>
            )}
          </div>
        )}
        {sign.error && (
          <p className="alert" role="alert">
            {errorInfo(sign.error).message}
          </p>
        )}
      </div>

      {people.length === 0 ? (
        <p className="empty-state">
          Nobody is on this group’s roster for this date. Add walk-ins as they arrive.
        </p>
      ) : (
        <ul className="people" aria-label="People in this session">
          {people.map((p) => (
            <PersonRow
              key={p.key}
              person={p}
              draft={edits[p.key] ?? draftFrom(p.entry)}
              dirty={Boolean(edits[p.key])}
              readOnly={readOnly}
              durationMinutes={session.durationMinutes}
              errors={rowErrors(p.key)}
              clientHref={
                clinical && 'clientId' in p.person ? `/clients/${p.person.clientId}` : undefined
              }
              onChange={(draft) => setEdits((e) => ({ ...e, [p.key]: draft }))}
            />
          ))}
        </ul>
      )}

      {view.addenda.length > 0 && (
        <section className="panel" aria-labelledby="addenda-title">
          <h2 id="addenda-title">Addenda</h2>
          <ul className="addenda">
            {view.addenda.map((a) => (
              <li key={a.id}>
                <strong>{a.author}</strong>, {formatDateTime(a.createdAt, view.timeZone)}:{' '}
                {a.reason}
              </li>
            ))}
          </ul>
        </section>
      )}

      {!readOnly && (
        <section className="savebar" aria-label="Save">
          {session.locked && (
            <label className="inline-field inline-field--wide">
              Reason for the correction (kept with it)
              <input
                value={addendumReason}
                maxLength={1000}
                onChange={(e) => setAddendumReason(e.target.value)}
                aria-invalid={saveError?.fieldErrors.addendumReason ? true : undefined}
              />
            </label>
          )}
          <span className="savebar-status" aria-live="polite">
            {recorded} of {people.length} recorded{dirty ? ` · ${dirtyKeys.length} not saved` : ''}
            {notice && !dirty && !saveError && (
              <strong className="savebar-notice"> · {notice}</strong>
            )}
          </span>
          <button
            type="button"
            className="button"
            disabled={!dirty || save.isPending}
            onClick={() => submit(false)}
          >
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
          {(session.state === 'scheduled' || session.state === 'in_progress') && (
            <button
              type="button"
              className="button button--primary"
              disabled={save.isPending || (recorded < people.length && people.length > 0)}
              onClick={() => submit(true)}
              title={recorded < people.length ? 'Record everyone first' : undefined}
            >
              Save and mark attendance taken
            </button>
          )}
          {view.canSign && !dirty && (
            <button
              type="button"
              className="button button--primary"
              disabled={sign.isPending}
              onClick={() => sign.mutate({ sessionId: session.id, baseVersion: session.version })}
            >
              Sign session
            </button>
          )}
        </section>
      )}
    </div>
  );
}

function CancelSession({
  sessionId,
  onDone,
}: {
  sessionId: string;
  onDone: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const [reason, setReason] = useState('');
  const cancel = useMutation(trpc.sessions.cancel.mutationOptions({ onSuccess: () => onDone() }));
  const error = cancel.error ? errorInfo(cancel.error) : null;
  return (
    <details className="panel">
      <summary>Cancel this session</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          cancel.mutate({ sessionId, reason });
        }}
        noValidate
      >
        <TextField
          label="Why is it cancelled?"
          value={reason}
          maxLength={300}
          onChange={(e) => setReason(e.target.value)}
          error={error?.fieldErrors.reason?.[0] ?? (error ? error.message : undefined)}
        />
        <button type="submit" className="button" disabled={cancel.isPending}>
          Cancel session
        </button>
      </form>
    </details>
  );
}
