import {
  DISCHARGE_TYPES,
  type DischargeType,
  FOLLOW_UP_CHOICES,
  type FollowUpChoice,
} from '@homegroup/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';
import { useRefreshClients } from './use-client-mutation';

/** Discharge: the date, how the stay ended, and the client's choice about alumni follow-up. */
export function DischargeForm({
  clientId,
  version,
  today,
}: {
  clientId: string;
  version: number;
  today: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshClients();
  const [dischargeDate, setDate] = useState(today);
  const [dischargeType, setType] = useState<DischargeType | ''>('');
  const [alumniFollowUp, setFollowUp] = useState<FollowUpChoice | ''>('');
  const discharge = useMutation(trpc.clients.discharge.mutationOptions({ onSuccess: refresh }));
  const error = discharge.error ? errorInfo(discharge.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    discharge.mutate({
      clientId,
      version,
      dischargeDate,
      dischargeType: dischargeType as DischargeType,
      alumniFollowUp: alumniFollowUp as FollowUpChoice,
    });
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <p className="muted">
        Discharging ends every group enrolment on the discharge date. The client becomes an alumnus.
      </p>
      {error && !Object.keys(error.fieldErrors).length && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
      <TextField
        label="Discharge date"
        type="date"
        value={dischargeDate}
        onChange={(e) => setDate(e.target.value)}
        error={error?.fieldErrors.dischargeDate?.[0]}
      />
      <fieldset className="choice-row">
        <legend>How the stay ended</legend>
        {Object.entries(DISCHARGE_TYPES).map(([value, label]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="discharge-type"
              checked={dischargeType === value}
              onChange={() => setType(value as DischargeType)}
            />
            {label}
          </label>
        ))}
        {error?.fieldErrors.dischargeType && (
          <p className="field-error">{error.fieldErrors.dischargeType[0]}</p>
        )}
      </fieldset>
      <fieldset className="choice-row">
        <legend>Alumni follow-up</legend>
        {Object.entries(FOLLOW_UP_CHOICES).map(([value, label]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="follow-up"
              checked={alumniFollowUp === value}
              onChange={() => setFollowUp(value as FollowUpChoice)}
            />
            {label}
          </label>
        ))}
        {error?.fieldErrors.alumniFollowUp && (
          <p className="field-error">{error.fieldErrors.alumniFollowUp[0]}</p>
        )}
      </fieldset>
      <button type="submit" className="button button--primary" disabled={discharge.isPending}>
        Discharge
      </button>
    </form>
  );
}
