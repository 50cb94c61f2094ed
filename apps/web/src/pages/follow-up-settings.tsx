import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';

/** When alumni are called after discharge: "7, 30, 60, 90" days by default. */
export function FollowUpSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.facility.followUpDays.queryOptions());
  const [text, setText] = useState('');
  useEffect(() => {
    if (current.data) setText(current.data.days.join(', '));
  }, [current.data]);
  const save = useMutation(
    trpc.facility.updateFollowUpDays.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.facility.followUpDays.queryKey() }),
    }),
  );
  const error = save.error ? errorInfo(save.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const days = text
      .split(/[,\s]+/)
      .filter(Boolean)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
    save.mutate({ days });
  };
  return (
    <section className="form" aria-labelledby="follow-up-settings-title">
      <h2 id="follow-up-settings-title">Alumni follow-up calls</h2>
      <p className="muted">
        Days after discharge when an alumnus who opted in is called. Alumni discharged from now on
        get the new schedule; calls already scheduled keep their dates.
      </p>
      <form className="inline-form" onSubmit={onSubmit} noValidate>
        <TextField
          label="Call on these days after discharge"
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={error?.fieldErrors.days?.[0] ?? error?.message}
        />
        <button type="submit" className="button" disabled={save.isPending}>
          Save schedule
        </button>
        {save.isSuccess && <span role="status">Saved.</span>}
      </form>
    </section>
  );
}
