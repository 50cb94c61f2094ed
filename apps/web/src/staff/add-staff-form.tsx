import { ROLE_LABELS, type Role } from '@homegroup/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { SelectField } from '../components/select-field';
import { TextField } from '../components/text-field';
import { errorInfo } from '../lib/errors';
import { useTRPC } from '../trpc';

/** Adds a staff member at this facility with a temporary password to hand over in person. */
export function AddStaffForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [displayName, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [temporaryPassword, setPassword] = useState('');
  const create = useMutation(
    trpc.staff.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.staff.pathKey() });
        onDone();
      },
    }),
  );
  const error = create.error ? errorInfo(create.error) : null;
  const fieldError = (name: string) => error?.fieldErrors[name]?.[0];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ displayName, email, role: role as Role, temporaryPassword });
  };
  const fields = ['displayName', 'email', 'role', 'temporaryPassword'];
  return (
    <form className="panel form" onSubmit={onSubmit} noValidate aria-labelledby="add-staff-title">
      <h2 id="add-staff-title">Add a staff member</h2>
      <TextField
        label="Name"
        value={displayName}
        onChange={(e) => setName(e.target.value)}
        error={fieldError('displayName')}
      />
      <TextField
        label="Work e-mail"
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldError('email')}
      />
      <SelectField
        label="Role"
        options={ROLE_LABELS}
        value={role}
        onChange={(e) => setRole(e.target.value as Role | '')}
        error={fieldError('role')}
      />
      <TextField
        label="Temporary password (at least 12 characters; give it to them in person)"
        type="password"
        autoComplete="new-password"
        value={temporaryPassword}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError('temporaryPassword')}
      />
      {error && !fields.some(fieldError) && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          Add staff member
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
