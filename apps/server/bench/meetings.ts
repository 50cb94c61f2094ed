/**
 * The community meeting directory under load: importing a 2,000-meeting feed end to end over
 * HTTP (upload, normalise, save, report), repeated to show memory does not grow; then searching a
 * directory of 20,000+ meetings with three filters and a distance.
 */
import { median, percentile } from '@homegroup/core';
import type { DbHandle } from '@homegroup/db';

const json = { 'content-type': 'application/json' };
const CENTRE = { latitude: 39.74, longitude: -104.99 };
const TYPE_SETS = [
  ['O', 'D'],
  ['C', 'ST'],
  ['O', 'SP', 'BE'],
  ['C', 'B', 'W'],
  ['O', 'D', 'Y'],
  ['C', 'LGBTQ'],
];

/** A synthetic Meeting Guide feed of `count` meetings, shaped like real ones (some 12-hour times). */
export function syntheticFeed(count: number, seed: number, revision = 0): string {
  const rows = [];
  for (let i = 0; i < count; i++) {
    const hour = 6 + ((i * 7 + seed) % 16);
    const twelveHour = i % 5 === 0;
    const angle = (i * 137.5 * Math.PI) / 180;
    const radius = ((i % 97) / 97) * 0.35;
    rows.push({
      slug: `s${seed}-m${i}`,
      name: `${revision > 0 && i % 10 === 0 ? 'Renamed ' : ''}Bench Meeting ${seed}-${i}`,
      day: i % 7,
      time: twelveHour
        ? `${hour % 12 === 0 ? 12 : hour % 12}:30 ${hour < 12 ? 'AM' : 'PM'}`
        : `${String(hour).padStart(2, '0')}:00`,
      types: TYPE_SETS[i % TYPE_SETS.length],
      location: `Hall ${i % 300}`,
      formatted_address: `${100 + i} Bench Street, Testville, CO 80${String(i % 1000).padStart(3, '0')}, USA`,
      latitude: CENTRE.latitude + radius * Math.sin(angle),
      longitude: CENTRE.longitude + radius * 1.3 * Math.cos(angle),
      regions: [`Region ${i % 12}`],
      ...(i % 6 === 0 ? { conference_url: `https://meet.example.org/${seed}-${i}` } : {}),
    });
  }
  return JSON.stringify(rows);
}

async function trpc<T>(base: string, cookie: string, path: string, input: unknown): Promise<T> {
  const res = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { ...json, cookie },
    body: JSON.stringify(input),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

async function importFeed(base: string, cookie: string, sourceId: string, text: string) {
  const res = await fetch(`${base}/import/meetings/${sourceId}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', cookie },
    body: text,
  });
  const lines = (await res.text()).trim().split('\n');
  const last = JSON.parse(lines.at(-1) ?? '{}') as {
    type: string;
    report?: { imported: number; updated: number };
  };
  if (last.type !== 'done') throw new Error(`import failed: ${lines.at(-1)}`);
  return last.report;
}

function heapMb() {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const createSource = (base: string, cookie: string, name: string) =>
  trpc<{ sourceId: string }>(base, cookie, 'meetings.createSource', {
    name,
    kind: 'upload',
    fellowship: 'aa',
    defaultTimeZone: 'America/Denver',
  }).then((r) => r.sourceId);

export async function benchMeetings(label: string, handle: DbHandle, base: string, cookie: string) {
  const sourceId = await createSource(base, cookie, 'Bench feed');
  const feeds = [syntheticFeed(2_000, 1), syntheticFeed(2_000, 1, 1)];
  const times: number[] = [];
  const heap: number[] = [heapMb()];
  const IMPORTS = 12;
  for (let i = 0; i < IMPORTS; i++) {
    const start = performance.now();
    await importFeed(base, cookie, sourceId, feeds[i % 2] ?? '');
    times.push(performance.now() - start);
    heap.push(heapMb());
  }
  console.log(
    `\n${label}: importing a 2,000-meeting feed over HTTP, ${IMPORTS} times (alternating 10% renamed)`,
  );
  console.table([
    {
      'first import ms': Number((times[0] ?? 0).toFixed(0)),
      'median re-import ms': Number(median(times.slice(1)).toFixed(0)),
      'slowest ms': Number(Math.max(...times).toFixed(0)),
      'heap MB before': Number((heap[0] ?? 0).toFixed(1)),
      'heap MB after 1': Number((heap[1] ?? 0).toFixed(1)),
      [`heap MB after ${IMPORTS}`]: Number((heap.at(-1) ?? 0).toFixed(1)),
      gc: (globalThis as { gc?: unknown }).gc ? 'forced' : 'not exposed',
    },
  ]);

  // Fill the directory to 20,000+ meetings from ten sources.
  for (let s = 2; s <= 10; s++) {
    await importFeed(
      base,
      cookie,
      await createSource(base, cookie, `Bench feed ${s}`),
      syntheticFeed(2_000, s),
    );
  }
  const total = await handle.db
    .selectFrom('meetings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('retiredAt', 'is', null)
    .executeTakeFirstOrThrow();
  const cases = {
    'weekday + time window + fellowship, within 5 mi, by distance': {
      days: [2, 4],
      from: '17:00',
      to: '21:00',
      fellowships: ['aa'],
      near: CENTRE,
      withinMiles: 5,
      sort: 'distance',
      pageSize: 25,
    },
    'format + in person + text, within 10 mi': {
      types: ['O'],
      modes: ['in_person', 'hybrid'],
      text: 'hall 1',
      near: CENTRE,
      withinMiles: 10,
      pageSize: 25,
    },
    'whole directory, first page by time': { pageSize: 25 },
  };
  const rows = [];
  for (const [name, input] of Object.entries(cases)) {
    const url = `${base}/trpc/meetings.search?input=${encodeURIComponent(JSON.stringify(input))}`;
    const sample: number[] = [];
    for (let i = 0; i < 220; i++) {
      const start = performance.now();
      const res = await fetch(url, { headers: { cookie } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`search answered ${res.status}`);
      if (i >= 20) sample.push(performance.now() - start);
    }
    rows.push({
      search: name,
      runs: sample.length,
      'median ms': Number(median(sample).toFixed(2)),
      'p95 ms': Number(percentile(sample, 95).toFixed(2)),
    });
  }
  console.log(
    `\n${label}: meeting search over ${Number(total.n).toLocaleString('en-US')} meetings (HTTP, loopback)`,
  );
  console.table(rows);
}
