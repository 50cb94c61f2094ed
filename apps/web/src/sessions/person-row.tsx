import { ATTENDANCE_STATUSES, type AttendanceStatus, ENGAGEMENT_LEVELS } from '@homegroup/core';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { type Draft, EMPTY_DRAFT, type SessionPerson, withStatus } from './entry-draft';

const STATUS_BUTTONS: { status: AttendanceStatus; label: string }[] = [
  { status: 'present', label: 'Present' },
  { status: 'late', label: 'Late' },
  { status: 'left_early', label: 'Left early' },
  { status: 'absent_excused', label: 'Excused' },
  { status: 'absent_unexcused', label: 'Absent' },
];

interface Props {
  person: SessionPerson;
  draft: Draft | null;
  dirty: boolean;
  readOnly: boolean;
  durationMinutes: number;
  errors: Record<string, string>;
  /** Counselors and admins: the client's record. */
  clientHref?: string | undefined;
  onChange: (draft: Draft) => void;
}

/** One person in the room: status, minutes, sharing, engagement and a note, all by tap or key. */
export function PersonRow({
  person,
  draft,
  dirty,
  readOnly,
  durationMinutes,
  errors,
  clientHref,
  onChange,
}: Props) {
  const id = useId();
  const [noteOpen, setNoteOpen] = useState(Boolean(draft?.individualNote));
  const current = draft ?? null;
  const set = (patch: Partial<Draft>) => onChange({ ...(current ?? EMPTY_DRAFT), ...patch });
  const attended = current && !['absent_excused', 'absent_unexcused'].includes(current.status);

  return (
    <li className={`person${dirty ? ' person--dirty' : ''}`} aria-labelledby={`${id}-name`}>
      <div className="person-head">
        <span className="person-name" id={`${id}-name`}>
          {clientHref ? <Link to={clientHref}>{person.name}</Link> : person.name}
        </span>
        <span className="person-detail">
          {person.detail}
          {(draft?.walkIn || (!person.onRoster && person.entry)) && (
            <span className="tag">Walk-in</span>
          )}
          {dirty && <span className="tag tag--unsaved">Not saved</span>}
        </span>
      </div>

      <fieldset className="segmented" disabled={readOnly}>
        <legend className="visually-hidden">Attendance of {person.name}</legend>
        {STATUS_BUTTONS.map((b) => (
          <button
            key={b.status}
            type="button"
            className={`seg seg--${b.status}`}
            aria-pressed={current?.status === b.status}
            title={ATTENDANCE_STATUSES[b.status]}
            onClick={() => onChange(withStatus(current ?? EMPTY_DRAFT, b.status))}
          >
            {b.label}
          </button>
        ))}
      </fieldset>

      {current?.status === 'late' && (
        <label className="inline-field">
          Minutes late
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={durationMinutes - 1}
            value={current.lateMinutes ?? ''}
            disabled={readOnly}
            aria-invalid={errors.lateMinutes ? true : undefined}
            onChange={(e) =>
              set({ lateMinutes: e.target.value === '' ? null : Number(e.target.value) })
            }
          />
        </label>
      )}
      {current?.status === 'left_early' && (
        <label className="inline-field">
          Minutes before the end
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={durationMinutes - 1}
            value={current.leftEarlyMinutes ?? ''}
            disabled={readOnly}
            aria-invalid={errors.leftEarlyMinutes ? true : undefined}
            onChange={(e) =>
              set({ leftEarlyMinutes: e.target.value === '' ? null : Number(e.target.value) })
            }
          />
        </label>
      )}
      {current?.status === 'absent_excused' && (
        <label className="inline-field inline-field--wide">
          Reason
          <input
            type="text"
            maxLength={200}
            value={current.excuseReason ?? ''}
            disabled={readOnly}
            aria-invalid={errors.excuseReason ? true : undefined}
            onChange={(e) => set({ excuseReason: e.target.value })}
          />
        </label>
      )}

      {attended && (
        <div className="person-engagement">
          <fieldset className="segmented segmented--small" disabled={readOnly}>
            <legend className="visually-hidden">Did {person.name} share?</legend>
            {(['shared', 'listened'] as const).map((p) => (
              <button
                key={p}
                type="button"
                className="seg"
                aria-pressed={current?.participation === p}
                onClick={() => set({ participation: current?.participation === p ? null : p })}
              >
                {p === 'shared' ? 'Shared' : 'Listened'}
              </button>
            ))}
          </fieldset>
          <fieldset className="segmented segmented--small" disabled={readOnly}>
            <legend className="visually-hidden">Engagement of {person.name}, 1 to 5</legend>
            {([1, 2, 3, 4, 5] as const).map((n) => (
              <button
                key={n}
                type="button"
                className="seg seg--rating"
                aria-pressed={current?.engagementRating === n}
                aria-label={`${n}: ${ENGAGEMENT_LEVELS[n].label}`}
                title={`${ENGAGEMENT_LEVELS[n].label}: ${ENGAGEMENT_LEVELS[n].description}`}
                onClick={() =>
                  set({ engagementRating: current?.engagementRating === n ? null : n })
                }
              >
                {n}
              </button>
            ))}
          </fieldset>
          {current?.engagementRating && (
            <span className="rating-label">
              {ENGAGEMENT_LEVELS[current.engagementRating as 1].label}
            </span>
          )}
        </div>
      )}

      {current && (
        <div className="person-note">
          {noteOpen ? (
            <label className="inline-field inline-field--wide">
              Note about {person.name} (this person only)
              <textarea
                rows={2}
                maxLength={4000}
                value={current.individualNote ?? ''}
                disabled={readOnly}
                onChange={(e) => set({ individualNote: e.target.value })}
              />
            </label>
          ) : (
            !readOnly && (
              <button type="button" className="link-button" onClick={() => setNoteOpen(true)}>
                Add a note for {person.name}
              </button>
            )
          )}
          {!person.onRoster && !readOnly && (
            <button
              type="button"
              className="link-button link-button--danger"
              onClick={() => set({ remove: !current.remove })}
            >
              {current.remove ? 'Keep in this session' : 'Remove walk-in'}
            </button>
          )}
        </div>
      )}

      {Object.values(errors).map((message) => (
        <p key={message} className="field-error" role="alert">
          {message}
        </p>
      ))}
    </li>
  );
}
