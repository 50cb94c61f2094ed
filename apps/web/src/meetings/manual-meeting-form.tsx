import {
  COMMUNITY_FILTER_CODES,
  MEETING_FELLOWSHIPS,
  type MeetingFellowship,
  typeName,
  WEEKDAY_NAMES,
} from '@homegroup/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';

/** The formats a coordinator most often needs to record, by Meeting Guide code. */
const FORMAT_CODES = ['O', 'C', 'D', 'SP', 'B', 'ST', '11', 'TR', 'LIT', 'MED', 'BE', 'CAN'];
const FOR_CODES = COMMUNITY_FILTER_CODES.filter((c) =>
  ['W', 'M', 'Y', 'LGBTQ', 'SEN', 'POC', 'DD'].includes(c),
);
const OTHER_CODES = ['S', 'ASL', 'X', 'BA', 'CF', 'OUT', 'FF'];

const EMPTY = {
  name: '',
  fellowship: 'aa' as MeetingFellowship,
  day: '',
  startTime: '',
  endTime: '',
  types: [] as string[],
  location: '',
  formattedAddress: '',
  latitude: '',
  longitude: '',
  conferenceUrl: '',
  conferencePhone: '',
  notes: '',
};
type Draft = typeof EMPTY;

function coordinate(text: string): number | null | 'bad' {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : 'bad';
}

/** A meeting no feed lists, entered by hand; it joins the search straight away. */
export function ManualMeetingForm({ onSaved }: { onSaved: () => void | Promise<void> }) {
  const trpc = useTRPC();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(null);
  };
  const save = useMutation(
    trpc.meetings.saveManual.mutationOptions({
      onSuccess: async (_result, input) => {
        setDraft(EMPTY);
        setSaved(input.name);
        await onSaved();
      },
    }),
  );
  const error = save.error ? errorInfo(save.error) : null;
  const fieldError = (field: string) => local[field] ?? error?.fieldErrors[field]?.[0];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const latitude = coordinate(draft.latitude);
    const longitude = coordinate(draft.longitude);
    const problems: Record<string, string> = {};
    if (draft.day === '') problems.day = 'Choose the day, or “No fixed day”.';
    if (latitude === 'bad') problems.latitude = 'Give the latitude as a number, such as 39.7392.';
    if (longitude === 'bad')
      problems.longitude = 'Give the longitude as a number, such as -104.9903.';
    setLocal(problems);
    if (Object.keys(problems).length > 0 || latitude === 'bad' || longitude === 'bad') return;
    save.mutate({
      meetingId: null,
      name: draft.name,
      fellowship: draft.fellowship,
      day: draft.day === 'none' ? null : Number(draft.day),
      startTime: draft.startTime.slice(0, 5) || null,
      endTime: draft.endTime.slice(0, 5) || null,
      types: draft.types,
      location: draft.location,
      formattedAddress: draft.formattedAddress,
      latitude,
      longitude,
      conferenceUrl: draft.conferenceUrl,
      conferencePhone: draft.conferencePhone,
      notes: draft.notes,
    });
  };

  const toggleType = (code: string, on: boolean) =>
    set('types', on ? [...draft.types, code] : draft.types.filter((c) => c !== code));
  const checks = (title: string, codes: readonly string[]) => (
    <fieldset className="checks manual-form__checks">
      <legend>{title}</legend>
      {codes.map((code) => (
        <label key={code} className="check" title={`Code ${code}`}>
          <input
            type="checkbox"
            checked={draft.types.includes(code)}
            onChange={(e) => toggleType(code, e.target.checked)}
          />
          {typeName(code, 'en')}
        </label>
      ))}
    </fieldset>
  );
  const hasFieldErrors =
    Object.keys(local).length > 0 ||
    (error && Object.values(error.fieldErrors).some((v) => v && v.length > 0));

  return (
    <form className="form manual-form" onSubmit={onSubmit} noValidate>
      <div className="form-row">
        <TextField
          label="Name of the meeting"
          value={draft.name}
          maxLength={200}
          onChange={(e) => set('name', e.target.value)}
          error={fieldError('name')}
        />
        <div className="field">
          <label htmlFor={`${id}-fellowship`}>Fellowship</label>
          <select
            id={`${id}-fellowship`}
            value={draft.fellowship}
            onChange={(e) => set('fellowship', e.target.value as MeetingFellowship)}
          >
            {Object.entries(MEETING_FELLOWSHIPS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-day`}>Day</label>
          <select
            id={`${id}-day`}
            value={draft.day}
            onChange={(e) => set('day', e.target.value)}
            aria-invalid={fieldError('day') ? true : undefined}
            aria-describedby={fieldError('day') ? `${id}-day-error` : undefined}
          >
            <option value="">Choose…</option>
            {WEEKDAY_NAMES.map((day, i) => (
              <option key={day} value={String(i)}>
                {day}
              </option>
            ))}
            <option value="none">No fixed day (by appointment)</option>
          </select>
          {fieldError('day') && (
            <p className="field-error" id={`${id}-day-error`}>
              {fieldError('day')}
            </p>
          )}
        </div>
        <TextField
          label="Starts at"
          type="time"
          value={draft.startTime}
          onChange={(e) => set('startTime', e.target.value)}
          error={fieldError('startTime')}
        />
        <TextField
          label="Ends at (optional)"
          type="time"
          value={draft.endTime}
          onChange={(e) => set('endTime', e.target.value)}
          error={fieldError('endTime')}
        />
      </div>
      <div className="manual-form__formats">
        {checks('Format', FORMAT_CODES)}
        {checks('Who it is for', FOR_CODES)}
        {checks('Language and access', OTHER_CODES)}
      </div>
      {fieldError('types') && <p className="field-error">{fieldError('types')}</p>}
      <div className="form-row">
        <TextField
          label="Location (building or room)"
          value={draft.location}
          maxLength={200}
          onChange={(e) => set('location', e.target.value)}
          error={fieldError('location')}
        />
        <TextField
          label="Address"
          value={draft.formattedAddress}
          maxLength={300}
          placeholder="Street, city, state, postal code"
          onChange={(e) => set('formattedAddress', e.target.value)}
          error={fieldError('formattedAddress')}
        />
      </div>
      <div className="form-row">
        <TextField
          label="Latitude (optional)"
          inputMode="decimal"
          value={draft.latitude}
          placeholder="39.7392"
          onChange={(e) => set('latitude', e.target.value)}
          error={fieldError('latitude')}
        />
        <TextField
          label="Longitude (optional)"
          inputMode="decimal"
          value={draft.longitude}
          placeholder="-104.9903"
          onChange={(e) => set('longitude', e.target.value)}
          error={fieldError('longitude')}
        />
      </div>
      <p className="muted small">
        With a latitude and longitude the meeting can be found by distance. Without an address, give
        an online link or a dial-in number.
      </p>
      <div className="form-row">
        <TextField
          label="Online link (optional)"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={draft.conferenceUrl}
          maxLength={500}
          onChange={(e) => set('conferenceUrl', e.target.value)}
          error={fieldError('conferenceUrl')}
        />
        <TextField
          label="Dial-in number (optional)"
          type="tel"
          value={draft.conferencePhone}
          maxLength={60}
          onChange={(e) => set('conferencePhone', e.target.value)}
          error={fieldError('conferencePhone')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>Notes (optional)</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          value={draft.notes}
          maxLength={2000}
          onChange={(e) => set('notes', e.target.value)}
        />
        {fieldError('notes') && <p className="field-error">{fieldError('notes')}</p>}
      </div>
      {error && !hasFieldErrors && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
      {hasFieldErrors && (
        <p className="field-error" role="alert">
          Some fields need attention; nothing was saved.
        </p>
      )}
      {saved && (
        <p className="notice" role="status">
          Saved “{saved}”. It is in the search now.
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save the meeting'}
        </button>
      </div>
    </form>
  );
}
