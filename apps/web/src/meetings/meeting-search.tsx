import type { RouterOutputs } from '@homegroup/api';
import {
  ATTENDANCE_MODE_LABELS,
  ATTENDANCE_MODES,
  COMMUNITY_FILTER_CODES,
  formatMiles,
  isLanguageCode,
  MEETING_FELLOWSHIPS,
  type MeetingFellowship,
  type TypeLanguage,
  typeName,
  WEEKDAY_NAMES,
} from '@homegroup/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { startTransition, useEffect, useId, useMemo, useOptimistic, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Pager } from '../components/pager';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';
import { type CheckGroup, CheckMenu } from './check-menu';
import {
  browserTimeZone,
  clockWords,
  count,
  dayName,
  fellowshipName,
  fellowshipShort,
  linkHost,
  plural,
  zoneAbbreviation,
} from './meeting-format';
import {
  DEFAULT_VIEW,
  hasFilters,
  MEETINGS_PAGE_SIZE,
  type MeetingsView,
  readMeetingsUrl,
  searchInput,
  WITHIN_CHOICES,
  writeMeetingsUrl,
} from './meetings-url';
import { PlaceBox, placeWords } from './place-box';

type SearchResult = RouterOutputs['meetings']['search'];
type MeetingRow = SearchResult['rows'][number];
type FilterOptions = RouterOutputs['meetings']['filterOptions'];

const COMMUNITY = new Set<string>(COMMUNITY_FILTER_CODES);
const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);

/** The format filter's choices: the codes present in the directory, by whom a meeting is for first. */
function formatGroups(
  options: FilterOptions | undefined,
  chosen: string[],
  names: TypeLanguage,
): CheckGroup<string>[] {
  const counts = new Map((options?.types ?? []).map((t) => [t.value, t.n]));
  for (const code of chosen) if (!counts.has(code)) counts.set(code, 0);
  const items = [...counts]
    .filter(([code]) => !isLanguageCode(code))
    .map(([code, n]) => ({
      value: code,
      label: typeName(code, names),
      title: `Code ${code}`,
      detail: `(${count(n)})`,
    }));
  return [
    { title: 'Who it is for', items: items.filter((i) => COMMUNITY.has(i.value)).sort(byLabel) },
    { title: 'Format', items: items.filter((i) => !COMMUNITY.has(i.value)).sort(byLabel) },
  ];
}

function listSummary(labels: string[]): string {
  if (labels.length === 0) return 'Any';
  if (labels.length <= 2) return labels.join(', ');
  return `${labels.length} chosen`;
}

/** The directory search: filters kept in the address, results in a paged table. */
export function MeetingSearch({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const inAddress = useMemo(() => readMeetingsUrl(params), [params]);
  // The router changes the address in a transition; meanwhile the controls show the change at once.
  const [view, setView] = useOptimistic(inAddress);
  const go = (next: MeetingsView, replace = false) =>
    startTransition(() => {
      setView(next);
      setParams(writeMeetingsUrl(next), { replace });
    });
  const update = (changes: Partial<MeetingsView>, keepPage = false) =>
    go({ ...view, ...(keepPage ? {} : { page: 1 }), ...changes });

  const [typed, setTyped] = useState(view.text);
  // Search after a short pause in typing; the text is kept in the address like every filter.
  useEffect(() => {
    const handle = window.setTimeout(() => {
      if (typed.trim() !== inAddress.text) go({ ...inAddress, page: 1, text: typed.trim() }, true);
    }, 300);
    return () => window.clearTimeout(handle);
  });

  const options = useQuery(trpc.meetings.filterOptions.queryOptions());
  const input = searchInput(view);
  const results = useQuery({
    ...trpc.meetings.search.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  const data = results.data;

  const ids = {
    text: useId(),
    within: useId(),
    sort: useId(),
    from: useId(),
    to: useId(),
    language: useId(),
    region: useId(),
  };
  const names = view.names;
  const languages = options.data?.languages ?? [];
  const regions = options.data?.regions ?? [];
  const filtered = hasFilters(view) || view.near !== null;
  const pages = data ? Math.max(1, Math.ceil(data.rowCount / MEETINGS_PAGE_SIZE)) : 1;
  const place = placeWords(view.near, view.place);

  const clearAll = () => {
    setTyped('');
    go({ ...DEFAULT_VIEW, names: view.names });
  };

  return (
    <section aria-labelledby="meeting-search-title" className="meeting-search">
      <h2 id="meeting-search-title">Find a meeting</h2>
      <search className="panel meeting-filters" aria-label="Search the meeting directory">
        <div className="filters meeting-filters__row">
          <div className="field meeting-filters__text">
            <label htmlFor={ids.text}>Name, place or group</label>
            <input
              id={ids.text}
              type="search"
              value={typed}
              maxLength={200}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
          <PlaceBox
            near={view.near}
            place={view.place}
            onChange={(near, label) =>
              update(
                near
                  ? {
                      near,
                      place: label,
                      sort: 'distance',
                      withinMiles: view.withinMiles ?? 10,
                    }
                  : {
                      near: null,
                      place: null,
                      withinMiles: null,
                      sort: view.sort === 'distance' ? 'time' : view.sort,
                    },
              )
            }
          />
          <div className="field">
            <label htmlFor={ids.within}>Distance</label>
            <select
              id={ids.within}
              value={view.withinMiles ?? ''}
              disabled={!view.near}
              title={view.near ? undefined : 'Choose a place first'}
              onChange={(e) =>
                update({ withinMiles: e.target.value ? Number(e.target.value) : null })
              }
            >
              <option value="">{view.near ? 'Any distance' : 'Choose a place first'}</option>
              {WITHIN_CHOICES.map((miles) => (
                <option key={miles} value={miles}>
                  Within {miles} {miles === 1 ? 'mile' : 'miles'}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.sort}>Sort by</label>
            <select
              id={ids.sort}
              value={view.sort}
              onChange={(e) => update({ sort: e.target.value as MeetingsView['sort'] })}
            >
              <option value="time">Day and time</option>
              <option value="distance" disabled={!view.near}>
                {view.near ? 'Distance, nearest first' : 'Distance (choose a place first)'}
              </option>
              <option value="name">Name</option>
            </select>
          </div>
        </div>

        <div className="filters meeting-filters__row">
          <fieldset className="field day-checks">
            <legend>Days</legend>
            <div className="day-checks__boxes">
              {WEEKDAY_NAMES.map((day, i) => (
                <label key={day} className="day-check">
                  <input
                    type="checkbox"
                    checked={view.days.includes(i)}
                    onChange={(e) =>
                      update({
                        days: e.target.checked
                          ? [...view.days, i]
                          : view.days.filter((d) => d !== i),
                      })
                    }
                  />
                  <span aria-hidden="true">{SHORT_DAYS[i]}</span>
                  <span className="visually-hidden">{day}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="field time-window">
            <legend>Starting between</legend>
            <div className="time-window__inputs">
              <label htmlFor={ids.from} className="visually-hidden">
                Earliest start
              </label>
              <input
                id={ids.from}
                type="time"
                value={view.from ?? ''}
                onChange={(e) => update({ from: e.target.value.slice(0, 5) || null })}
              />
              <span aria-hidden="true">and</span>
              <label htmlFor={ids.to} className="visually-hidden">
                Latest start
              </label>
              <input
                id={ids.to}
                type="time"
                value={view.to ?? ''}
                onChange={(e) => update({ to: e.target.value.slice(0, 5) || null })}
              />
            </div>
          </fieldset>
          <fieldset className="field mode-checks">
            <legend>How</legend>
            <div className="mode-checks__boxes">
              {ATTENDANCE_MODES.map((mode) => (
                <label key={mode} className="check">
                  <input
                    type="checkbox"
                    checked={view.modes.includes(mode)}
                    onChange={(e) =>
                      update({
                        modes: e.target.checked
                          ? [...view.modes, mode]
                          : view.modes.filter((m) => m !== mode),
                      })
                    }
                  />
                  {ATTENDANCE_MODE_LABELS[mode]}
                </label>
              ))}
            </div>
          </fieldset>
        </div>

        <div className="filters meeting-filters__row">
          <CheckMenu<MeetingFellowship>
            label="Fellowship"
            summary={listSummary(view.fellowships.map(fellowshipShort))}
            chosen={view.fellowships}
            onChange={(fellowships) => update({ fellowships })}
            groups={[
              {
                items: (Object.keys(MEETING_FELLOWSHIPS) as MeetingFellowship[]).map((f) => ({
                  value: f,
                  label: fellowshipName(f),
                })),
              },
            ]}
          />
          <CheckMenu<string>
            label="Formats"
            summary={listSummary(view.types.map((t) => typeName(t, names)))}
            chosen={view.types}
            onChange={(types) => update({ types: types.slice(0, 20) })}
            groups={formatGroups(options.data, view.types, names)}
          />
          <div className="field">
            <label htmlFor={ids.language}>Language</label>
            <select
              id={ids.language}
              value={view.language ?? ''}
              onChange={(e) => update({ language: e.target.value || null })}
            >
              <option value="">Any language</option>
              {view.language && !languages.some((l) => l.value === view.language) && (
                <option value={view.language}>{typeName(view.language, names)}</option>
              )}
              {languages.map((l) => (
                <option key={l.value} value={l.value}>
                  {typeName(l.value, names)} ({count(l.n)})
                </option>
              ))}
            </select>
          </div>
          {(regions.length > 0 || view.region) && (
            <div className="field">
              <label htmlFor={ids.region}>Area</label>
              <select
                id={ids.region}
                value={view.region ?? ''}
                onChange={(e) => update({ region: e.target.value || null })}
              >
                <option value="">Any area</option>
                {view.region && !regions.some((r) => r.value === view.region) && (
                  <option value={view.region}>{view.region}</option>
                )}
                {regions.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.value} ({count(r.n)})
                  </option>
                ))}
              </select>
            </div>
          )}
          <fieldset className="field names-toggle">
            <legend>Format names in</legend>
            <div className="segmented segmented--small">
              {(['en', 'es'] as const).map((lang) => (
                <button
                  key={lang}
                  type="button"
                  className="seg"
                  lang={lang}
                  aria-pressed={names === lang}
                  onClick={() => update({ names: lang }, true)}
                >
                  {lang === 'en' ? 'English' : 'Español'}
                </button>
              ))}
            </div>
          </fieldset>
          {(filtered || typed !== '') && (
            <div className="filters__actions">
              <button type="button" className="button" onClick={clearAll}>
                Clear the search
              </button>
            </div>
          )}
        </div>
      </search>

      {results.isError && (
        <p className="alert" role="alert">
          {errorInfo(results.error).message}
        </p>
      )}
      {results.isPending && <p role="status">Looking up meetings…</p>}
      {data && (
        <div className="result-head">
          <p className="result-count" role="status">
            {data.rowCount === 0 ? 'No meetings' : plural(data.rowCount, 'meeting')}
            {filtered ? ' match this search' : ' in the directory'}
            {view.near && ` · measured from ${place}`}
          </p>
        </div>
      )}
      {data && view.near && data.withoutPosition > 0 && (
        <p className="notice">
          {data.withoutPosition === 1
            ? '1 meeting that matches has no position in its feed, so it cannot be placed by distance.'
            : `${count(data.withoutPosition)} meetings that match have no position in their feed, so they cannot be placed by distance.`}{' '}
          Choose “Any distance” to list them too.
        </p>
      )}
      {data && data.rowCount === 0 && (
        <div className="empty-state">
          {options.data?.meetingCount === 0 ? (
            <p>
              The directory has no meetings yet.{' '}
              {canManage
                ? 'Add a feed below and import it, or add a meeting by hand.'
                : 'An alumni coordinator adds them from the meeting feeds.'}
            </p>
          ) : (
            <>
              <p>
                No meeting matches this search. Try fewer days, a wider time window
                {view.near ? ' or a greater distance' : ''}.
              </p>
              <button type="button" className="button" onClick={clearAll}>
                Clear the search
              </button>
            </>
          )}
        </div>
      )}
      {data && data.rowCount > 0 && (
        <>
          <MeetingTable
            rows={data.rows}
            measured={view.near !== null}
            names={names}
            busy={results.isFetching}
            caption={`Meetings, page ${view.page} of ${pages}`}
          />
          {pages > 1 && (
            <Pager
              page={view.page}
              pages={pages}
              label="Pages of meetings"
              summary={plural(data.rowCount, 'meeting')}
              onPage={(page) => update({ page }, true)}
            />
          )}
        </>
      )}
    </section>
  );
}

const localZone = browserTimeZone();
const localAbbreviation = zoneAbbreviation(localZone);

function WhenCell({ m }: { m: MeetingRow }) {
  const abbreviation = m.timeZone === localZone ? null : zoneAbbreviation(m.timeZone);
  return (
    <>
      <strong>{dayName(m.day)}</strong>
      <div className="nowrap">
        {clockWords(m.startTime)}
        {m.startTime && m.endTime && <span className="muted"> – {clockWords(m.endTime)}</span>}
        {abbreviation && abbreviation !== localAbbreviation && (
          <>
            {' '}
            <abbr title={`Time in ${m.timeZone}`}>{abbreviation}</abbr>
          </>
        )}
      </div>
    </>
  );
}

function WhereCell({ m }: { m: MeetingRow }) {
  const host = linkHost(m.conferenceUrl);
  const inPerson = m.attendanceMode !== 'online';
  const online = m.attendanceMode !== 'in_person';
  return (
    <>
      {inPerson && (m.location || m.formattedAddress) && (
        <div>
          {m.location && <div className="meeting-place">{m.location}</div>}
          {m.formattedAddress && m.formattedAddress !== m.location && (
            <div className="muted small">{m.formattedAddress}</div>
          )}
        </div>
      )}
      {inPerson && !m.location && !m.formattedAddress && (
        <div className="muted">No address in the feed</div>
      )}
      {online && (
        <div className="meeting-online">
          Online
          {host && m.conferenceUrl && (
            <>
              {' · '}
              <a href={m.conferenceUrl} target="_blank" rel="noopener noreferrer">
                {host}
              </a>
            </>
          )}
          {m.conferencePhone && <div className="muted small">Dial-in {m.conferencePhone}</div>}
        </div>
      )}
    </>
  );
}

function MeetingTable({
  rows,
  measured,
  names,
  busy,
  caption,
}: {
  rows: MeetingRow[];
  measured: boolean;
  names: TypeLanguage;
  busy: boolean;
  caption: string;
}) {
  return (
    <div className="table-scroll">
      <table className="table table--meetings" aria-busy={busy}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Meeting</th>
            <th scope="col">Fellowship</th>
            <th scope="col">Formats</th>
            <th scope="col">How</th>
            <th scope="col">Where</th>
            {measured && <th scope="col">Distance</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <td>
                <WhenCell m={m} />
              </td>
              <td>
                <div className="meeting-name">
                  {m.url ? (
                    <a href={m.url} target="_blank" rel="noopener noreferrer">
                      {m.name}
                    </a>
                  ) : (
                    m.name
                  )}
                </div>
                {m.groupName && m.groupName !== m.name && (
                  <div className="muted small">{m.groupName}</div>
                )}
              </td>
              <td>
                <span title={fellowshipName(m.fellowship)}>{fellowshipShort(m.fellowship)}</span>
              </td>
              <td>
                {m.types.length + m.unknownTypes.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul className="meeting-chips" aria-label="Formats">
                    {m.types.map((code) => (
                      <li key={code} className="meeting-chip" title={`Code ${code}`} lang={names}>
                        {typeName(code, names)}
                      </li>
                    ))}
                    {m.unknownTypes.map((word) => (
                      <li
                        key={`?${word}`}
                        className="meeting-chip meeting-chip--unknown"
                        title="Not a standard Meeting Guide format; shown as the feed gave it"
                      >
                        {word}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{ATTENDANCE_MODE_LABELS[m.attendanceMode]}</td>
              <td>
                <WhereCell m={m} />
              </td>
              {measured && (
                <td className="nowrap">
                  {m.distanceMiles === null ? (
                    <span className="muted">No position in the feed</span>
                  ) : (
                    formatMiles(m.distanceMiles)
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
