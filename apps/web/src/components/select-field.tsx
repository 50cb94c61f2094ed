import { type SelectHTMLAttributes, useId } from 'react';

/** A labelled choice from a vocabulary (key → words), with its error beside it. */
export function SelectField<K extends string>({
  label,
  error,
  options,
  placeholder = 'Choose…',
  ...select
}: {
  label: string;
  error?: string | undefined;
  options: Record<K, string>;
  placeholder?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        {...select}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        <option value="">{placeholder}</option>
        {(Object.entries(options) as [K, string][]).map(([key, words]) => (
          <option key={key} value={key}>
            {words}
          </option>
        ))}
      </select>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
