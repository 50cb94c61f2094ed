import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NormalisedFeed } from './meeting';
import { normaliseFeed } from './normalise-feed';
import { parseFeedText } from './parse-feed';
import { sampleFeedsDir } from './sample-feeds-dir';

/**
 * The real feeds in shared/data/meeting-feeds (see its README), with their counts checked by
 * hand against the feed files and frozen here: a change in any of them is a change in behaviour.
 */

const now = new Date('2026-01-15T12:00:00Z');
const readFeed = (file: string) => readFileSync(join(sampleFeedsDir(), file), 'utf8');

function importFeed(file: string): NormalisedFeed {
  const parsed = parseFeedText(readFeed(file));
  if (!parsed.ok) {
    throw new Error(`${file}: ${parsed.message}`);
  }
  return normaliseFeed(parsed.rows, { now });
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  }
  return counts;
}

function summary(feed: NormalisedFeed) {
  return {
    rows: feed.rowCount,
    meetings: feed.meetings.length,
    skipped: feed.skipped.length,
    reasons: countBy(feed.skipped, (skip) => skip.reason),
    modes: countBy(feed.meetings, (meeting) => meeting.attendanceMode),
    fixes: Object.fromEntries(feed.fixes.map((fix) => [fix.code, fix.count])),
    unknownTypes: countBy(
      feed.meetings.flatMap((meeting) => meeting.unknownTypes),
      (type) => type,
    ),
  };
}

describe('sample Meeting Guide feeds', () => {
  it('imports sussexaa.json (clean, with attendance_option) whole', () => {
    const feed = importFeed('sussexaa.json');
    expect(summary(feed)).toEqual({
      rows: 123,
      meetings: 123,
      skipped: 0,
      reasons: {},
      modes: { in_person: 94, online: 28, hybrid: 1 },
      fixes: { 'onl-code': 29 },
      unknownTypes: {},
    });
    // Row 2 runs 23:00–00:00: an overnight end, kept.
    expect(feed.meetings[1]).toMatchObject({
      slug: 'last-call',
      startTime: '23:00',
      endTime: '00:00',
    });
    // Row 6 is a Spanish-language meeting.
    expect(feed.meetings[5]).toMatchObject({ slug: 'lunes-nueva-generacion', languages: ['S'] });
  });

  it('imports kc.test.json, skipping the temporarily closed meetings without a link', () => {
    const feed = importFeed('kc.test.json');
    expect(summary(feed)).toEqual({
      rows: 206,
      meetings: 197,
      skipped: 9,
      reasons: { 'temporarily closed (TC) and no online link': 9 },
      modes: { in_person: 116, hybrid: 48, online: 33 },
      fixes: { 'no-end-time': 197, 'onl-code': 70 },
      unknownTypes: {},
    });
    expect(feed.skipped.map((skip) => skip.row)).toEqual([12, 13, 71, 72, 74, 75, 113, 126, 135]);
    expect(feed.meetings[0]).toMatchObject({
      slug: '254',
      postalCode: '64113',
      formattedAddress: '6101 Ward Pkwy, Kansas City, MO, 64113, USA',
      notes: null,
      endTime: '19:30',
    });
  });

  it('imports edmonton.json, converting 12-hour times and one-day arrays', () => {
    const feed = importFeed('edmonton.json');
    expect(summary(feed)).toEqual({
      rows: 315,
      meetings: 294,
      skipped: 21,
      reasons: { 'temporarily closed (TC) and no online link': 21 },
      modes: { in_person: 220, hybrid: 52, online: 22 },
      fixes: { 'twelve-hour-time': 294, 'no-end-time': 294, 'onl-code': 74 },
      unknownTypes: {},
    });
    expect(feed.meetings[0]).toMatchObject({
      slug: '6',
      day: 6,
      startTime: '11:00',
      endTime: '12:00',
      formattedAddress: '8318 104 St, Edmonton, Alberta, T6E 4E8, Canada',
      regions: ['Edmonton'],
      latitude: null,
      feedUpdatedAt: '2022-08-25T11:17:07.000Z',
    });
    const noTypes = feed.meetings.find((meeting) => meeting.slug === '1543');
    expect(noTypes).toMatchObject({ types: [], unknownTypes: [], startTime: '13:00' });
  });

  it('imports al-anon.json, skipping inactive meetings and keeping Al-Anon codes as unknown', () => {
    const feed = importFeed('al-anon.json');
    expect(summary(feed)).toEqual({
      rows: 360,
      meetings: 329,
      skipped: 31,
      reasons: { 'marked inactive by the feed': 31 },
      modes: { online: 113, in_person: 156, hybrid: 60 },
      fixes: { 'no-end-time': 329, 'onl-code': 173 },
      unknownTypes: { AC: 37, LGBTQIA: 1 },
    });
  });

  it('refuses invalid.json, saying where it is not JSON', () => {
    expect(parseFeedText(readFeed('invalid.json'))).toEqual({
      ok: false,
      message:
        'The feed is not valid JSON (the problem is at line 80, column 3). Nothing was imported.',
    });
  });

  it('reads the list inside invalid.json once the trailing text is gone', () => {
    const text = readFeed('invalid.json');
    const parsed = parseFeedText(text.slice(0, text.lastIndexOf(']') + 1));
    expect(parsed.ok).toBe(true);
    const feed = normaliseFeed(parsed.ok ? parsed.rows : [], { now });
    expect(summary(feed)).toMatchObject({ rows: 8, meetings: 6, skipped: 2 });
    expect(feed.skipped.map((skip) => [skip.row, skip.reason])).toEqual([
      [7, 'day "7" is not a weekday (0 = Sunday … 6 = Saturday)'],
      [8, 'day "7" is not a weekday (0 = Sunday … 6 = Saturday)'],
    ]);
    expect(feed.meetings[4]).toMatchObject({ slug: 'appointment', day: null, startTime: null });
  });
});

describe('sampleFeedsDir', () => {
  const made: string[] = [];
  afterEach(() => {
    vi.unstubAllEnvs();
    for (const dir of made.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses HOMEGROUP_SAMPLE_FEEDS when set, and refuses a missing directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feeds-'));
    made.push(dir);
    vi.stubEnv('HOMEGROUP_SAMPLE_FEEDS', dir);
    expect(sampleFeedsDir()).toBe(dir);
    vi.stubEnv('HOMEGROUP_SAMPLE_FEEDS', join(dir, 'nowhere'));
    expect(() => sampleFeedsDir()).toThrow(/not a directory/);
  });

  it('finds shared/data/meeting-feeds beside an ancestor of a clone', () => {
    vi.stubEnv('HOMEGROUP_SAMPLE_FEEDS', '');
    const root = mkdtempSync(join(tmpdir(), 'clone-'));
    made.push(root);
    const feeds = join(root, 'shared', 'data', 'meeting-feeds');
    const deep = join(root, 'checkout', 'packages', 'core', 'src', 'meetings');
    mkdirSync(feeds, { recursive: true });
    mkdirSync(deep, { recursive: true });
    expect(sampleFeedsDir(deep)).toBe(feeds);
  });
});
