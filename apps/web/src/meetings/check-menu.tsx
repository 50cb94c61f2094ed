import { type ReactNode, useEffect, useRef } from 'react';

export interface CheckGroup<T extends string> {
  title?: string;
  items: { value: T; label: string; title?: string; detail?: string }[];
}

/**
 * A drop-down list of check boxes (a `<details>`), for a filter with too many choices to lay out
 * in a row. The summary says what is chosen; a click elsewhere closes it.
 */
export function CheckMenu<T extends string>({
  label,
  groups,
  chosen,
  onChange,
  summary,
  extra,
}: {
  label: string;
  groups: CheckGroup<T>[];
  chosen: readonly T[];
  onChange: (next: T[]) => void;
  summary: string;
  extra?: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current;
      if (el?.open && e.target instanceof Node && !el.contains(e.target)) el.open = false;
    };
    const onEscape = (e: globalThis.KeyboardEvent) => {
      const el = ref.current;
      if (e.key === 'Escape' && el?.open) {
        el.open = false;
        el.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('focusin', close);
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('focusin', close);
      document.removeEventListener('keydown', onEscape);
    };
  }, []);
  const toggle = (value: T, on: boolean) =>
    onChange(on ? [...chosen, value] : chosen.filter((v) => v !== value));
  return (
    <div className="field check-menu-field">
      <span className="check-menu__label" aria-hidden="true">
        {label}
      </span>
      <details className="check-menu" ref={ref}>
        <summary aria-label={`${label}: ${summary}`}>
          <span className="check-menu__summary">{summary}</span>
        </summary>
        <div className="check-menu__panel">
          {extra}
          {groups.map((g) => (
            <fieldset key={g.title ?? 'all'} className="check-menu__group">
              <legend className={g.title ? undefined : 'visually-hidden'}>
                {g.title ?? label}
              </legend>
              {g.items.length === 0 && <p className="muted small">None in the directory.</p>}
              {g.items.map((item) => (
                <label key={item.value} className="check" title={item.title}>
                  <input
                    type="checkbox"
                    checked={chosen.includes(item.value)}
                    onChange={(e) => toggle(item.value, e.target.checked)}
                  />
                  <span>
                    {item.label}
                    {item.detail && <span className="muted small"> {item.detail}</span>}
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
          {chosen.length > 0 && (
            <button type="button" className="link-button" onClick={() => onChange([])}>
              Clear these
            </button>
          )}
        </div>
      </details>
    </div>
  );
}
