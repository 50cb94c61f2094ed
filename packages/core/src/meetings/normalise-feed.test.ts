import { describe, expect, it } from 'vitest';
import { fixCodes, normalise, only, reasons, row } from './normalise-feed-fixtures';

describe('normaliseFeed: a clean row', () => {
  it('maps every field', () => {
    const feed = normalise([
      row({
        timezone: 'America/Chicago',
        latitude: '39.7817213',
        longitude: -89.6501481,
        regions: ['Sangamon', 'Springfield'],
        notes: 'Ring the bell.\r\n',
        location_notes: '   ',
        group: ' Step Group ',
        url: 'https://aa.example/meetings/tuesday-step',
        updated: '2025-08-22 21:29:56',
        district: 'ignored',
      }),
    ]);
    expect(feed).toMatchObject({ rowCount: 1, skipped: [], fixes: [] });
    expect(only(feed)).toEqual({
      slug: 'tuesday-step',
      name: 'Tuesday Step Study',
      day: 2,
      startTime: '19:00',
      endTime: '20:00',
      timeZone: 'America/Chicago',
      types: ['C', 'ST'],
      unknownTypes: [],
      languages: ['EN'],
      attendanceMode: 'in_person',
      location: 'St Mark’s Hall',
      formattedAddress: '12 High St, Springfield, IL, 62701, USA',
      city: 'Springfield',
      postalCode: '62701',
      regions: ['Sangamon', 'Springfield'],
      latitude: 39.781721,
      longitude: -89.650148,
      conferenceUrl: null,
      conferencePhone: null,
      notes: 'Ring the bell.',
      locationNotes: null,
      groupName: 'Step Group',
      url: 'https://aa.example/meetings/tuesday-step',
      feedUpdatedAt: '2025-08-22T21:29:56.000Z',
    });
  });
});

describe('normaliseFeed: slugs and names', () => {
  it('turns a numeric slug into text and trims it', () => {
    expect(only(normalise([row({ slug: 254 })])).slug).toBe('254');
    expect(only(normalise([row({ slug: ' a-b ' })])).slug).toBe('a-b');
  });

  it('derives a stable slug from name, day and time when none is given', () => {
    const feed = normalise([row({ slug: undefined, name: 'Sábado  Night Live!' })]);
    expect(only(feed).slug).toBe('sabado-night-live-tuesday-1900');
    expect(only(normalise([row({ slug: '', day: undefined, time: undefined })])).slug).toBe(
      'tuesday-step-study-appointment',
    );
    expect(feed.fixes).toEqual([
      { code: 'derived-slug', description: expect.stringContaining('No slug'), count: 1 },
    ]);
  });

  it('skips a later row with the same slug, naming the earlier row', () => {
    const feed = normalise([row(), row({ slug: 'other' }), row({ name: 'Copy' })]);
    expect(feed.meetings.map((m) => m.slug)).toEqual(['tuesday-step', 'other']);
    expect(feed.skipped).toEqual([
      {
        row: 3,
        slug: 'tuesday-step',
        name: 'Copy',
        reason: 'slug "tuesday-step" is already used by row 1',
      },
    ]);
  });

  it('does not let a skipped row claim a slug', () => {
    const feed = normalise([row({ day: 9 }), row()]);
    expect(feed.meetings).toHaveLength(1);
    expect(feed.skipped.map((s) => s.row)).toEqual([1]);
  });

  it('needs a name, and collapses whitespace in it', () => {
    expect(reasons(normalise([row({ name: '  ' }), row({ name: null })]))).toEqual([
      'no name',
      'no name',
    ]);
    expect(only(normalise([row({ name: ' 84th Street  1201 ' })])).name).toBe('84th Street 1201');
  });
});

describe('normaliseFeed: days and times', () => {
  it('makes one meeting per day from an array of days, the slug naming the day', () => {
    const feed = normalise([row({ day: ['Monday', 3] })]);
    expect(feed.meetings.map((m) => [m.slug, m.day])).toEqual([
      ['tuesday-step-monday', 1],
      ['tuesday-step-wednesday', 3],
    ]);
    expect(fixCodes(feed)).toEqual(['several-days', 'day-names']);
    expect(feed.fixes.map((fix) => fix.count)).toEqual([1, 1]);
  });

  it('keeps the slug for a one-day array', () => {
    expect(only(normalise([row({ day: [6] })]))).toMatchObject({ slug: 'tuesday-step', day: 6 });
  });

  it('skips a day out of range', () => {
    expect(normalise([row({ day: '7' })]).skipped).toEqual([
      {
        row: 1,
        slug: 'tuesday-step',
        name: 'Tuesday Step Study',
        reason: 'day "7" is not a weekday (0 = Sunday … 6 = Saturday)',
      },
    ]);
  });

  it('keeps a meeting by appointment (no day, no time)', () => {
    const meeting = only(
      normalise([row({ day: undefined, time: undefined, end_time: undefined })]),
    );
    expect(meeting).toMatchObject({ day: null, startTime: null, endTime: null });
  });

  it('repairs times and counts each repair', () => {
    const feed = normalise([
      row({ slug: 'a', time: '8:00 PM', end_time: undefined }),
      row({ slug: 'b', time: '00:00', end_time: undefined }),
      row({ slug: 'c', time: '14:00', end_time: '13:00' }),
      row({ slug: 'd', time: '23:00', end_time: '00:30' }),
    ]);
    expect(feed.meetings.map((m) => [m.startTime, m.endTime])).toEqual([
      ['20:00', '21:00'],
      [null, null],
      ['14:00', '15:00'],
      ['23:00', '00:30'],
    ]);
    expect(feed.fixes.map((f) => `${f.code}:${f.count}`)).toEqual([
      'twelve-hour-time:1',
      'midnight-placeholder:1',
      'no-end-time:1',
      'end-not-after-start:1',
    ]);
    expect(feed.fixes[1]?.description).toMatch(/^Time 00:00 treated as not listed/);
  });

  it('skips a time it cannot read', () => {
    expect(reasons(normalise([row({ time: 'evening' })]))).toEqual([
      'time "evening" is not a time of day',
    ]);
  });
});

describe('normaliseFeed: time zone, types and languages', () => {
  it('drops an unknown time zone and counts it', () => {
    const feed = normalise([row({ timezone: 'Central' })]);
    expect(only(feed).timeZone).toBeNull();
    expect(fixCodes(feed)).toEqual(['invalid-time-zone']);
  });

  it('drops both open and closed when a row says both', () => {
    // "Discusion" is the Spanish name without its accent; "Speeker" is one letter off.
    const feed = normalise([row({ types: 'O, C, Big Book, Discusion, Speeker, 42' })]);
    expect(only(feed)).toMatchObject({ types: ['B', 'D', 'SP'], unknownTypes: ['42'] });
    expect(fixCodes(feed)).toEqual([
      'types-as-text',
      'types-as-names',
      'misspelt-types',
      'open-and-closed',
    ]);
  });

  it('lists the language codes, English when none is named', () => {
    expect(only(normalise([row({ types: ['O', 'S', 'FR'] })])).languages).toEqual(['FR', 'S']);
    expect(only(normalise([row({ types: undefined })])).languages).toEqual(['EN']);
  });
});
