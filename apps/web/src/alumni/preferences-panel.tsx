import type { RouterOutputs } from '@homegroup/api';
import {
  ATTENDANCE_MODE_LABELS,
  ATTENDANCE_MODES,
  type AttendanceMode,
  COMMUNITY_CODES,
  type CommunityCode,
  MEETING_FELLOWSHIPS,
  type MeetingFellowship,
  TIMES_OF_DAY,
  type TimeOfDay,
  WEEKDAY_NAMES,
} from '@homegroup/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';
import { useRefreshAlumni } from './use-alumni-mutation';

type Preferences = RouterOutputs['alumni']['page']['preferences'];
interface Place {
  label: string;
  latitude: number;
  longitude: number;
}

const LANGUAGES: [string, string][] = [
  ['', 'Any language'],
  ['EN', 'English'],
  ['S', 'Spanish'],
  ['FR', 'French'],
  ['ASL', 'American Sign Language'],
];

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function Checks<T extends string | number>({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: [T, string][];
  value: readonly T[];
  onChange: (next: T[]) => void;
}) {
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {options.map(([key, label]) => (
        <label key={String(key)} className="check">
          <input
            type="checkbox"
            checked={value.includes(key)}
            onChange={() => onChange(toggle(value, key))}
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** Where home is, picked from places the directory knows (no outside geocoder). */
function HomePicker({
  place,
  onChange,
}: {
  place: Place | null;
  onChange: (p: Place | null) => void;
}) {
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const places = useQuery({
    ...trpc.meetings.places.queryOptions({ text }),
    enabled: text.trim().length >= 2,
  });
  return (
    <div className="field home-picker">
      <label>
        Home area (to measure distance from)
        <input
          type="search"
          value={text}
          placeholder={place ? place.label : 'Type a town, postal code or meeting place'}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {place && (
        <p className="small">
          Measuring from <strong>{place.label}</strong>{' '}
          <button type="button" className="link-button" onClick={() => onChange(null)}>
            clear
          </button>
        </p>
      )}
      {text.trim().length >= 2 && places.data && (
        <ul className="place-options" aria-label="Places found">
          {places.data.length === 0 && (
            <li className="muted">No place in the directory matches.</li>
          )}
          {places.data.map((p) => (
            <li key={`${p.kind}-${p.label}`}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onChange({ label: p.label, latitude: p.latitude, longitude: p.longitude });
                  setText('');
                }}
              >
                {p.label}
              </button>{' '}
              <span className="muted small">
                {p.kind}, {p.meetings} meetings
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PreferencesPanel({
  clientId,
  preferences,
  preferredFellowship,
}: {
  clientId: string;
  preferences: Preferences;
  /** From the client record: the starting choice until preferences are saved. */
  preferredFellowship: string | null;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshAlumni();
  const [fellowships, setFellowships] = useState<MeetingFellowship[]>(
    (preferences?.fellowships ??
      (preferredFellowship && preferredFellowship in MEETING_FELLOWSHIPS
        ? [preferredFellowship]
        : [])) as MeetingFellowship[],
  );
  const [days, setDays] = useState<number[]>(preferences?.days ?? []);
  const [times, setTimes] = useState<TimeOfDay[]>(preferences?.timesOfDay ?? []);
  const [modes, setModes] = useState<AttendanceMode[]>(preferences?.attendanceModes ?? []);
  const [language, setLanguage] = useState(preferences?.language ?? '');
  const [communities, setCommunities] = useState<CommunityCode[]>(preferences?.communities ?? []);
  const [home, setHome] = useState<Place | null>(
    preferences?.homeLatitude != null && preferences.homeLongitude != null
      ? {
          label: preferences.homeLabel ?? 'Saved place',
          latitude: preferences.homeLatitude,
          longitude: preferences.homeLongitude,
        }
      : null,
  );
  const [miles, setMiles] = useState(
    preferences?.maxDistanceMiles ? String(preferences.maxDistanceMiles) : '',
  );
  const save = useMutation(
    trpc.alumni.savePreferences.mutationOptions({
      onSuccess: async () => {
        await refresh();
      },
    }),
  );
  const error = save.error ? errorInfo(save.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      clientId,
      fellowships,
      days,
      timesOfDay: times,
      attendanceModes: modes,
      language: language || null,
      communities,
      homeLabel: home?.label ?? null,
      homeLatitude: home?.latitude ?? null,
      homeLongitude: home?.longitude ?? null,
      maxDistanceMiles: miles ? Number(miles) : null,
    });
  };
  return (
    <section className="panel" aria-labelledby="prefs-title">
      <h2 id="prefs-title">What they are looking for</h2>
      <form className="form prefs-form" onSubmit={onSubmit} noValidate>
        <Checks
          legend="Fellowship"
          options={Object.entries(MEETING_FELLOWSHIPS) as [MeetingFellowship, string][]}
          value={fellowships}
          onChange={setFellowships}
        />
        <Checks
          legend="Days"
          options={WEEKDAY_NAMES.map((d, i) => [i, d.slice(0, 3)] as [number, string])}
          value={days}
          onChange={setDays}
        />
        <Checks
          legend="Time of day"
          options={(Object.entries(TIMES_OF_DAY) as [TimeOfDay, { label: string }][]).map(
            ([k, v]) => [k, v.label],
          )}
          value={times}
          onChange={setTimes}
        />
        <Checks
          legend="In person or online"
          options={ATTENDANCE_MODES.filter((m) => m !== 'hybrid').map(
            (m) => [m, ATTENDANCE_MODE_LABELS[m]] as [AttendanceMode, string],
          )}
          value={modes}
          onChange={setModes}
        />
        <Checks
          legend="Meetings for"
          options={Object.entries(COMMUNITY_CODES) as [CommunityCode, string][]}
          value={communities}
          onChange={setCommunities}
        />
        <div className="field">
          <label>
            Language
            <select value={language} onChange={(e) => setLanguage(e.target.value)}>
              {LANGUAGES.map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        </div>
        <HomePicker place={home} onChange={setHome} />
        <div className="field">
          <label>
            How far they can travel
            <select
              value={miles}
              onChange={(e) => setMiles(e.target.value)}
              aria-invalid={error?.fieldErrors.maxDistanceMiles ? true : undefined}
            >
              <option value="">No limit</option>
              {[2, 5, 10, 15, 25, 50].map((m) => (
                <option key={m} value={m}>
                  Within {m} miles
                </option>
              ))}
            </select>
          </label>
          {error?.fieldErrors.maxDistanceMiles && (
            <p className="field-error">{error.fieldErrors.maxDistanceMiles[0]}</p>
          )}
        </div>
        {error && !error.fieldErrors.maxDistanceMiles && (
          <p className="field-error">{error.message}</p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            Save and find meetings
          </button>
          {save.isSuccess && !save.isPending && <span role="status">Saved.</span>}
        </div>
      </form>
    </section>
  );
}
