import { expect } from 'vitest';
import type { NormalisedFeed } from './meeting';
import { normaliseFeed } from './normalise-feed';

/** Test-only: rows and helpers shared by the normaliser's test files. */

export const now = new Date('2026-01-15T12:00:00Z');
export const normalise = (rows: unknown[]) => normaliseFeed(rows, { now });

/** A complete, clean in-person row; tests change one thing at a time. */
export const row = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({
  slug: 'tuesday-step',
  name: 'Tuesday Step Study',
  day: 2,
  time: '19:00',
  end_time: '20:00',
  types: ['C', 'ST'],
  location: 'St Mark’s Hall',
  address: '12 High St',
  city: 'Springfield',
  state: 'IL',
  postal_code: '62701',
  country: 'USA',
  ...changes,
});

export const only = (feed: NormalisedFeed) => {
  expect(feed.meetings).toHaveLength(1);
  const [meeting] = feed.meetings;
  if (meeting === undefined) throw new Error('no meeting');
  return meeting;
};
export const fixCodes = (feed: NormalisedFeed) => feed.fixes.map((fix) => fix.code);
export const reasons = (feed: NormalisedFeed) => feed.skipped.map((skip) => skip.reason);
