import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { sampleFeedsDir } from '@homegroup/core/sample-feeds';
import { createTestDb, type TestDb } from '@homegroup/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSession } from '../auth/resolve-session';
import { createContextInner } from '../context';
import { createTestWorld, expectFieldError, signedIn, TestClock } from '../testing';
import { type ImportProgress, importMeetingFeed } from './import-feed';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
const clock = new TestClock(new Date('2026-11-21T17:00:00Z'));
type Caller = Awaited<ReturnType<typeof signedIn>>['caller'];
let coordinator: Caller;
let staff: Awaited<ReturnType<typeof resolveSession>>;
let ctx: ReturnType<typeof createContextInner>;
let server: Server;
let baseUrl: string;
const feed = (name: string) => readFileSync(join(sampleFeedsDir(), name), 'utf8');
const served = new Map<string, { status: number; body: string; type?: string }>();

async function newSource(
  name: string,
  extra: Partial<{ kind: 'meeting_guide' | 'bmlt' | 'upload'; url: string }> = {},
) {
  const { sourceId } = await coordinator.meetings.createSource({
    name,
    kind: extra.kind ?? 'upload',
    url: extra.url ?? null,
    fellowship: 'aa',
    defaultTimeZone: 'America/New_York',
  });
  return sourceId;
}

const directoryCount = async (sourceId: string) =>
  (
    await t.db
      .selectFrom('meetings')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('sourceId', '=', sourceId)
      .where('retiredAt', 'is', null)
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
  const signed = await signedIn(t.db, 'coordinator@a.test', clock);
  coordinator = signed.caller;
  ctx = createContextInner({
    db: t.db,
    settings: (await import('../testing')).testSettings,
    cookie: signed.cookie,
    now: clock.now,
  });
  staff = await resolveSession(ctx);
  server = createServer((req, res) => {
    const answer = served.get(req.url ?? '') ?? { status: 404, body: 'Not Found' };
    res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' });
    res.end(answer.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.close();
  await t?.close();
});

describe('importing a Meeting Guide feed', () => {
  it('imports an uploaded feed, reports progress, and a second import changes nothing', async () => {
    const sourceId = await newSource('Sussex County AA');
    const progress: ImportProgress[] = [];
    const first = await importMeetingFeed(
      ctx,
      staff,
      { sourceId, text: feed('sussexaa.json') },
      (p) => progress.push(p),
    );
    expect(first).toMatchObject({
      rowCount: 123,
      imported: 123,
      updated: 0,
      retired: 0,
      skipped: 0,
    });
    expect(progress[0]?.phase).toBe('reading');
    expect(progress.at(-1)).toEqual({ phase: 'saving', done: 123, total: 123 });
    const again = await importMeetingFeed(ctx, staff, { sourceId, text: feed('sussexaa.json') });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 123, retired: 0 });
    expect(await directoryCount(sourceId)).toBe(123);
    const sources = await coordinator.meetings.sources();
    const listed = sources.find((s) => s.id === sourceId);
    expect(listed?.meetingCount).toBe(123);
    expect(listed?.lastImportedAt).toBe(clock.current.toISOString());
    expect(listed?.latestImport?.status).toBe('succeeded');
  });

  it('updates by slug without duplicates and retires meetings that vanished', async () => {
    const sourceId = await newSource('Sussex, edited');
    const rows = JSON.parse(feed('sussexaa.json')) as Record<string, unknown>[];
    await importMeetingFeed(ctx, staff, { sourceId, text: JSON.stringify(rows) });
    const edited = rows.slice(3).map((r, i) => (i === 0 ? { ...r, name: 'Renamed Meeting' } : r));
    const report = await importMeetingFeed(ctx, staff, { sourceId, text: JSON.stringify(edited) });
    expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 119, retired: 3 });
    expect(await directoryCount(sourceId)).toBe(120);
    // A retired meeting that comes back is listed again, not duplicated.
    const back = await importMeetingFeed(ctx, staff, { sourceId, text: JSON.stringify(rows) });
    expect(back).toMatchObject({ imported: 0, updated: 4, retired: 0 });
    const total = await t.db
      .selectFrom('meetings')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('sourceId', '=', sourceId)
      .executeTakeFirstOrThrow();
    expect(total.n).toBe(123);
  });

  it('imports the messy feeds and says what it skipped and why', async () => {
    const kc = await importMeetingFeed(ctx, staff, {
      sourceId: await newSource('Kansas City'),
      text: feed('kc.test.json'),
    });
    expect(kc).toMatchObject({ rowCount: 206, imported: 197, skipped: 9 });
    expect(kc.skippedRows[0]?.reason).toMatch(/temporarily closed/);
    const edmonton = await importMeetingFeed(ctx, staff, {
      sourceId: await newSource('Edmonton'),
      text: feed('edmonton.json'),
    });
    expect(edmonton).toMatchObject({ rowCount: 315, imported: 294, skipped: 21 });
    expect(edmonton.fixes.map((f) => f.code)).toContain('twelve-hour-time');
    const report = await coordinator.meetings.importReport({ importId: edmonton.importId });
    expect(report.skippedRows).toHaveLength(21);
    expect(report.fixes.length).toBeGreaterThan(0);
  });

  it('refuses what is not a feed, and leaves the directory as it was', async () => {
    const sourceId = await newSource('Refusals');
    await importMeetingFeed(ctx, staff, { sourceId, text: feed('sussexaa.json') });
    const refusals: [string, RegExp][] = [
      [feed('invalid.json'), /not valid JSON/],
      ['<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', /web page, not a meeting feed/],
      ['', /empty/],
      ['[]', /holds no meetings/],
      ['{"error": "nope"}', /./],
      [
        JSON.stringify([
          { slug: 'x', day: 9, time: '10:00', name: 'Bad day', address: '1 Main St' },
        ]),
        /None of the feed/,
      ],
    ];
    for (const [text, message] of refusals) {
      await expect(importMeetingFeed(ctx, staff, { sourceId, text })).rejects.toThrow(message);
    }
    expect(await directoryCount(sourceId)).toBe(123);
    const runs = await t.db
      .selectFrom('meetingImports')
      .select(['status', 'error'])
      .where('sourceId', '=', sourceId)
      .orderBy('startedAt')
      .execute();
    expect(runs.filter((r) => r.status === 'failed')).toHaveLength(refusals.length);
  });

  it('a database failure half-way through the save leaves no meeting written', async () => {
    const sourceId = await newSource('Failing half-way');
    const rows = Array.from({ length: 900 }, (_, i) => ({
      slug: i === 800 ? 'boom' : `m-${i}`,
      name: `Meeting ${i}`,
      day: i % 7,
      time: '19:00',
      formatted_address: `${i} Main St, Dover, DE`,
    }));
    await sql`create function refuse_boom() returns trigger language plpgsql as $$
      begin if new.slug = 'boom' then raise exception 'disk full'; end if; return new; end $$`.execute(
      t.db,
    );
    await sql`create trigger refuse_boom before insert on meetings for each row execute function refuse_boom()`.execute(
      t.db,
    );
    try {
      await expect(
        importMeetingFeed(ctx, staff, { sourceId, text: JSON.stringify(rows) }),
      ).rejects.toThrow('The import failed on our side. The directory was left as it was.');
    } finally {
      await sql`drop trigger refuse_boom on meetings`.execute(t.db);
      await sql`drop function refuse_boom()`.execute(t.db);
    }
    expect(await directoryCount(sourceId)).toBe(0);
  });

  it('fetches a feed from its address, adds the BMLT path, and explains a bad address', async () => {
    served.set('/feeds/kc.json', { status: 200, body: feed('kc.test.json') });
    served.set('/main_server/client_interface/tsml/', { status: 200, body: feed('sussexaa.json') });
    served.set('/error-page', {
      status: 200,
      body: '<html><body>Error</body></html>',
      type: 'text/html',
    });
    const byUrl = await newSource('KC by address', {
      kind: 'meeting_guide',
      url: `${baseUrl}/feeds/kc.json`,
    });
    expect(await importMeetingFeed(ctx, staff, { sourceId: byUrl, text: null })).toMatchObject({
      imported: 197,
    });
    const bmlt = await newSource('A BMLT server', { kind: 'bmlt', url: `${baseUrl}/main_server` });
    expect(await importMeetingFeed(ctx, staff, { sourceId: bmlt, text: null })).toMatchObject({
      imported: 123,
    });
    const missing = await newSource('Gone away', {
      kind: 'meeting_guide',
      url: `${baseUrl}/nothing-here`,
    });
    await expect(importMeetingFeed(ctx, staff, { sourceId: missing, text: null })).rejects.toThrow(
      'The feed address answered with an error (HTTP 404 Not Found). Check the address. Nothing was imported.',
    );
    const html = await newSource('Error page', {
      kind: 'meeting_guide',
      url: `${baseUrl}/error-page`,
    });
    await expect(importMeetingFeed(ctx, staff, { sourceId: html, text: null })).rejects.toThrow(
      /web page/,
    );
  });

  it('refuses bad feed settings with plain messages', async () => {
    const base = {
      name: 'X',
      kind: 'meeting_guide' as const,
      url: null,
      fellowship: 'aa' as const,
      defaultTimeZone: 'America/Chicago',
    };
    await expectFieldError(
      coordinator.meetings.createSource(base),
      'url',
      'Give the address of the feed.',
    );
    await expectFieldError(
      coordinator.meetings.createSource({ ...base, url: 'ftp://example.org/feed' }),
      'url',
      'Give a web address starting with https://.',
    );
    await expectFieldError(
      coordinator.meetings.createSource({
        ...base,
        kind: 'upload',
        defaultTimeZone: 'Mars/Olympus',
      }),
      'defaultTimeZone',
      /Choose a time zone/,
    );
    await expectFieldError(
      coordinator.meetings.createSource({ ...base, kind: 'upload', name: 'kansas city' }),
      'name',
      /already exists/,
    );
  });
});

describe('searching the directory', () => {
  it('filters by weekday, time window, fellowship, format, mode, language, region, text and distance', async () => {
    const all = await coordinator.meetings.search({ pageSize: 100 });
    expect(all.rowCount).toBeGreaterThan(900);
    const evening = await coordinator.meetings.search({
      days: [2],
      from: '18:00',
      to: '21:00',
      types: ['O'],
      pageSize: 100,
    });
    expect(evening.rows.length).toBeGreaterThan(0);
    for (const m of evening.rows) {
      expect(m.day).toBe(2);
      expect((m.startTime ?? '') >= '18:00' && (m.startTime ?? '') <= '21:00').toBe(true);
      expect(m.types).toContain('O');
    }
    const online = await coordinator.meetings.search({ modes: ['online'], pageSize: 100 });
    expect(online.rows.every((m) => m.attendanceMode === 'online')).toBe(true);
    const rehoboth = await coordinator.meetings.search({ text: 'rehoboth', pageSize: 100 });
    expect(rehoboth.rows.every((m) => JSON.stringify(m).toLowerCase().includes('rehoboth'))).toBe(
      true,
    );
    const region = await coordinator.meetings.search({ region: 'Rehoboth', pageSize: 100 });
    expect(region.rows.every((m) => m.regions.includes('Rehoboth'))).toBe(true);
    // Kansas City's Country Club Christian Church, 6101 Ward Pkwy.
    const near = { latitude: 39.0169507, longitude: -94.6012228 };
    const close = await coordinator.meetings.search({
      near,
      withinMiles: 3,
      sort: 'distance',
      pageSize: 100,
    });
    expect(close.rowCount).toBeGreaterThan(0);
    expect(close.rows[0]?.distanceMiles).toBe(0);
    const distances = close.rows.map((m) => m.distanceMiles ?? Number.NaN);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(3);
    // Edmonton's feed has no coordinates: those meetings are counted, not placed.
    expect(close.withoutPosition).toBeGreaterThanOrEqual(294);
    const spanish = await coordinator.meetings.search({ language: 'S', pageSize: 100 });
    expect(spanish.rows.every((m) => m.languages.includes('S'))).toBe(true);
  });

  it('finds places to measure from among the meetings themselves', async () => {
    const places = await coordinator.meetings.places({ text: 'kansas' });
    expect(places[0]).toMatchObject({ label: 'Kansas City', kind: 'city' });
    await expectFieldError(
      coordinator.meetings.search({ withinMiles: 5 }),
      'near',
      'Choose a place to measure the distance from.',
    );
  });

  it('is for clinical roles; group monitors are refused and counselors cannot import', async () => {
    const { caller: monitor } = await signedIn(t.db, 'monitor@a.test', clock);
    await expect(monitor.meetings.search({})).rejects.toThrow(
      'Your role does not give access to this.',
    );
    const { caller: counselor } = await signedIn(t.db, 'counselor@a.test', clock);
    expect((await counselor.meetings.search({ pageSize: 1 })).rowCount).toBeGreaterThan(0);
    await expect(counselor.meetings.sources()).rejects.toThrow(
      'Your role does not give access to this.',
    );
  });

  it('keeps each organisation’s directory to itself', async () => {
    const org = await t.db
      .insertInto('organizations')
      .values({ name: 'Other Org' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await t.db
      .insertInto('meetingSources')
      .values({
        organizationId: org.id,
        name: 'Theirs',
        kind: 'upload',
        url: null,
        fellowship: 'aa',
        defaultTimeZone: 'UTC',
        lastImportedAt: null,
        createdBy: world.users.admin.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      importMeetingFeed(ctx, staff, { sourceId: other.id, text: feed('sussexaa.json') }),
    ).rejects.toThrow('No meeting feed with that link.');
  });

  it('takes a meeting entered by hand, and refuses one with nowhere to go', async () => {
    const { meetingId } = await coordinator.meetings.saveManual({
      name: 'Hope on Harbor Street',
      fellowship: 'na',
      day: 3,
      startTime: '18:30',
      types: ['O', 'BE'],
      location: 'Harbor Street Chapel',
      formattedAddress: '12 Harbor St, Dover, DE',
      latitude: 39.158,
      longitude: -75.524,
      conferenceUrl: null,
      conferencePhone: null,
      notes: null,
    });
    const found = await coordinator.meetings.search({ text: 'harbor street', pageSize: 5 });
    expect(found.rows.map((m) => m.id)).toEqual([meetingId]);
    expect(found.rows[0]).toMatchObject({
      endTime: '19:30',
      attendanceMode: 'in_person',
      fellowship: 'na',
    });
    await expectFieldError(
      coordinator.meetings.saveManual({
        name: 'Nowhere',
        fellowship: 'aa',
        day: 1,
        startTime: '10:00',
        types: ['ZZ'],
        formattedAddress: null,
      }),
      'types',
      'Unknown meeting types: ZZ.',
    );
    await expectFieldError(
      coordinator.meetings.saveManual({
        name: 'Nowhere',
        fellowship: 'aa',
        day: 1,
        startTime: '10:00',
      }),
      'formattedAddress',
      'Give an address, an online link or a dial-in number.',
    );
  });
});
