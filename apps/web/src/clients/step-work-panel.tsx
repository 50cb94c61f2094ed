import type { RouterOutputs } from '@homegroup/api';
import { STEP_STATUSES, type StepStatus, stepLabel, stepSummary } from '@homegroup/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { formatDate } from '../lib/format';
import { useTRPC } from '../trpc';
import { useRefreshClients } from './use-client-mutation';

type Step = RouterOutputs['clients']['page']['steps'][number];

function StepForm({
  clientId,
  step,
  onDone,
}: {
  clientId: string;
  step: Step;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshClients();
  const [status, setStatus] = useState<StepStatus>(step.status);
  const [startedOn, setStartedOn] = useState(step.startedOn ?? '');
  const [completedOn, setCompletedOn] = useState(step.completedOn ?? '');
  const save = useMutation(
    trpc.clients.setStep.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
    }),
  );
  const error = save.error ? errorInfo(save.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      clientId,
      step: step.step,
      status,
      startedOn: status === 'not_started' ? null : startedOn || null,
      completedOn: status === 'completed' ? completedOn || null : null,
    });
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <h3>
        Step {step.step}: {stepLabel(step.step)}
      </h3>
      <fieldset className="choice-row">
        <legend>Status</legend>
        {Object.entries(STEP_STATUSES).map(([value, label]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="step-status"
              value={value}
              checked={status === value}
              onChange={() => setStatus(value as StepStatus)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {status !== 'not_started' && (
        <TextField
          label="Started on"
          type="date"
          value={startedOn}
          onChange={(e) => setStartedOn(e.target.value)}
          error={error?.fieldErrors.startedOn?.[0]}
        />
      )}
      {status === 'completed' && (
        <TextField
          label="Completed on"
          type="date"
          value={completedOn}
          onChange={(e) => setCompletedOn(e.target.value)}
          error={error?.fieldErrors.completedOn?.[0]}
        />
      )}
      {error && !error.fieldErrors.startedOn && !error.fieldErrors.completedOn && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          Save step {step.step}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The twelve steps as a compact strip; the counselor opens a step to set its status and dates. */
export function StepWorkPanel({
  clientId,
  steps,
  canEdit,
}: {
  clientId: string;
  steps: Step[];
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  const summary = stepSummary(new Map(steps.map((s) => [s.step, s.status])));
  const current = steps.find((s) => s.step === editing);
  return (
    <section aria-labelledby="steps-title" className="panel">
      <h2 id="steps-title">Step work</h2>
      <p className="muted">
        {summary.completed} of 12 completed
        {summary.working ? ` · working step ${summary.working}` : ''}
      </p>
      <ol className="step-strip">
        {steps.map((s) => {
          const title = `Step ${s.step}, ${stepLabel(s.step)}: ${STEP_STATUSES[s.status]}${
            s.completedOn
              ? `, completed ${formatDate(s.completedOn)}`
              : s.startedOn
                ? `, since ${formatDate(s.startedOn)}`
                : ''
          }`;
          return (
            <li key={s.step}>
              <button
                type="button"
                className={`step step--${s.status}`}
                aria-label={title}
                title={title}
                disabled={!canEdit}
                aria-pressed={editing === s.step}
                onClick={() => setEditing(editing === s.step ? null : s.step)}
              >
                {s.step}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="muted small">
        <span className="step step--completed step--key" aria-hidden="true" /> completed{' '}
        <span className="step step--working step--key" aria-hidden="true" /> working{' '}
        <span className="step step--not_started step--key" aria-hidden="true" /> not started
      </p>
      {current && (
        <StepForm
          key={current.step}
          clientId={clientId}
          step={current}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}
