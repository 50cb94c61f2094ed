import {
  AUDIENCES,
  type Audience,
  dateInTimeZone,
  defaultsForKind,
  formatName,
  GROUP_FORMAT_CODES,
  GROUP_KIND_KEYS,
  GROUP_KINDS,
  type GroupFormatCode,
  type GroupKind,
} from '@homegroup/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCurrentStaff } from '../auth/use-current-staff';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface FormState {
  name: string;
  kind: GroupKind;
  formatCodes: GroupFormatCode[];
  audiences: Audience[];
  programTrack: string;
  minAge: string;
  participation: 'mandatory' | 'optional';
  enrolment: 'open' | 'closed';
  capacity: string;
  room: string;
  videoUrl: string;
  scheduleDays: number[];
  startTime: string;
  durationMinutes: string;
  firstSessionDate: string;
  monitorStaffId: string;
  coFacilitatorStaffId: string;
}

const toggle = <T,>(list: T[], item: T) =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

export function GroupFormPage() {
  const { groupId } = useParams();
  const staff = useCurrentStaff();
  const trpc = useTRPC();
  const existing = useQuery({
    ...trpc.groups.get.queryOptions({ groupId: groupId ?? '' }),
    enabled: !!groupId,
  });
  usePageTitle(groupId ? 'Edit group' : 'New group');
  if (groupId && existing.isPending) return <p role="status">Loading the group…</p>;
  if (groupId && existing.isError) {
    return (
      <p className="alert" role="alert">
        {errorInfo(existing.error).message}
      </p>
    );
  }
  const g = existing.data?.group;
  const initial: FormState = g
    ? {
        name: g.name,
        kind: g.kind,
        formatCodes: g.formatCodes as GroupFormatCode[],
        audiences: g.audiences,
        programTrack: g.programTrack ?? '',
        minAge: g.minAge?.toString() ?? '',
        participation: g.participation,
        enrolment: g.enrolment,
        capacity: g.capacity?.toString() ?? '',
        room: g.room ?? '',
        videoUrl: g.videoUrl ?? '',
        scheduleDays: g.scheduleDays,
        startTime: g.startTime,
        durationMinutes: String(g.durationMinutes),
        firstSessionDate: g.cycleStartDate ?? '',
        monitorStaffId: g.monitorStaffId,
        coFacilitatorStaffId: g.coFacilitatorStaffId ?? '',
      }
    : {
        name: '',
        kind: 'aa',
        formatCodes: ['C', 'D'],
        audiences: ['clients'],
        programTrack: '',
        minAge: '',
        participation: 'optional',
        enrolment: 'open',
        capacity: '',
        room: '',
        videoUrl: '',
        scheduleDays: [],
        startTime: '18:00',
        durationMinutes: '60',
        firstSessionDate: dateInTimeZone(new Date(), staff.facility.timeZone),
        monitorStaffId: '',
        coFacilitatorStaffId: '',
      };
  return <GroupForm groupId={groupId} initial={initial} />;
}

function GroupForm({ groupId, initial }: { groupId: string | undefined; initial: FormState }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const staffOptions = useQuery(trpc.groups.staffOptions.queryOptions());
  const [form, setForm] = useState<FormState>(initial);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const onDone = async (result: { groupId: string }) => {
    await queryClient.invalidateQueries({ queryKey: trpc.groups.pathKey() });
    navigate(`/groups/${result.groupId}`);
  };
  const create = useMutation(trpc.groups.create.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.groups.update.mutationOptions({ onSuccess: onDone }));
  const pending = create.isPending || update.isPending;
  const error = errorInfo(create.error ?? update.error);
  const hasError = Boolean(create.error ?? update.error);
  const fieldError = (name: string) => (hasError ? error.fieldErrors[name]?.[0] : undefined);

  const num = (v: string) => (v.trim() === '' ? null : Number(v));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const values = {
      name: form.name,
      kind: form.kind,
      formatCodes: form.formatCodes,
      audiences: form.audiences,
      programTrack: form.programTrack,
      minAge: num(form.minAge),
      participation: form.participation,
      enrolment: form.enrolment,
      capacity: num(form.capacity),
      room: form.room,
      videoUrl: form.videoUrl.trim() === '' ? null : form.videoUrl.trim(),
      scheduleDays: form.scheduleDays,
      startTime: form.startTime,
      durationMinutes: Number(form.durationMinutes),
      monitorStaffId: form.monitorStaffId,
      coFacilitatorStaffId: form.coFacilitatorStaffId || null,
    };
    if (groupId) update.mutate({ ...values, groupId });
    else create.mutate({ ...values, firstSessionDate: form.firstSessionDate });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <h1>{groupId ? 'Edit group' : 'New group'}</h1>
      {hasError && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}

      <TextField
        label="Name"
        value={form.name}
        maxLength={120}
        onChange={(e) => set('name', e.target.value)}
        error={fieldError('name')}
      />

      <div className="field">
        <label htmlFor="group-kind">Kind of group</label>
        <select
          id="group-kind"
          value={form.kind}
          onChange={(e) => {
            const kind = e.target.value as GroupKind;
            const defaults = defaultsForKind(kind);
            setForm((f) => ({
              ...f,
              kind,
              audiences: defaults.audiences,
              minAge: defaults.minAge?.toString() ?? '',
            }));
          }}
        >
          {GROUP_KIND_KEYS.map((k) => (
            <option key={k} value={k}>
              {GROUP_KINDS[k].label}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="field checks">
        <legend>Format (Meeting Guide codes)</legend>
        {GROUP_FORMAT_CODES.map((code) => (
          <label key={code} className="check">
            <input
              type="checkbox"
              checked={form.formatCodes.includes(code)}
              onChange={() => set('formatCodes', toggle(form.formatCodes, code))}
            />
            {formatName(code)}
          </label>
        ))}
        {fieldError('formatCodes') && <p className="field-error">{fieldError('formatCodes')}</p>}
      </fieldset>

      <fieldset className="field checks">
        <legend>Who attends</legend>
        {(Object.keys(AUDIENCES) as Audience[]).map((a) => (
          <label key={a} className="check">
            <input
              type="checkbox"
              checked={form.audiences.includes(a)}
              onChange={() => set('audiences', toggle(form.audiences, a))}
            />
            {AUDIENCES[a]}
          </label>
        ))}
        {fieldError('audiences') && <p className="field-error">{fieldError('audiences')}</p>}
      </fieldset>

      <div className="form-row">
        <TextField
          label="Program track or level of care (optional)"
          value={form.programTrack}
          maxLength={80}
          onChange={(e) => set('programTrack', e.target.value)}
          error={fieldError('programTrack')}
        />
        <TextField
          label="Minimum age (optional)"
          type="number"
          inputMode="numeric"
          value={form.minAge}
          onChange={(e) => set('minAge', e.target.value)}
          error={fieldError('minAge')}
        />
      </div>

      <div className="form-row">
        <fieldset className="field">
          <legend>Participation</legend>
          {(['mandatory', 'optional'] as const).map((v) => (
            <label key={v} className="check">
              <input
                type="radio"
                name="participation"
                checked={form.participation === v}
                onChange={() => set('participation', v)}
              />
              {v === 'mandatory' ? 'Mandatory' : 'Optional'}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>Enrolment</legend>
          {(['open', 'closed'] as const).map((v) => (
            <label key={v} className="check">
              <input
                type="radio"
                name="enrolment"
                checked={form.enrolment === v}
                onChange={() => set('enrolment', v)}
              />
              {v === 'open' ? 'Open: join any time' : 'Closed: join at the start of a cycle'}
            </label>
          ))}
        </fieldset>
      </div>

      <div className="form-row">
        <TextField
          label="Capacity (empty: no limit)"
          type="number"
          inputMode="numeric"
          value={form.capacity}
          onChange={(e) => set('capacity', e.target.value)}
          error={fieldError('capacity')}
        />
        <TextField
          label="Room"
          value={form.room}
          maxLength={120}
          onChange={(e) => set('room', e.target.value)}
          error={fieldError('room')}
        />
        <TextField
          label="Video link (optional)"
          type="url"
          value={form.videoUrl}
          onChange={(e) => set('videoUrl', e.target.value)}
          error={fieldError('videoUrl')}
        />
      </div>

      <fieldset className="field checks">
        <legend>Meets on</legend>
        {DAYS.map((day, i) => (
          <label key={day} className="check">
            <input
              type="checkbox"
              checked={form.scheduleDays.includes(i)}
              onChange={() => set('scheduleDays', toggle(form.scheduleDays, i).sort())}
            />
            {day}
          </label>
        ))}
        {fieldError('scheduleDays') && <p className="field-error">{fieldError('scheduleDays')}</p>}
      </fieldset>

      <div className="form-row">
        <TextField
          label="Starts at"
          type="time"
          value={form.startTime}
          onChange={(e) => set('startTime', e.target.value)}
          error={fieldError('startTime')}
        />
        <TextField
          label="Length in minutes"
          type="number"
          inputMode="numeric"
          value={form.durationMinutes}
          onChange={(e) => set('durationMinutes', e.target.value)}
          error={fieldError('durationMinutes')}
        />
        {!groupId && (
          <TextField
            label="First session on"
            type="date"
            value={form.firstSessionDate}
            onChange={(e) => set('firstSessionDate', e.target.value)}
            error={fieldError('firstSessionDate')}
          />
        )}
      </div>

      <div className="form-row">
        <div className="field">
          <label htmlFor="group-monitor">Monitor (responsible staff member)</label>
          <select
            id="group-monitor"
            value={form.monitorStaffId}
            onChange={(e) => set('monitorStaffId', e.target.value)}
            aria-invalid={fieldError('monitorStaffId') ? true : undefined}
          >
            <option value="">Choose…</option>
            {staffOptions.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName} ({s.roleLabel})
              </option>
            ))}
          </select>
          {fieldError('monitorStaffId') && (
            <p className="field-error">{fieldError('monitorStaffId')}</p>
          )}
        </div>
        <div className="field">
          <label htmlFor="group-co">Co-facilitator (optional)</label>
          <select
            id="group-co"
            value={form.coFacilitatorStaffId}
            onChange={(e) => set('coFacilitatorStaffId', e.target.value)}
          >
            <option value="">None</option>
            {staffOptions.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName} ({s.roleLabel})
              </option>
            ))}
          </select>
          {fieldError('coFacilitatorStaffId') && (
            <p className="field-error">{fieldError('coFacilitatorStaffId')}</p>
          )}
        </div>
      </div>

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : groupId ? 'Save changes' : 'Create group'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => navigate(groupId ? `/groups/${groupId}` : '/groups')}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
