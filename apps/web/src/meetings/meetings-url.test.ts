import { meetingSearchInput } from '@homegroup/validators';
import { describe, expect, it } from 'vitest';
import { readLines, stepWords } from './feed-import';
import { clockWords } from './meeting-format';
import { DEFAULT_VIEW, readMeetingsUrl, searchInput, writeMeetingsUrl } from './meetings-url';

describe('the meeting search address', () => {
  it('reads an empty address as the default search', () => {
    expect(readMeetingsUrl(new URLSearchParams())).toEqual(DEFAULT_VIEW);
  });

  it('survives a mangled link by dropping what it cannot read', () => {
    const view = readMeetingsUrl(
      new URLSearchParams(
        'days=1,9,x,1&from=25:00&to=21:30:00&fellowship=aa,toString,zz&type=O,<b>,D&mode=online,car&lang=S;drop&near=91,0&within=10&sort=distance&page=-2&names=fr',
      ),
    );
    expect(view).toMatchObject({
      days: [1],
      from: null,
      to: '21:30',
      fellowships: ['aa'],
      types: ['O', 'D'],
      modes: ['online'],
      language: null,
      near: null,
      withinMiles: null,
      sort: 'time',
      page: 1,
      names: 'en',
    });
    // Whatever the address says, the search input is one the server accepts.
    expect(meetingSearchInput.safeParse(searchInput(view)).success).toBe(true);
  });

  it('writes only what differs from the defaults, and reads it back the same', () => {
    const view = {
      ...DEFAULT_VIEW,
      days: [5, 1],
      from: '18:00',
      text: 'aspen',
      near: { latitude: 39.74, longitude: -104.99 },
      place: 'Aspen Flats',
      withinMiles: 5,
      sort: 'distance' as const,
      names: 'es' as const,
      page: 2,
    };
    const written = writeMeetingsUrl(view);
    expect(written.toString()).toBe(
      'days=1%2C5&from=18%3A00&q=aspen&near=39.74%2C-104.99&place=Aspen+Flats&within=5&sort=distance&names=es&page=2',
    );
    expect(readMeetingsUrl(written)).toEqual({ ...view, days: [1, 5] });
    expect(meetingSearchInput.safeParse(searchInput(view)).success).toBe(true);
  });

  it('keeps no distance without a place to measure from', () => {
    const view = readMeetingsUrl(new URLSearchParams('within=5&sort=distance&place=Nowhere'));
    expect(view).toMatchObject({ withinMiles: null, sort: 'time', place: null });
  });
});

describe('reading the import answer', () => {
  it('passes each line on as it arrives, however the chunks fall', async () => {
    const text = '{"a":1}\n{"b":2}\n\n{"c":3}';
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i, i + 3));
        controller.close();
      },
    });
    const lines: string[] = [];
    await readLines(stream, (l) => lines.push(l));
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('says where an import has got to in plain words', () => {
    expect(stepWords({ phase: 'saving', done: 1500, total: 2000 }, null)).toBe(
      'Saving meetings: 1,500 of 2,000',
    );
    expect(stepWords({ phase: 'sending', done: 0, total: 0 }, 2_500_000)).toBe(
      'Sending the file (2.4 MB) to Homegroup…',
    );
  });

  it('reads clock times as people say them', () => {
    expect(clockWords('19:30')).toBe('7:30 pm');
    expect(clockWords('00:15')).toBe('12:15 am');
    expect(clockWords('12:00')).toBe('Noon');
    expect(clockWords(null)).toBe('Time not listed');
  });
});
