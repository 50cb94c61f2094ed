import { FELLOWSHIPS, type FlagSettings } from '@homegroup/core';
import type { MilestoneSetInput } from '@homegroup/validators';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';

const FIELDS: [keyof FlagSettings, string][] = [
  ['missedInRow', 'Flag after this many sessions missed in a row (no excuse)'],
  ['lowAttendancePercent', 'Flag attendance under this percentage'],
  ['attendanceWindowDays', 'Attendance is measured over this many days'],
  ['engagementDrop', 'Flag a fall in mean engagement of this many points'],
  ['engagementWeeks', 'Engagement is compared over this many weeks'],
  ['noAttendanceDays', 'Flag no attendance for this many days while in treatment'],
];

function FlagSettingsForm({ initial }: { initial: FlagSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(
    Object.fromEntries(FIELDS.map(([k]) => [k, String(initial[k])])),
  );
  const save = useMutation(
    trpc.facility.updateFlagSettings.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  const error = save.error ? errorInfo(save.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      Object.fromEntries(FIELDS.map(([k]) => [k, Number(draft[k])])) as unknown as FlagSettings,
    );
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <h2>Engagement flags</h2>
      <p className="muted">Every client’s flags are worked out again with the new thresholds.</p>
      {FIELDS.map(([key, label]) => (
        <TextField
          key={key}
          label={label}
          type="number"
          inputMode="decimal"
          step={key === 'engagementDrop' ? 0.5 : 1}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
          error={error?.fieldErrors[key]?.[0]}
        />
      ))}
      {save.isSuccess && <p role="status">Saved.</p>}
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        Save flag thresholds
      </button>
    </form>
  );
}

function MilestoneRow({
  fellowship,
  milestones,
  effective,
}: {
  fellowship: string;
  milestones: string | null;
  effective: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(milestones ?? '');
  const save = useMutation(
    trpc.facility.updateMilestoneSet.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.facility.milestoneSets.queryKey() }),
    }),
  );
  const error = save.error ? errorInfo(save.error) : null;
  const label =
    fellowship === 'default'
      ? 'Every fellowship (default)'
      : FELLOWSHIPS[fellowship as keyof typeof FELLOWSHIPS];
  return (
    <form
      className="milestone-row"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          fellowship: fellowship as MilestoneSetInput['fellowship'],
          milestones: text,
        });
      }}
    >
      <TextField
        label={label}
        value={text}
        placeholder={fellowship === 'default' ? effective : `Same as default: ${effective}`}
        onChange={(e) => setText(e.target.value)}
        error={error?.fieldErrors.milestones?.[0]}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        Save
      </button>
    </form>
  );
}

/** Flag thresholds and sobriety milestone sets, for the admin settings page. */
export function EngagementSettings() {
  const trpc = useTRPC();
  const flags = useQuery(trpc.facility.flagSettings.queryOptions());
  const sets = useQuery(trpc.facility.milestoneSets.queryOptions());
  return (
    <>
      {flags.data && <FlagSettingsForm initial={flags.data} />}
      <section className="form" aria-labelledby="milestone-sets-title">
        <h2 id="milestone-sets-title">Sobriety milestones</h2>
        <p className="muted">
          Write milestones as 24h, 30d, 6m, 1y, separated by commas; “yearly” adds every year after.
          Leave a fellowship blank to use the default.
        </p>
        {sets.data?.map((s) => (
          <MilestoneRow key={s.fellowship} {...s} />
        ))}
      </section>
    </>
  );
}
