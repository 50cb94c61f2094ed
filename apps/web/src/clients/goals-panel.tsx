import type { RouterOutputs } from '@homegroup/api';
import { GOAL_STATUSES, type GoalStatus } from '@homegroup/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useTRPC } from '../trpc';
import { useRefreshClients } from './use-client-mutation';

type Goal = RouterOutputs['clients']['page']['goals'][number];

function NoteForm({ goal }: { goal: Goal }) {
  const trpc = useTRPC();
  const refresh = useRefreshClients();
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<GoalStatus>(goal.status);
  const id = useId();
  const add = useMutation(
    trpc.clients.addGoalNote.mutationOptions({
      onSuccess: async () => {
        setNote('');
        await refresh();
      },
    }),
  );
  const error = add.error ? errorInfo(add.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ goalId: goal.id, note, status });
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={id}>Progress note</label>
      <textarea
        id={id}
        rows={2}
        value={note}
        maxLength={2000}
        onChange={(e) => setNote(e.target.value)}
      />
      {error && <p className="field-error">{error.fieldErrors.note?.[0] ?? error.message}</p>}
      <label htmlFor={`${id}-status`}>Status after this note</label>
      <select
        id={`${id}-status`}
        value={status}
        onChange={(e) => setStatus(e.target.value as GoalStatus)}
      >
        {Object.entries(GOAL_STATUSES).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={add.isPending}>
        Add note
      </button>
    </form>
  );
}

function NewGoalForm({ clientId }: { clientId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshClients();
  const [text, setText] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const add = useMutation(
    trpc.clients.addGoal.mutationOptions({
      onSuccess: async () => {
        setText('');
        setTargetDate('');
        await refresh();
      },
    }),
  );
  const error = add.error ? errorInfo(add.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ clientId, text, targetDate: targetDate || null });
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <TextField
        label="New goal, in the client’s words"
        value={text}
        maxLength={500}
        onChange={(e) => setText(e.target.value)}
        error={error?.fieldErrors.text?.[0]}
      />
      <TextField
        label="Target date (optional)"
        type="date"
        value={targetDate}
        onChange={(e) => setTargetDate(e.target.value)}
        error={error?.fieldErrors.targetDate?.[0]}
      />
      <button type="submit" className="button" disabled={add.isPending}>
        Add goal
      </button>
    </form>
  );
}

/** Personal recovery goals with target dates and progress notes. */
export function GoalsPanel({ clientId, goals }: { clientId: string; goals: Goal[] }) {
  return (
    <section aria-labelledby="goals-title" className="panel">
      <h2 id="goals-title">Recovery goals</h2>
      {goals.length === 0 && <p className="muted">No goals set yet.</p>}
      <ul className="goal-items">
        {goals.map((g) => (
          <li key={g.id}>
            <p>
              <strong>{g.text}</strong>
            </p>
            <p className="muted small">
              {GOAL_STATUSES[g.status]}
              {g.targetDate ? ` · target ${formatDate(g.targetDate)}` : ''}
            </p>
            {g.notes.length > 0 && (
              <ul className="notes">
                {g.notes.map((n) => (
                  <li key={n.id}>
                    {formatDate(n.createdAt.slice(0, 10))}, {n.author}: {n.note}
                    {n.statusAfter ? ` (now ${GOAL_STATUSES[n.statusAfter].toLowerCase()})` : ''}
                  </li>
                ))}
              </ul>
            )}
            <details>
              <summary>Add a progress note</summary>
              <NoteForm goal={g} />
            </details>
          </li>
        ))}
      </ul>
      <details>
        <summary>Set a new goal</summary>
        <NewGoalForm clientId={clientId} />
      </details>
    </section>
  );
}
