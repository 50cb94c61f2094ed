import { describe, expect, it } from 'vitest';
import { fixCodes, normalise, only, row } from './normalise-feed-fixtures';

describe('normaliseFeed: attendance', () => {
  const zoom = 'https://zoom.us/j/123';
  const online = {
    address: undefined,
    city: undefined,
    state: undefined,
    postal_code: undefined,
    country: undefined,
  };
  const mode = (changes: Record<string, unknown>) => {
    const feed = normalise([row(changes)]);
    return feed.meetings[0]?.attendanceMode ?? feed.skipped[0]?.reason;
  };

  it('respects attendance_option', () => {
    expect(mode({ attendance_option: 'online', conference_url: zoom })).toBe('online');
    expect(mode({ attendance_option: 'hybrid' })).toBe('hybrid');
    expect(mode({ attendance_option: 'in_person', conference_url: zoom })).toBe('in_person');
    expect(mode({ attendance_option: 'inactive' })).toBe('marked inactive by the feed');
  });

  it('derives the mode from the address and the links', () => {
    expect(mode({})).toBe('in_person');
    expect(mode({ conference_url: zoom })).toBe('hybrid');
    expect(mode({ ...online, conference_phone: '+1 555 0100' })).toBe('online');
    expect(mode({ ...online, city: 'Springfield', conference_url: zoom })).toBe('online');
    expect(mode({ ...online, city: 'Springfield' })).toBe('no address and no online link');
  });

  it('reads ONL with an approximate address as online only, with an exact one as hybrid', () => {
    expect(mode({ types: ['ONL'], approximate: 'yes', conference_url: zoom })).toBe('online');
    expect(mode({ types: ['onl'], approximate: 'no', conference_url: zoom })).toBe('hybrid');
    expect(mode({ types: ['ONL'], approximate: 'yes' })).toMatch(
      /^listed as online \(ONL\) but no online link/,
    );
  });

  it('reads TC with a link as online, and skips TC without one', () => {
    expect(mode({ types: ['TC'], conference_url: zoom })).toBe('online');
    expect(mode({ types: ['TC'] })).toBe('temporarily closed (TC) and no online link');
  });

  it('drops a conference link that is not a web address, and counts it', () => {
    const feed = normalise([row({ conference_url: 'zoom id 123' })]);
    expect(only(feed)).toMatchObject({ conferenceUrl: null, attendanceMode: 'in_person' });
    expect(fixCodes(feed)).toEqual(['invalid-conference-url']);
  });
});

describe('normaliseFeed: other fields', () => {
  it('prefers formatted_address and takes the region strings', () => {
    const meeting = only(
      normalise([
        row({ formatted_address: '1 Main St, Town', region: 'North', sub_region: 'Hill' }),
      ]),
    );
    expect(meeting).toMatchObject({
      formattedAddress: '1 Main St, Town',
      regions: ['North', 'Hill'],
    });
  });

  it('leaves out unusable coordinates, links and dates, and counts them', () => {
    const feed = normalise([
      row({ latitude: 0, longitude: 0, url: 'ftp://x', updated: '2099-01-01' }),
    ]);
    expect(only(feed)).toMatchObject({
      latitude: null,
      longitude: null,
      url: null,
      feedUpdatedAt: null,
    });
    expect(fixCodes(feed)).toEqual(['invalid-url', 'invalid-coordinates', 'unusable-updated']);
  });

  it('reads US-style updated dates', () => {
    expect(only(normalise([row({ updated: '8/25/2022 11:17:07 AM' })])).feedUpdatedAt).toBe(
      '2022-08-25T11:17:07.000Z',
    );
  });
});

describe('normaliseFeed: any row shape', () => {
  it('skips rows that are not objects, and never throws', () => {
    const junk = [null, 42, 'meeting', [row()], undefined, true];
    const feed = normalise(junk);
    expect(feed.meetings).toEqual([]);
    expect(feed.skipped.map((s) => [s.row, s.reason])).toEqual(
      junk.map((_, i) => [i + 1, 'row is not an object']),
    );
  });

  it('survives nested junk in every field', () => {
    const fields = [
      'slug',
      'name',
      'day',
      'time',
      'end_time',
      'types',
      'address',
      'conference_url',
      'latitude',
    ];
    const nested = { a: [1, { b: null }] };
    for (const field of fields) {
      expect(() => normalise([row({ [field]: nested }), row({ [field]: [nested] })])).not.toThrow();
    }
    const everything = Object.fromEntries(fields.map((field) => [field, nested]));
    expect(normalise([everything]).skipped).toHaveLength(1);
  });

  it('normalises a large feed', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      row({ slug: `m-${i}`, day: i % 7, time: `${String(i % 24).padStart(2, '0')}:30` }),
    );
    const feed = normalise(rows);
    expect(feed.meetings).toHaveLength(20_000);
    expect(feed.skipped).toHaveLength(0);
  });
});
