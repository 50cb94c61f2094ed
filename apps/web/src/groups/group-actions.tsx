import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';

/** Adds a session outside the schedule: an extra meeting, or one moved to another day. */
export function AddSessionForm({
  groupId,
  today,
  durationMinutes,
}: {
  groupId: string;
  today: string;
  durationMinutes: number;
}) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [date, setDate] = useState(today);
  const [time, setTime] = useState('18:00');
  const [minutes, setMinutes] = useState(String(durationMinutes));
  const add = useMutation(
    trpc.sessions.createAdHoc.mutationOptions({
      onSuccess: (r) => navigate(`/sessions/${r.sessionId}`),
    }),
  );
  const error = add.error ? errorInfo(add.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ groupId, date, startTime: time, durationMinutes: Number(minutes) });
  };
  return (
    <details className="panel">
      <summary>Add a session outside the schedule</summary>
      <form onSubmit={onSubmit} noValidate className="form-row">
        <TextField
          label="Date"
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={error?.fieldErrors.date?.[0]}
        />
        <TextField
          label="Starts at"
          type="time"
          value={time}
          onChange={(e) => setTime(e.target.value)}
          error={error?.fieldErrors.startTime?.[0]}
        />
        <TextField
          label="Minutes"
          type="number"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={error?.fieldErrors.durationMinutes?.[0]}
        />
        {error && Object.keys(error.fieldErrors).length === 0 && (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            Add session
          </button>
        </div>
      </form>
    </details>
  );
}

/** Archives the group: future sessions are cancelled, enrolments end today, history stays. */
export function ArchiveGroupButton({ groupId }: { groupId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const archive = useMutation(
    trpc.groups.archive.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.groups.pathKey() }),
    }),
  );
  if (!confirming) {
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        Archive group
      </button>
    );
  }
  return (
    <div className="notice" role="alert">
      <p>
        Archive this group? Its future sessions are cancelled and everyone’s enrolment ends today.
        Past attendance is kept.
      </p>
      <button
        type="button"
        className="button button--primary"
        disabled={archive.isPending}
        onClick={() => archive.mutate({ groupId })}
      >
        Yes, archive
      </button>{' '}
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        Keep the group
      </button>
      {archive.error && <p className="field-error">{errorInfo(archive.error).message}</p>}
    </div>
  );
}

/** Ends one person's enrolment today (they left the group or were discharged). */
export function EndEnrolmentButton({
  enrolmentId,
  name,
  today,
}: {
  enrolmentId: string;
  name: string;
  today: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const end = useMutation(
    trpc.groups.endEnrolment.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.groups.pathKey() }),
    }),
  );
  return (
    <>
      <button
        type="button"
        className="link-button"
        disabled={end.isPending}
        onClick={() => end.mutate({ enrolmentId, endDate: today, reason: 'Left the group' })}
      >
        End {name}’s enrolment today
      </button>
      {end.error && <span className="field-error">{errorInfo(end.error).message}</span>}
    </>
  );
}
