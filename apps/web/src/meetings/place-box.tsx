import { type Point, parsePoint } from '@homegroup/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTRPC } from '../trpc';
import { plural } from './meeting-format';

interface Option {
  key: string;
  label: string;
  detail: string;
  point: Point;
  /** The name kept for the place; null for a typed point. */
  name: string | null;
}

export function pointWords(point: Point): string {
  return `${point.latitude}, ${point.longitude}`;
}

/** What the box shows for a chosen place. */
export function placeWords(near: Point | null, place: string | null): string {
  if (!near) return '';
  return place ?? pointWords(near);
}

/**
 * "Near": a place found among the directory's own meetings (a city, a postal code or a meeting's
 * address) as you type, or a point typed as "39.74, -104.99". Homegroup asks no outside map
 * service, so only places that appear in the feeds can be found.
 */
export function PlaceBox({
  near,
  place,
  onChange,
}: {
  near: Point | null;
  place: string | null;
  onChange: (near: Point | null, place: string | null) => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const chosen = placeWords(near, place);
  const [text, setText] = useState(chosen);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [query, setQuery] = useState('');

  // Another search (a shared link, "Clear all") changes the place: show it.
  useEffect(() => {
    setText(chosen);
  }, [chosen]);

  // Look places up after a short pause in typing.
  useEffect(() => {
    const handle = window.setTimeout(() => setQuery(text.trim()), 250);
    return () => window.clearTimeout(handle);
  }, [text]);

  const point = parsePoint(text);
  const lookUp = open && query.length >= 2 && !point;
  const places = useQuery({
    ...trpc.meetings.places.queryOptions({ text: query }),
    enabled: lookUp,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const options: Option[] = [];
  if (point) {
    options.push({
      key: 'point',
      label: `The point ${pointWords(point)}`,
      detail: 'latitude, longitude',
      point,
      name: null,
    });
  } else if (lookUp && places.data) {
    for (const p of places.data) {
      options.push({
        key: `${p.kind}:${p.label}`,
        label: p.label,
        detail: `${p.kind} · ${plural(p.meetings, 'meeting')}`,
        point: { latitude: p.latitude, longitude: p.longitude },
        name: p.label,
      });
    }
  }
  const typing = text.trim() !== chosen;
  const showList = open && typing && text.trim().length >= 2;

  const pick = (option: Option) => {
    onChange(option.point, option.name);
    setText(option.name ?? pointWords(option.point));
    setOpen(false);
    setActive(-1);
  };
  const revert = () => {
    setText(chosen);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(options.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const option = options[active] ?? (options.length === 1 ? options[0] : undefined);
      if (option) pick(option);
      else if (text.trim() === '' && near) onChange(null, null);
    } else if (e.key === 'Escape') {
      if (showList) e.preventDefault();
      revert();
    }
  };

  const listId = `${id}-places`;
  const hintId = `${id}-hint`;
  const searching = lookUp && (places.isFetching || query !== text.trim());
  return (
    <div className="field place-box">
      <label htmlFor={id}>Near</label>
      <div className="place-box__row">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder="City, postal code or address"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-describedby={hintId}
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          value={text}
          maxLength={200}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            // A click on a suggestion is handled on mouse-down, before this.
            if (typing) revert();
            else setOpen(false);
          }}
          onKeyDown={onKeyDown}
        />
        {near && (
          <button
            type="button"
            className="button place-box__clear"
            onClick={() => onChange(null, null)}
            aria-label={`Clear the place ${chosen}`}
          >
            Clear
          </button>
        )}
      </div>
      <p id={hintId} className="visually-hidden">
        Type at least 2 letters of a city, postal code or address in the directory, then choose from
        the list; or type a point as latitude, longitude.
      </p>
      {showList && (
        <div className="place-box__popup">
          <div id={listId} role="listbox" aria-label="Places" className="place-box__list">
            {options.map((o, i) => (
              <div
                key={o.key}
                id={`${listId}-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className="place-box__option"
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(o);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span>{o.label}</span>
                <span className="muted small">{o.detail}</span>
              </div>
            ))}
          </div>
          {options.length === 0 && (
            <p className="place-box__status muted" role="status">
              {searching
                ? 'Looking for places…'
                : places.isError
                  ? 'Places could not be looked up just now. Try again.'
                  : `No city, postal code or address in the directory matches “${text.trim()}”. You can also type a point, such as 39.74, -104.99.`}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
