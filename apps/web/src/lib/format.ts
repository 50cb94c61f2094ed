import { readableDate } from '@homegroup/core';

/** Dates and times as staff read them, in the facility's time zone. */
export function formatTime(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function formatDateTime(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/** A calendar date as "Nov 16", for chart axes and dense tables. */
export function formatShortDate(isoDate: string) {
  return new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A calendar date (YYYY-MM-DD), which has no time zone of its own. */
export function formatDate(isoDate: string | null, style: 'medium' | 'full' = 'medium') {
  if (!isoDate) return '—';
  if (style === 'medium') return readableDate(isoDate);
  return new Intl.DateTimeFormat('en-US', { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
