import { MEETING_FELLOWSHIPS, type MeetingFellowship } from '@homegroup/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';
import { browserTimeZone } from './meeting-format';
import { timeZoneChoices } from './time-zones';

type Kind = 'meeting_guide' | 'bmlt' | 'upload';

const KINDS: { value: Kind; label: string; hint: string }[] = [
  {
    value: 'upload',
    label: 'A file I upload',
    hint: 'A Meeting Guide JSON file saved on this computer.',
  },
  {
    value: 'meeting_guide',
    label: 'A Meeting Guide address',
    hint: 'The web address of a Meeting Guide JSON feed, such as a WordPress site’s meetings feed.',
  },
  {
    value: 'bmlt',
    label: 'A BMLT server',
    hint: 'The address of a BMLT root server (used by many NA areas).',
  },
];

/** A new feed: where its meetings come from, their fellowship and the zone their times are in. */
export function AddFeedForm({
  facilityTimeZone,
  onAdded,
}: {
  facilityTimeZone: string;
  onAdded: (sourceId: string, name: string) => void | Promise<void>;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('upload');
  const [url, setUrl] = useState('');
  const [fellowship, setFellowship] = useState<MeetingFellowship>('aa');
  const [zone, setZone] = useState(facilityTimeZone);
  const create = useMutation(
    trpc.meetings.createSource.mutationOptions({
      onSuccess: async (result, input) => {
        setName('');
        setUrl('');
        await onAdded(result.sourceId, input.name);
      },
    }),
  );
  const error = create.error ? errorInfo(create.error) : null;
  const fieldError = (field: string) => error?.fieldErrors[field]?.[0];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      name,
      kind,
      url: kind === 'upload' ? null : url,
      fellowship,
      defaultTimeZone: zone,
    });
  };
  const hasFieldErrors = error && Object.values(error.fieldErrors).some((v) => v && v.length > 0);
  const kindHint = KINDS.find((k) => k.value === kind)?.hint;
  return (
    <form className="form feed-form" onSubmit={onSubmit} noValidate>
      <div className="form-row">
        <TextField
          label="Name of the feed"
          value={name}
          maxLength={120}
          placeholder="e.g. Denver Area AA"
          onChange={(e) => setName(e.target.value)}
          error={fieldError('name')}
        />
        <div className="field">
          <label htmlFor={`${id}-fellowship`}>Fellowship</label>
          <select
            id={`${id}-fellowship`}
            value={fellowship}
            onChange={(e) => setFellowship(e.target.value as MeetingFellowship)}
            aria-invalid={fieldError('fellowship') ? true : undefined}
          >
            {Object.entries(MEETING_FELLOWSHIPS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          {fieldError('fellowship') && <p className="field-error">{fieldError('fellowship')}</p>}
        </div>
      </div>
      <fieldset className="choice-row">
        <legend>Where the meetings come from</legend>
        {KINDS.map((k) => (
          <label key={k.value} className="choice">
            <input
              type="radio"
              name={`${id}-kind`}
              value={k.value}
              checked={kind === k.value}
              onChange={() => setKind(k.value)}
            />
            {k.label}
          </label>
        ))}
      </fieldset>
      <p className="muted small feed-form__hint">{kindHint}</p>
      {fieldError('kind') && <p className="field-error">{fieldError('kind')}</p>}
      <div className="form-row">
        {kind !== 'upload' && (
          <TextField
            label={kind === 'bmlt' ? 'Address of the BMLT server' : 'Address of the feed'}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={url}
            maxLength={2000}
            onChange={(e) => setUrl(e.target.value)}
            error={fieldError('url')}
          />
        )}
        <div className="field">
          <label htmlFor={`${id}-zone`}>Time zone of its meetings</label>
          <select
            id={`${id}-zone`}
            value={zone}
            onChange={(e) => setZone(e.target.value)}
            aria-invalid={fieldError('defaultTimeZone') ? true : undefined}
            aria-describedby={`${id}-zone-hint`}
          >
            {timeZoneChoices(facilityTimeZone, browserTimeZone()).map((z) => (
              <option key={z.zone} value={z.zone}>
                {z.label}
              </option>
            ))}
          </select>
          <p id={`${id}-zone-hint`} className="muted small">
            Used for meetings whose feed names no time zone.
          </p>
          {fieldError('defaultTimeZone') && (
            <p className="field-error">{fieldError('defaultTimeZone')}</p>
          )}
        </div>
      </div>
      {error && !hasFieldErrors && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add the feed'}
        </button>
      </div>
    </form>
  );
}
