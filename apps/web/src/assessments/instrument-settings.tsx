import type { RouterOutputs } from '@homegroup/api';
import {
  type InstrumentDefinition,
  type InstrumentItem,
  instrumentDefinition,
  type WordingOverrides,
} from '@homegroup/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';
import './assessments.css';

type Setting = RouterOutputs['assessments']['settings'][number];

function choiceOptions(item: InstrumentItem | undefined) {
  return item?.response.kind === 'choice' ? item.response.options : [];
}

/**
 * The facility's wording as overrides of the published definition. Every save sends the whole
 * wording, so switching an instrument on or off must carry the wording it already has.
 */
function overridesOf(def: InstrumentDefinition): WordingOverrides {
  const base = instrumentDefinition(def.code);
  const items: Record<string, string> = {};
  const options: Record<string, Record<string, string>> = {};
  for (const item of def.items) {
    const published = base.items.find((i) => i.id === item.id);
    if (!published) continue;
    if (published.wordingToCheck && item.text !== published.text) items[item.id] = item.text;
    if (!published.optionLabelsToCheck) continue;
    for (const o of choiceOptions(item)) {
      const original = choiceOptions(published).find((p) => p.value === o.value);
      if (original && original.label !== o.label) {
        options[item.id] = { ...options[item.id], [String(o.value)]: o.label };
      }
    }
  }
  return {
    ...(Object.keys(items).length ? { items } : {}),
    ...(Object.keys(options).length ? { options } : {}),
  };
}

/** The answers in the middle of the scale, the ones public copies word differently. */
function middleOptions(item: InstrumentItem | undefined) {
  const options = choiceOptions(item);
  const half = Math.floor(options.length / 2);
  return options.length % 2 === 0
    ? options.slice(half - 1, half + 1)
    : options.slice(half, half + 1);
}

function useSaveSetting() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.assessments.updateSetting.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.assessments.pathKey() }),
    }),
  );
}

/** BARC-10's disputed middle answer labels, the same on every item, as the facility reads them. */
function AnswerLabels({ setting }: { setting: Setting }) {
  const def = setting.definition;
  const uid = useId();
  const save = useSaveSetting();
  const checkable = def.items.filter((i) => i.optionLabelsToCheck);
  const published = middleOptions(
    instrumentDefinition(def.code).items.find((i) => i.optionLabelsToCheck),
  );
  const current = middleOptions(checkable[0]);
  const [labels, setLabels] = useState<Record<string, string>>(() =>
    Object.fromEntries(current.map((o) => [String(o.value), o.label])),
  );
  const [blank, setBlank] = useState<string[]>([]);
  const error = save.error ? errorInfo(save.error) : null;
  const all = choiceOptions(checkable[0]).map((o) => labels[String(o.value)] ?? o.label);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const empty = Object.entries(labels)
      .filter(([, l]) => l.trim() === '')
      .map(([v]) => v);
    setBlank(empty);
    if (empty.length) return;
    const existing = overridesOf(def);
    const options: Record<string, Record<string, string>> = { ...existing.options };
    for (const item of checkable) {
      const mine: Record<string, string> = { ...options[item.id] };
      for (const p of published) {
        const label = (labels[String(p.value)] ?? p.label).trim();
        if (label === p.label) delete mine[String(p.value)];
        else mine[String(p.value)] = label;
      }
      if (Object.keys(mine).length) options[item.id] = mine;
      else delete options[item.id];
    }
    save.mutate({
      instrument: def.code,
      enabled: setting.enabled,
      wording: { ...(existing.items ? { items: existing.items } : {}), options },
    });
  };

  return (
    <details className="assess-labels">
      <summary>Answer labels</summary>
      <form className="inline-form" onSubmit={onSubmit} noValidate>
        <p className="muted small">
          Public copies of the {def.shortName} word the two middle answers differently. Choose the
          words your facility reads to clients. Scores do not change: answer {published[0]?.value}{' '}
          still scores {published[0]?.score}.
        </p>
        {published.map((p) => {
          const id = `${uid}-${p.value}`;
          const problem = blank.includes(String(p.value))
            ? `Write a label for answer ${p.value}, or put back “${p.label}”.`
            : undefined;
          return (
            <div className="field" key={p.value}>
              <label htmlFor={id}>
                Answer {p.value} (published as “{p.label}”)
              </label>
              <input
                id={id}
                value={labels[String(p.value)] ?? ''}
                maxLength={500}
                onChange={(e) => setLabels({ ...labels, [String(p.value)]: e.target.value })}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-error` : undefined}
              />
              {problem && (
                <p className="field-error" id={`${id}-error`}>
                  {problem}
                </p>
              )}
            </div>
          );
        })}
        <p className="small">
          Clients will hear: <span className="muted">{all.join(' · ')}</span>
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error.fieldErrors.wording?.[0] ?? error.message}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            Save answer labels
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setLabels(Object.fromEntries(published.map((p) => [String(p.value), p.label])));
              setBlank([]);
            }}
          >
            Put back the published labels
          </button>
        </div>
        {save.isSuccess && !save.isPending && (
          <p className="notice" role="status">
            Answer labels saved. The form uses them from now on.
          </p>
        )}
      </form>
    </details>
  );
}

function InstrumentRow({ setting }: { setting: Setting }) {
  const def = setting.definition;
  const id = useId();
  const save = useSaveSetting();
  const [status, setStatus] = useState<string | null>(null);
  // While saving, the box shows what was asked for; afterwards, what the server holds.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const error = save.error ? errorInfo(save.error) : null;
  const checked = wanted ?? setting.enabled;
  const toggle = (enabled: boolean) => {
    setStatus(null);
    setWanted(enabled);
    save.mutate(
      { instrument: def.code, enabled, wording: overridesOf(def) },
      {
        onSettled: () => setWanted(null),
        onSuccess: () =>
          setStatus(
            enabled
              ? `${def.shortName} is on. Staff can give it now.`
              : `${def.shortName} is off. It is no longer offered on the form; scores already given stay on clients’ charts.`,
          ),
      },
    );
  };
  return (
    <li className={`assess-setting${checked ? '' : ' assess-setting--off'}`}>
      <div className="assess-setting__head">
        <div>
          <h3>
            {def.shortName} <span className="muted assess-card__name">{def.name}</span>{' '}
            <span className={checked ? 'state state--signed' : 'state'}>
              {checked ? 'On' : 'Off'}
            </span>
          </h3>
          <p>{def.measures}</p>
        </div>
        <label className="assess-switch" htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            checked={checked}
            disabled={save.isPending}
            onChange={(e) => toggle(e.target.checked)}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <span>Use the {def.shortName}</span>
        </label>
      </div>
      <p className="assess-licence">
        {def.licence} Source: {def.source}
      </p>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          Not saved: {error.message}
        </p>
      )}
      {status && !save.isPending && (
        <p className="notice" role="status">
          {status}
        </p>
      )}
      {def.items.some((i) => i.optionLabelsToCheck) && <AnswerLabels setting={setting} />}
    </li>
  );
}

/** Which questionnaires staff may give at this facility, and BARC-10's answer labels. */
export function InstrumentSettings() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.assessments.settings.queryOptions());
  return (
    <section className="form" aria-labelledby="instrument-settings-title">
      <h2 id="instrument-settings-title">Assessments</h2>
      <p className="muted">
        The questionnaires staff can give to clients. Switching one off takes it off the form at
        once; scores already given stay on clients’ charts. Each is saved as soon as you switch it.
      </p>
      {settings.isPending && <p role="status">Loading the questionnaires…</p>}
      {settings.isError && (
        <p className="alert" role="alert">
          {errorInfo(settings.error).message}
        </p>
      )}
      {settings.data && (
        <ul className="assess-settings">
          {settings.data.map((s) => (
            <InstrumentRow key={s.definition.code} setting={s} />
          ))}
        </ul>
      )}
    </section>
  );
}
