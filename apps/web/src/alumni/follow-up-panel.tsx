import type { RouterOutputs } from '@homegroup/api';
import {
  ABSTINENCE_ANSWERS,
  type AbstinenceAnswer,
  CONTACT_OUTCOMES,
  type ContactOutcome,
  FOLLOW_UP_TASK_STATUSES,
  HOUSING_STATUSES,
  type HousingStatus,
  WORK_STATUSES,
  type WorkStatus,
} from '@homegroup/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useFacilityToday } from '../lib/facility-today';
import { formatDate } from '../lib/format';
import { useTRPC } from '../trpc';
import { useRefreshAlumni } from './use-alumni-mutation';

type Page = RouterOutputs['alumni']['page'];
type Task = Page['followUps'][number];

function CallForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const today = useFacilityToday();
  const trpc = useTRPC();
  const refresh = useRefreshAlumni();
  const [outcome, setOutcome] = useState<ContactOutcome | ''>('');
  const [attemptedOn, setDate] = useState(today);
  const [meetings, setMeetings] = useState('');
  const [sponsor, setSponsor] = useState<'' | 'yes' | 'no'>('');
  const [abstinent, setAbstinent] = useState<AbstinenceAnswer | ''>('');
  const [housing, setHousing] = useState<HousingStatus | ''>('');
  const [work, setWork] = useState<WorkStatus | ''>('');
  const [note, setNote] = useState('');
  const save = useMutation(
    trpc.alumni.recordFollowUp.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
    }),
  );
  const error = save.error ? errorInfo(save.error) : null;
  const fe = error?.fieldErrors ?? {};
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      taskId: task.id,
      outcome: outcome as ContactOutcome,
      attemptedOn,
      note: note || null,
      communityMeetings: meetings === '' ? null : Number(meetings),
      hasSponsor: sponsor === '' ? null : sponsor === 'yes',
      abstinent: abstinent || null,
      housing: housing || null,
      workOrSchool: work || null,
    });
  };
  return (
    <form
      className="inline-form call-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Record the ${task.daysAfterDischarge}-day call`}
    >
      <fieldset className="choice-row">
        <legend>How did the call go?</legend>
        {(Object.entries(CONTACT_OUTCOMES) as [ContactOutcome, string][]).map(([k, v]) => (
          <label key={k} className="choice">
            <input
              type="radio"
              name={`outcome-${task.id}`}
              checked={outcome === k}
              onChange={() => setOutcome(k)}
            />{' '}
            {v}
          </label>
        ))}
      </fieldset>
      {fe.outcome && <p className="field-error">{fe.outcome[0]}</p>}
      <TextField
        label="Date of the call"
        type="date"
        value={attemptedOn}
        onChange={(e) => setDate(e.target.value)}
        error={fe.attemptedOn?.[0]}
      />
      {outcome === 'reached' && (
        <div className="details-grid">
          <TextField
            label="Community meetings in the last 30 days"
            type="number"
            min={0}
            max={200}
            inputMode="numeric"
            value={meetings}
            onChange={(e) => setMeetings(e.target.value)}
            error={fe.communityMeetings?.[0]}
          />
          <SelectField
            label="Has a sponsor"
            value={sponsor}
            onChange={(e) => setSponsor(e.target.value as typeof sponsor)}
            options={{ yes: 'Yes', no: 'No' }}
            error={fe.hasSponsor?.[0]}
          />
          <SelectField
            label="Abstinent since discharge (their own words)"
            value={abstinent}
            onChange={(e) => setAbstinent(e.target.value as typeof abstinent)}
            options={ABSTINENCE_ANSWERS}
            error={fe.abstinent?.[0]}
          />
          <SelectField
            label="Housing"
            value={housing}
            onChange={(e) => setHousing(e.target.value as typeof housing)}
            options={HOUSING_STATUSES}
            error={fe.housing?.[0]}
          />
          <SelectField
            label="Work or school"
            value={work}
            onChange={(e) => setWork(e.target.value as typeof work)}
            options={WORK_STATUSES}
            error={fe.workOrSchool?.[0]}
          />
        </div>
      )}
      <div className="field">
        <label>
          Note (optional)
          <textarea
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
      </div>
      {error && !Object.keys(fe).length && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          Save the call
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function OptOut({ page }: { page: Page }) {
  const trpc = useTRPC();
  const refresh = useRefreshAlumni();
  const [phone, setPhone] = useState(page.client.phone ?? '');
  const save = useMutation(trpc.alumni.setFollowUpChoice.mutationOptions({ onSuccess: refresh }));
  const optedIn = page.client.alumniFollowUp === 'opted_in';
  const error = save.error ? errorInfo(save.error) : null;
  return (
    <div className="inline-form">
      <TextField
        label="Phone for follow-up calls"
        value={phone}
        maxLength={40}
        onChange={(e) => setPhone(e.target.value)}
        error={error?.fieldErrors.phone?.[0]}
      />
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() =>
            save.mutate({
              clientId: page.client.id,
              choice: optedIn ? 'opted_in' : 'opted_out',
              phone: phone || null,
            })
          }
        >
          Save phone
        </button>
        <button
          type="button"
          className={optedIn ? 'button link-button--danger' : 'button'}
          onClick={() =>
            save.mutate({
              clientId: page.client.id,
              choice: optedIn ? 'opted_out' : 'opted_in',
              phone: phone || null,
            })
          }
        >
          {optedIn ? 'The alumnus opts out of follow-up' : 'The alumnus opts back in'}
        </button>
      </div>
      {error && <p className="field-error">{error.message}</p>}
    </div>
  );
}

const URGENCY = {
  overdue: 'Overdue',
  due: 'Due now',
  upcoming: 'Coming up',
  later: 'Scheduled',
} as const;

export function FollowUpPanel({ page }: { page: Page }) {
  const [open, setOpen] = useState<string | null>(null);
  const optedOut = page.client.alumniFollowUp !== 'opted_in';
  return (
    <section className="panel" id="follow-up" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">Follow-up calls</h2>
      {optedOut && (
        <p className="notice">
          This alumnus opted out of follow-up. No calls are scheduled and none can be recorded.
        </p>
      )}
      {page.followUps.length > 0 && (
        <ol className="call-list">
          {page.followUps.map((task) => (
            <li key={task.id} className={`call call--${task.urgency ?? task.status}`}>
              <div className="call-head">
                <strong>{task.daysAfterDischarge}-day call</strong> · due {formatDate(task.dueOn)} ·{' '}
                <span className={`urgency urgency-tag--${task.urgency ?? 'closed'}`}>
                  {task.urgency ? URGENCY[task.urgency] : FOLLOW_UP_TASK_STATUSES[task.status]}
                </span>
                {task.cancelReason && (
                  <span className="muted"> ({task.cancelReason.toLowerCase()})</span>
                )}
                {task.status === 'open' && !optedOut && open !== task.id && (
                  <button type="button" className="button small" onClick={() => setOpen(task.id)}>
                    Record a call
                  </button>
                )}
              </div>
              {task.attempts.length > 0 && (
                <ul className="attempts">
                  {task.attempts.map((a) => (
                    <li key={a.id}>
                      {formatDate(a.attemptedOn)}: {CONTACT_OUTCOMES[a.outcome]} ({a.madeBy})
                      {a.outcome === 'reached' && (
                        <span>
                          {' '}
                          · {a.communityMeetings} meetings in 30 days · sponsor:{' '}
                          {a.hasSponsor ? 'yes' : 'no'} ·{' '}
                          {a.abstinent ? ABSTINENCE_ANSWERS[a.abstinent].toLowerCase() : ''} ·{' '}
                          {a.housing ? HOUSING_STATUSES[a.housing].toLowerCase() : ''} ·{' '}
                          {a.workOrSchool ? WORK_STATUSES[a.workOrSchool].toLowerCase() : ''}
                        </span>
                      )}
                      {a.note && <div className="muted">{a.note}</div>}
                    </li>
                  ))}
                </ul>
              )}
              {open === task.id && <CallForm task={task} onDone={() => setOpen(null)} />}
            </li>
          ))}
        </ol>
      )}
      <OptOut page={page} />
    </section>
  );
}
