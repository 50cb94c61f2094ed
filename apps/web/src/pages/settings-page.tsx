import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { InstrumentSettings } from '../assessments/instrument-settings';
import { useCurrentStaff } from '../auth/use-current-staff';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { usePageTitle } from '../lib/use-page-title';
import { useTRPC } from '../trpc';
import { EngagementSettings } from './engagement-settings';
import { FollowUpSettings } from './follow-up-settings';
import { SecuritySettings } from './security-settings';

export function SettingsPage() {
  usePageTitle('Facility settings');
  const trpc = useTRPC();
  const settings = useQuery(trpc.facility.settings.queryOptions());
  if (settings.isPending) return <p role="status">Loading settings…</p>;
  if (settings.isError) {
    return (
      <p className="alert" role="alert">
        {errorInfo(settings.error).message}
      </p>
    );
  }
  return (
    <>
      <SettingsForm initial={settings.data} />
      <SecuritySettings />
      <EngagementSettings />
      <FollowUpSettings />
      <InstrumentSettings />
    </>
  );
}

function SettingsForm({
  initial,
}: {
  initial: {
    monitorsLogAnySession: boolean;
    overdueAfterHours: number;
    sessionWindowWeeks: number;
  };
}) {
  const staff = useCurrentStaff();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [anySession, setAnySession] = useState(initial.monitorsLogAnySession);
  const [hours, setHours] = useState(String(initial.overdueAfterHours));
  const [weeks, setWeeks] = useState(String(initial.sessionWindowWeeks));
  const save = useMutation(
    trpc.facility.updateSettings.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.facility.pathKey() }),
    }),
  );
  const error = save.error ? errorInfo(save.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      monitorsLogAnySession: anySession,
      overdueAfterHours: Number(hours),
      sessionWindowWeeks: Number(weeks),
    });
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <h1>Facility settings</h1>
      <p className="lead">How groups work at {staff.facility.name}.</p>
      <label className="check">
        <input
          type="checkbox"
          checked={anySession}
          onChange={(e) => setAnySession(e.target.checked)}
        />
        Group monitors may log any session at this facility (not only the groups they monitor)
      </label>
      <TextField
        label="A past session is overdue after (hours)"
        type="number"
        inputMode="numeric"
        value={hours}
        onChange={(e) => setHours(e.target.value)}
        error={error?.fieldErrors.overdueAfterHours?.[0]}
      />
      <TextField
        label="Plan sessions this many weeks ahead"
        type="number"
        inputMode="numeric"
        value={weeks}
        onChange={(e) => setWeeks(e.target.value)}
        error={error?.fieldErrors.sessionWindowWeeks?.[0]}
      />
      {error && !error.fieldErrors.overdueAfterHours && !error.fieldErrors.sessionWindowWeeks && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
      {save.isSuccess && !save.isPending && <p className="notice">Saved.</p>}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          Save settings
        </button>
      </div>
    </form>
  );
}
