import {
  FELLOWSHIPS,
  LEVELS_OF_CARE,
  SUBSTANCES,
  SUPPORT_PEOPLE,
  type Substance,
} from '@homegroup/core';
import type { ClientRecordInput } from '@homegroup/validators';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';
import { useRefreshClients } from './use-client-mutation';

type Draft = {
  [K in keyof ClientRecordInput]: ClientRecordInput[K] extends string | null | undefined
    ? string
    : ClientRecordInput[K];
};

const EMPTY: Draft = {
  recordNumber: '',
  firstName: '',
  lastName: '',
  preferredName: '',
  pronouns: '',
  dateOfBirth: '',
  primarySubstances: [],
  levelOfCare: '',
  programTrack: '',
  admissionDate: '',
  counselorStaffId: '',
  sobrietyDate: '',
  preferredFellowship: '',
  supportPerson: '',
  supportSince: '',
} as unknown as Draft;

/** Blank text becomes null, as the record stores "not known". */
function toInput(d: Draft): ClientRecordInput {
  const orNull = (v: string | null | undefined) => (v ? v : null);
  return {
    ...d,
    preferredName: orNull(d.preferredName),
    pronouns: orNull(d.pronouns),
    dateOfBirth: orNull(d.dateOfBirth),
    levelOfCare: orNull(d.levelOfCare) as ClientRecordInput['levelOfCare'],
    programTrack: orNull(d.programTrack),
    counselorStaffId: orNull(d.counselorStaffId),
    sobrietyDate: orNull(d.sobrietyDate),
    preferredFellowship: orNull(d.preferredFellowship) as ClientRecordInput['preferredFellowship'],
    supportPerson: orNull(d.supportPerson) as ClientRecordInput['supportPerson'],
    supportSince: orNull(d.supportSince),
  } as ClientRecordInput;
}

function SelectField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: [string, string][];
  blank: string;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
      >
        <option value="">{props.blank}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {props.error && <p className="field-error">{props.error}</p>}
    </div>
  );
}

/** Admission (new client) or editing an existing record. */
export function ClientFormPage() {
  const { clientId } = useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefreshClients();
  usePageTitle(clientId ? 'Edit client record' : 'Admit a client');
  const existing = useQuery({
    ...trpc.clients.page.queryOptions({ clientId: clientId ?? '' }),
    enabled: Boolean(clientId),
  });
  const counselors = useQuery(trpc.clients.counselors.queryOptions());
  const [draft, setDraft] = useState<Draft | null>(clientId ? null : EMPTY);
  if (clientId && existing.data && draft === null) {
    const c = existing.data.client;
    const d = {} as Record<string, unknown>;
    for (const key of Object.keys(EMPTY))
      d[key] = (c as Record<string, unknown>)[key] ?? (key === 'primarySubstances' ? [] : '');
    setDraft(d as Draft);
  }
  const done = async (id: string) => {
    await refresh();
    navigate(`/clients/${id}`);
  };
  const admit = useMutation(
    trpc.clients.admit.mutationOptions({ onSuccess: (r) => done(r.clientId) }),
  );
  const update = useMutation(
    trpc.clients.update.mutationOptions({ onSuccess: (r) => done(r.clientId) }),
  );
  const failed = admit.error ?? update.error;
  const error = failed ? errorInfo(failed) : null;
  const fe = (k: string) => error?.fieldErrors[k]?.[0];

  if (existing.isError) {
    return (
      <p className="alert" role="alert">
        {errorInfo(existing.error).message}
      </p>
    );
  }
  if (!draft) return <p role="status">Loading the record…</p>;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft({ ...draft, [key]: value });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = toInput(draft);
    if (clientId && existing.data)
      update.mutate({ ...input, clientId, version: existing.data.client.version });
    else admit.mutate(input);
  };
  const toggleSubstance = (s: Substance) =>
    set(
      'primarySubstances',
      draft.primarySubstances.includes(s)
        ? draft.primarySubstances.filter((x) => x !== s)
        : [...draft.primarySubstances, s],
    );

  return (
    <>
      <p className="eyebrow">
        <Link to="/clients">Caseload</Link>
      </p>
      <h1>{clientId ? 'Edit client record' : 'Admit a client'}</h1>
      <form className="form" onSubmit={onSubmit} noValidate>
        {error && (
          <p className="alert" role="alert">
            {error.message}
          </p>
        )}
        <fieldset>
          <legend>Who the client is</legend>
          <TextField
            label="Record number"
            value={draft.recordNumber}
            onChange={(e) => set('recordNumber', e.target.value)}
            error={fe('recordNumber')}
          />
          <TextField
            label="Legal first name"
            value={draft.firstName}
            onChange={(e) => set('firstName', e.target.value)}
            error={fe('firstName')}
          />
          <TextField
            label="Legal last name"
            value={draft.lastName}
            onChange={(e) => set('lastName', e.target.value)}
            error={fe('lastName')}
          />
          <TextField
            label="Preferred name (optional)"
            value={draft.preferredName}
            onChange={(e) => set('preferredName', e.target.value)}
            error={fe('preferredName')}
          />
          <TextField
            label="Pronouns (optional)"
            value={draft.pronouns}
            placeholder="e.g. she/her, they/them"
            onChange={(e) => set('pronouns', e.target.value)}
            error={fe('pronouns')}
          />
          <TextField
            label="Date of birth"
            type="date"
            value={draft.dateOfBirth}
            onChange={(e) => set('dateOfBirth', e.target.value)}
            error={fe('dateOfBirth')}
          />
        </fieldset>
        <fieldset>
          <legend>Treatment</legend>
          <TextField
            label="Admission date"
            type="date"
            value={draft.admissionDate}
            onChange={(e) => set('admissionDate', e.target.value)}
            error={fe('admissionDate')}
          />
          <SelectField
            label="Level of care"
            value={draft.levelOfCare}
            blank="Not set"
            options={Object.entries(LEVELS_OF_CARE)}
            onChange={(v) => set('levelOfCare', v)}
            error={fe('levelOfCare')}
          />
          <TextField
            label="Program track (optional)"
            value={draft.programTrack}
            onChange={(e) => set('programTrack', e.target.value)}
            error={fe('programTrack')}
          />
          <SelectField
            label="Assigned counselor"
            value={draft.counselorStaffId}
            blank="Not assigned yet"
            options={(counselors.data ?? []).map((c) => [c.id, c.displayName])}
            onChange={(v) => set('counselorStaffId', v)}
            error={fe('counselorStaffId')}
          />
          <fieldset className="choice-row">
            <legend>Primary substances</legend>
            {Object.entries(SUBSTANCES).map(([value, label]) => (
              <label key={value} className="choice">
                <input
                  type="checkbox"
                  checked={draft.primarySubstances.includes(value as Substance)}
                  onChange={() => toggleSubstance(value as Substance)}
                />
                {label}
              </label>
            ))}
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>Recovery</legend>
          <TextField
            label="Sobriety date"
            type="date"
            value={draft.sobrietyDate}
            onChange={(e) => set('sobrietyDate', e.target.value)}
            error={fe('sobrietyDate')}
          />
          <SelectField
            label="Preferred fellowship"
            value={draft.preferredFellowship}
            blank="None yet"
            options={Object.entries(FELLOWSHIPS)}
            onChange={(v) => set('preferredFellowship', v)}
            error={fe('preferredFellowship')}
          />
          <SelectField
            label="Sponsor or mentor"
            value={draft.supportPerson}
            blank="None yet"
            options={Object.entries(SUPPORT_PEOPLE)}
            onChange={(v) => set('supportPerson', v)}
            error={fe('supportPerson')}
          />
          {draft.supportPerson && (
            <TextField
              label="Since"
              type="date"
              value={draft.supportSince}
              onChange={(e) => set('supportSince', e.target.value)}
              error={fe('supportSince')}
            />
          )}
        </fieldset>
        <div className="button-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={admit.isPending || update.isPending}
          >
            {clientId ? 'Save changes' : 'Admit'}
          </button>
          <Link className="button" to={clientId ? `/clients/${clientId}` : '/clients'}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
