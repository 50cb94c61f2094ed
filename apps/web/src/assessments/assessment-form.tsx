import type { RouterOutputs } from '@homegroup/api';
import {
  ASSESSMENT_OCCASIONS,
  type AssessmentOccasion,
  type InstrumentCode,
  type InstrumentDefinition,
  type InstrumentItem,
} from '@homegroup/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useCurrentStaff } from '../auth/use-current-staff';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useFacilityToday } from '../lib/facility-today';
import { useTRPC } from '../trpc';
import './assessments.css';

export type SaveResult = RouterOutputs['assessments']['save'];

/** Item id → what was entered: a choice's value, or the days as typed. */
type Draft = Record<string, string>;

function isAnswered(value: string | undefined) {
  return value !== undefined && value.trim() !== '';
}

/** "Items 7a–7g are optional." for the instrument's optional items, or null when all are needed. */
function optionalNote(def: InstrumentDefinition) {
  const ids = def.items.filter((i) => !i.required).map((i) => i.id);
  if (ids.length === 0) return null;
  if (ids.length === 1) return `Item ${ids[0]} is optional.`;
  return `Items ${ids[0]}–${ids[ids.length - 1]} are optional.`;
}

/** The fields a save can refuse, in the order they appear on the form. */
function fieldOrder(def: InstrumentDefinition | undefined) {
  return [
    'instrument',
    'occasion',
    'administeredOn',
    ...(def?.items.map((i) => `answers.${i.id}`) ?? []),
  ];
}

function ItemField({
  item,
  number,
  value,
  error,
  domId,
  onChange,
}: {
  item: InstrumentItem;
  number: string;
  value: string | undefined;
  error: string | undefined;
  domId: string;
  onChange: (value: string) => void;
}) {
  const errorId = `${domId}-error`;
  const optional = item.required ? null : <span className="muted"> (optional)</span>;
  const className = `assess-item${error ? ' assess-item--error' : ''}${isAnswered(value) ? ' assess-item--done' : ''}`;
  if (item.response.kind === 'days') {
    const { max } = item.response;
    return (
      <div className={className}>
        <label htmlFor={domId} className="assess-item__text">
          <span className="assess-item__num">{number}</span>
          {item.text}
          {optional}
        </label>
        <div className="assess-days">
          <input
            id={domId}
            type="number"
            inputMode="numeric"
            min={0}
            max={max}
            step={1}
            value={value ?? ''}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${domId}-hint${error ? ` ${errorId}` : ''}`}
          />
          <span id={`${domId}-hint`}>days (0 to {max})</span>
        </div>
        {error && (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <fieldset
      className={className}
      id={domId}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="assess-item__text">
        <span className="assess-item__num">{number}</span>
        {item.text}
        {optional}
      </legend>
      <div className="assess-options">
        {item.response.options.map((o) => (
          <label key={o.value} className="assess-option">
            <input
              type="radio"
              name={domId}
              value={o.value}
              checked={value === String(o.value)}
              onChange={() => onChange(String(o.value))}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** What the save found: the score, what it means, and a safety alert that cannot be missed. */
function SavedResult({
  def,
  result,
  onAnother,
  onClose,
}: {
  def: InstrumentDefinition;
  result: SaveResult;
  onAnother: () => void;
  onClose: (() => void) | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="assess-result" ref={ref} tabIndex={-1}>
      {result.safety.length > 0 && (
        <div className="assess-safety" role="alert">
          <p className="assess-safety__title">Safety concern: act on this now</p>
          {result.safety.map((message) => (
            <p key={message}>{message}</p>
          ))}
          <p>
            <strong>
              Tell the client’s counselor, or the clinician on duty, now. Do not wait for the end of
              the shift.
            </strong>{' '}
            Follow your facility’s suicide-risk protocol. A safety flag has been added to the
            client’s record.
          </p>
        </div>
      )}
      <h3>{def.shortName} saved</h3>
      {result.total !== null && (
        <p className="assess-score">
          <span className="assess-score__value">{result.total}</span>
          <span>
            {def.total ? ` out of ${def.total.max}` : ''}
            {result.band ? ` · ${result.band}` : ''}
            <span className="muted small">
              {def.higherIsBetter ? ' (higher is better)' : ' (lower is better)'}
            </span>
          </span>
        </p>
      )}
      {def.subscales.length > 0 && (
        <dl className="assess-subscales">
          {def.subscales.map((s) => {
            const score = result.subscales[s.id];
            const flagged =
              s.flag !== undefined &&
              score !== undefined &&
              (s.flag.when === 'at_least' ? score >= s.flag.score : score <= s.flag.score);
            return (
              <div key={s.id}>
                <dt>{s.label}</dt>
                <dd>
                  <span className="assess-score__value">{score ?? '—'}</span>
                  {flagged && s.flag && <span className="flag">{s.flag.label}</span>}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {def.subscales.length === 0 && result.flags.length > 0 && (
        <p>
          Needs attention:{' '}
          {result.flags.map((f) => (
            <span key={f} className="flag">
              {f}
            </span>
          ))}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={onAnother}>
          Give another assessment
        </button>
        {onClose && (
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * One administration of one instrument: which one, when and why, then each item read out and
 * answered. Answers stay on the form whatever the server says; errors sit beside their items.
 */
export function AssessmentForm({
  clientId,
  occasion: initialOccasion,
  followUpTaskId,
  onClose,
}: {
  clientId: string;
  occasion?: AssessmentOccasion | undefined;
  followUpTaskId?: string | undefined;
  onClose?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useCurrentStaff();
  const today = useFacilityToday();
  const uid = useId();
  const instruments = useQuery(trpc.assessments.instruments.queryOptions());
  const [code, setCode] = useState<InstrumentCode | ''>('');
  const [occasion, setOccasion] = useState<AssessmentOccasion | ''>(
    initialOccasion ?? (followUpTaskId ? 'follow_up' : 'other'),
  );
  const [administeredOn, setDate] = useState(today);
  // Kept per instrument, so switching to another one and back loses nothing.
  const [drafts, setDrafts] = useState<Partial<Record<InstrumentCode, Draft>>>({});
  // Fields changed since the last refused save: their old error no longer applies.
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState<{ def: InstrumentDefinition; result: SaveResult } | null>(
    null,
  );

  const enabled = instruments.data ?? [];
  const def = enabled.find((d) => d.code === code);
  // The only instrument switched on is chosen already.
  useEffect(() => {
    const only = instruments.data?.length === 1 ? instruments.data[0] : undefined;
    if (only && code === '') setCode(only.code);
  }, [instruments.data, code]);

  const save = useMutation(
    trpc.assessments.save.mutationOptions({
      onSuccess: async (result, input) => {
        const given = instruments.data?.find((d) => d.code === input.instrument);
        if (given) setSaved({ def: given, result });
        setDrafts((d) => ({ ...d, [input.instrument]: {} }));
        await Promise.all([
          queryClient.invalidateQueries({
            queryKey: trpc.assessments.clientOutcomes.queryKey({ clientId }),
          }),
          queryClient.invalidateQueries({ queryKey: trpc.clients.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.alumni.pathKey() }),
        ]);
      },
    }),
  );
  const error = save.error ? errorInfo(save.error) : null;
  const fe = error?.fieldErrors ?? {};
  const fieldError = (key: string) => (changed.has(key) ? undefined : fe[key]?.[0]);
  const domId = (key: string) => `${uid}-${key.replace(/\W/g, '-')}`;

  // After a refused save, take the person to the first thing that needs them (only when a new
  // error arrives, not as they fix things).
  useEffect(() => {
    if (!save.error) return;
    const fields = errorInfo(save.error).fieldErrors;
    const first = fieldOrder(def).find((k) => fields[k]);
    if (!first) return;
    const el = document.getElementById(domId(first));
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    const target =
      el instanceof HTMLInputElement
        ? el
        : (el.querySelector<HTMLElement>('input:checked') ??
          el.querySelector<HTMLElement>('input, select'));
    target?.focus({ preventScroll: true });
  }, [save.error]);

  const markChanged = (key: string) => setChanged((s) => (s.has(key) ? s : new Set(s).add(key)));

  const draft = (code && drafts[code]) || {};
  const setAnswer = (itemId: string, value: string) => {
    if (!code) return;
    setDrafts((d) => ({ ...d, [code]: { ...d[code], [itemId]: value } }));
    markChanged(`answers.${itemId}`);
  };

  const startAgain = () => {
    setSaved(null);
    save.reset();
    setChanged(new Set());
  };

  if (saved) {
    return (
      <SavedResult
        def={saved.def}
        result={saved.result}
        onClose={
          onClose &&
          (() => {
            startAgain();
            onClose();
          })
        }
        onAnother={startAgain}
      />
    );
  }
  if (instruments.isPending) return <p role="status">Loading the questionnaires…</p>;
  if (instruments.isError) {
    return (
      <p className="alert" role="alert">
        {errorInfo(instruments.error).message}
      </p>
    );
  }
  if (enabled.length === 0) {
    return (
      <p className="notice">
        No questionnaires are switched on at this facility. An admin can switch them on in Settings.
      </p>
    );
  }

  const required = def?.items.filter((i) => i.required) ?? [];
  const answeredRequired = required.filter((i) => isAnswered(draft[i.id])).length;
  const occasions: Partial<Record<AssessmentOccasion, string>> =
    staff.role === 'alumni_coordinator'
      ? { follow_up: ASSESSMENT_OCCASIONS.follow_up }
      : ASSESSMENT_OCCASIONS;
  const shownKeys = new Set(fieldOrder(def));
  const otherErrors = Object.entries(fe)
    .filter(([k, v]) => !shownKeys.has(k) && v?.[0])
    .map(([, v]) => v?.[0] ?? '');
  const openErrors = Object.keys(fe).filter((k) => !changed.has(k)).length;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChanged(new Set());
    const answers = Object.fromEntries(
      Object.entries(draft)
        .filter(([, v]) => isAnswered(v))
        .map(([k, v]) => [k, /^\d+$/.test(v.trim()) ? Number(v) : v]),
    ) as Record<string, number>;
    save.mutate({
      clientId,
      instrument: code as InstrumentCode,
      occasion: occasion as AssessmentOccasion,
      administeredOn,
      followUpTaskId: followUpTaskId ?? null,
      answers,
    });
  };

  return (
    <form
      className="assess-form"
      onSubmit={onSubmit}
      noValidate
      aria-label="Give an assessment"
      aria-busy={save.isPending}
    >
      <fieldset
        className="assess-pick"
        id={domId('instrument')}
        aria-describedby={fieldError('instrument') ? `${domId('instrument')}-error` : undefined}
      >
        <legend>Which questionnaire?</legend>
        <div className="assess-pick__options">
          {enabled.map((d) => (
            <label key={d.code} className="assess-option assess-option--instrument">
              <input
                type="radio"
                name={`${uid}-instrument`}
                value={d.code}
                checked={code === d.code}
                onChange={() => {
                  setCode(d.code);
                  markChanged('instrument');
                }}
              />
              <span>
                <strong>{d.shortName}</strong> <span className="muted">{d.name}</span>
                <span className="assess-option__detail">{d.measures}</span>
              </span>
            </label>
          ))}
        </div>
        {fieldError('instrument') && (
          <p className="field-error" id={`${domId('instrument')}-error`}>
            {fieldError('instrument')}
          </p>
        )}
      </fieldset>

      <div className="form-row">
        <div id={domId('occasion')}>
          <SelectField
            label="When is it given?"
            options={occasions as Record<AssessmentOccasion, string>}
            value={occasion}
            onChange={(e) => {
              setOccasion(e.target.value as AssessmentOccasion | '');
              markChanged('occasion');
            }}
            error={fieldError('occasion')}
          />
        </div>
        <div id={domId('administeredOn')}>
          <TextField
            label="Date given"
            type="date"
            value={administeredOn}
            max={today}
            onChange={(e) => {
              setDate(e.target.value);
              markChanged('administeredOn');
            }}
            error={fieldError('administeredOn')}
          />
        </div>
      </div>

      {def && (
        <>
          <div className="assess-stem">
            <p className="assess-stem__label">Read this to the client first</p>
            <p className="assess-stem__text">{def.stem}</p>
            <p className="muted small">
              Time period: {def.recallPeriod}. {optionalNote(def)}
            </p>
          </div>
          <ol className="assess-items">
            {def.items.map((item) => (
              <li key={item.id}>
                <ItemField
                  item={item}
                  number={item.id}
                  value={draft[item.id]}
                  error={fieldError(`answers.${item.id}`)}
                  domId={domId(`answers.${item.id}`)}
                  onChange={(v) => setAnswer(item.id, v)}
                />
              </li>
            ))}
          </ol>
          <p className="assess-licence">
            {def.licence} Source: {def.source}
          </p>
        </>
      )}

      <div className="assess-savebar">
        {error && (
          <div className="alert" role="alert">
            <p className="assess-summary">
              {openErrors === 0 && Object.keys(fe).length > 0
                ? 'Everything marked is filled in now. Press Save again.'
                : error.message}
              {Object.keys(fe).length > 0 && !/Nothing was saved/.test(error.message)
                ? ' Nothing was saved.'
                : ''}{' '}
              Your answers are still here.
            </p>
            {otherErrors.length > 0 && (
              <ul>
                {otherErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="assess-savebar__row">
          {def && (
            <span className="assess-progress">
              <strong>
                {answeredRequired} of {required.length}
              </strong>{' '}
              answered
            </span>
          )}
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : def ? `Save the ${def.shortName}` : 'Save'}
          </button>
          {onClose && (
            <button type="button" className="button" onClick={onClose}>
              Close, keep answers
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
