import { createHash, randomUUID } from 'node:crypto';
import {
  type AttendanceMode,
  addDays,
  type CommunityCode,
  type MatchPreferences,
  matchMeetings,
  type SeededRandom,
  type TimeOfDay,
  zonedTimeToInstant,
} from '@homegroup/core';
import type { Transaction } from 'kysely';
import type { Database, MeetingSourceKind } from '../tables';

export type Area = 'cedar' | 'lakeside';

/**
 * Invented neighbourhoods for the demo directory, at points scattered around the two demo
 * facilities' cities. Every place, street, venue and group name in this file is made up.
 */
const PLACES = `Aspen Flats|cedar|39.765|-105.025|80211
Old Mill|cedar|39.705|-104.975|80209
Juniper Heights|cedar|39.812|-104.94|80216
Copperline|cedar|39.68|-105.06|80227
Bramble Park|cedar|39.745|-104.905|80220
Foxglove Commons|cedar|39.63|-104.95|80113
Sagebrush Row|cedar|39.86|-105.05|80031
Kestrel Ridge|cedar|39.725|-105.12|80401
Quarry Gate|cedar|39.79|-104.84|80010
Thimbleberry|cedar|39.66|-104.86|80014
Millrace Point|cedar|39.84|-104.99|80221
Bluestem Hollow|cedar|39.61|-105.04|80123
Harbor Reach|lakeside|41.905|-87.655|60610
Lanternside|lakeside|41.86|-87.665|60608
Driftwood Square|lakeside|41.93|-87.7|60647
Ferrous Yards|lakeside|41.83|-87.68|60609
Gullwing Park|lakeside|41.89|-87.76|60644
Tidewater Row|lakeside|41.96|-87.685|60640
Pebblecourt|lakeside|41.8|-87.72|60632`;
export const NEIGHBOURHOODS = PLACES.split('\n').map((line) => {
  const [name, area, lat, lng, postal] = line.split('|') as [string, Area, string, string, string];
  return { name, area, lat: Number(lat), lng: Number(lng), postal };
});
type Neighbourhood = (typeof NEIGHBOURHOODS)[number];

const CITY = { cedar: 'Quillmont, CO', lakeside: 'Port Ashby, IL' };
const list = (words: string) => words.split(', ');
const STREETS = list(
  'Cedar Street, Tanager Street, Bellflower Avenue, Kettle Lane, Paintbrush Way, Lamplighter Drive, ' +
    'Cobblestone Court, Ironwood Avenue, Chicory Lane, Saddlehorn Street, Foundry Road, Wicker Avenue',
);
const CHAPELS = list(
  'Chapel of the Quiet Meadow, Lantern Hill Community Church, Bluebell Chapel, Stillwater Meeting House',
);
const VENUES: ((hood: string, street: string, random: SeededRandom) => string)[] = [
  (_, street) => `${street} Fellowship Hall`,
  (hood) => `${hood} Community Center`,
  (hood) => `${hood} Library, Meeting Room B`,
  (_, __, random) => random.pick(CHAPELS),
  (_, street) => `The Clubhouse on ${street}`,
];
const WORDS = list(
  'Sunrise, Lamplight, Open Door, Porch Light, Steady Ground, Back to Basics, Cornerstone, ' +
    'Crossroads, Daybreak, Common Ground, Lifeline, Keystone, Kitchen Table, Second Wind',
);
const GRUPOS = list('Amanecer, Esperanza, Serenidad, Camino Nuevo');
const LABELS: Record<string, string> = {
  ...{ D: 'Discussion', SP: 'Speaker Meeting', BE: 'Newcomers', B: 'Big Book Study' },
  ...{ ST: 'Step Study', '12x12': 'Twelve and Twelve', MED: 'Meditation', LIT: 'Basic Text Study' },
};
const PREFIX: Record<string, string> = {
  W: "Women's",
  M: "Men's",
  Y: "Young People's",
  LGBTQ: 'Rainbow',
};
const FORMATS: Record<string, string[]> = {
  aa: ['D', 'D', 'SP', 'BE', 'B', 'B', 'ST', '12x12', 'MED'],
  na: ['D', 'D', 'SP', 'BE', 'ST', 'LIT', 'MED'],
};
const TIMES = [390, 420, 450, 480, 540, 600, 720, 750, 1050, 1080, 1110, 1140, 1170, 1200, 1290];

type Source = [key: string, name: string, kind: MeetingSourceKind, fellowship: string, area: Area];
const SOURCES: Source[] = [
  ['fri', 'Front Range Intergroup (demo feed)', 'upload', 'aa', 'cedar'],
  ['mha', 'Mile High Area NA (demo feed)', 'upload', 'na', 'cedar'],
  ['lsd', 'Lakeshore District AA (demo feed)', 'upload', 'aa', 'lakeside'],
  ['hand', 'Entered by hand', 'manual', 'other', 'cedar'],
];
const FEED_SIZES = [110, 55, 60];
/** Feed meetings listed with an address but no position (every 22nd), and those since retired. */
const NO_POSITION_EVERY = 22;
const RETIRED: Record<string, number[]> = { fri: [40, 85], mha: [20] };
/** Entered by hand: [fellowship, neighbourhood, name, attendance mode, types]. */
const BY_HAND: [string, string, string, AttendanceMode, string[]][] = [
  ['smart', 'Bramble Park', 'SMART Recovery at Bramble Park', 'in_person', ['D', 'O']],
  ['smart', 'Old Mill', 'SMART Recovery Tools Night', 'online', ['D', 'O']],
  ['smart', 'Harbor Reach', 'SMART Recovery Harbor Reach', 'hybrid', ['D', 'O']],
  ['smart', 'Tidewater Row', 'SMART Recovery Lunchtime Check-in', 'online', ['D', 'O']],
  ['smart', 'Aspen Flats', 'SMART Recovery Family & Friends', 'online', ['O']],
  ['al_anon', 'Old Mill', 'Old Mill Al-Anon Family Group', 'in_person', ['C', 'D']],
  ['al_anon', 'Lanternside', 'Lanternside Al-Anon', 'hybrid', ['C', 'D']],
  ['nar_anon', 'Juniper Heights', 'Juniper Heights Nar-Anon', 'in_person', ['C', 'D']],
  ['ca', 'Copperline', 'Copperline CA Discussion', 'in_person', ['C', 'D']],
  ['ca', 'Kestrel Ridge', 'Kestrel Ridge CA Step Study', 'hybrid', ['C', 'ST']],
  ['ca', 'Driftwood Square', 'Driftwood Square CA', 'in_person', ['D', 'O']],
  ['cma', 'Quarry Gate', 'Quarry Gate CMA', 'in_person', ['C', 'D']],
  ['cma', 'Thimbleberry', 'CMA Evening Online', 'online', ['C', 'SP']],
  ['cma', 'Ferrous Yards', 'Ferrous Yards CMA', 'in_person', ['C', 'D']],
  ['lifering', 'Aspen Flats', 'LifeRing Aspen Flats', 'in_person', ['D', 'O']],
  ['refuge', 'Gullwing Park', 'Refuge Recovery Gullwing Park', 'in_person', ['MED', 'O']],
];

interface Draft {
  source: Source;
  slug: string;
  fellowship: string;
  name: string;
  hood: Neighbourhood;
  mode: AttendanceMode;
  types: string[];
  noPosition?: boolean;
  retired?: boolean;
}

/** Weekly meetings in the made-up feeds: every day, 6:30 am to 9:30 pm, mostly in person. */
function feedDrafts(random: SeededRandom): Draft[] {
  const drafts: Draft[] = [];
  FEED_SIZES.forEach((size, s) => {
    const source = SOURCES[s] as Source;
    const [key, , , fellowship, area] = source;
    const hoods = NEIGHBOURHOODS.filter((h) => h.area === area);
    for (let i = 0; i < size; i++) {
      const noPosition = i % NO_POSITION_EVERY === 7;
      const r = random.next();
      const mode = noPosition || r < 0.6 ? 'in_person' : r < 0.8 ? 'online' : 'hybrid';
      const format = random.pick(FORMATS[fellowship] ?? ['D']);
      const c = random.next();
      const community = c < 0.06 ? 'W' : c < 0.11 ? 'M' : c < 0.15 ? 'Y' : c < 0.18 ? 'LGBTQ' : '';
      const spanish = !community && random.chance(0.05);
      const hood = random.pick(hoods);
      const types = [random.chance(0.55) ? 'O' : 'C', format, community, spanish ? 'S' : ''];
      if (mode !== 'online' && random.chance(0.4)) types.push('X');
      const word = random.pick(WORDS);
      drafts.push({
        source,
        slug: `${key}-${String(i + 1).padStart(3, '0')}`,
        fellowship,
        name: spanish
          ? `Grupo ${random.pick(GRUPOS)} de ${hood.name}`
          : [PREFIX[community], word, LABELS[format]].filter(Boolean).join(' '),
        hood,
        mode,
        types: types.filter(Boolean),
        noPosition,
        retired: RETIRED[key]?.includes(i),
      });
    }
  });
  BY_HAND.forEach(([fellowship, place, name, mode, types], i) => {
    const hood = NEIGHBOURHOODS.find((h) => h.name === place) as Neighbourhood;
    const slug = `hand-${String(i + 1).padStart(2, '0')}`;
    drafts.push({ source: SOURCES[3] as Source, slug, fellowship, name, hood, mode, types });
  });
  return drafts;
}

const round = (n: number) => Math.round(n * 100_000) / 100_000;

/**
 * A synthetic community meeting directory for the demo organisation, about 240 meetings in four
 * sources (three uploaded feeds and the hand-entered list). Returns the rows with their area.
 */
export async function seedDemoMeetings(
  trx: Transaction<Database>,
  input: {
    random: SeededRandom;
    today: string;
    organizationId: string;
    createdBy: string;
    timeZones: Record<Area, string>;
  },
) {
  const { random, today, organizationId, createdBy, timeZones } = input;
  const sources = SOURCES.map(([, name, kind, fellowship, area]) => ({
    ...{ id: randomUUID(), organizationId, name, kind, url: null, fellowship, createdBy },
    defaultTimeZone: timeZones[area],
    lastImportedAt:
      kind === 'upload'
        ? zonedTimeToInstant(addDays(today, -random.int(2, 9)), '08:15', timeZones[area])
        : null,
  }));
  await trx.insertInto('meetingSources').values(sources).execute();

  const meetings = feedDrafts(random).map((d, index) => {
    const source = sources[SOURCES.indexOf(d.source)] as (typeof sources)[number];
    const online = d.mode === 'online';
    const fromFeed = d.source[2] === 'upload';
    const street = random.pick(STREETS);
    const hasPosition = !online && !d.noPosition;
    const start = random.pick(TIMES);
    const values = {
      ...{ slug: d.slug, fellowship: d.fellowship, name: d.name, day: index % 7 },
      ...{ startMinute: start, endMinute: start + (random.chance(0.75) ? 60 : 90) },
      timeZone: timeZones[d.hood.area],
      types: [...d.types].sort(),
      unknownTypes: [],
      languages: d.types.includes('S') ? ['S'] : ['EN'],
      attendanceMode: d.mode,
      location: online ? null : (random.pick(VENUES)?.(d.hood.name, street, random) ?? null),
      formattedAddress: online
        ? null
        : `${random.int(100, 9899)} ${street}, ${CITY[d.hood.area]} ${d.hood.postal}`,
      city: online ? null : (CITY[d.hood.area].split(',')[0] ?? null),
      postalCode: online ? null : d.hood.postal,
      regions: [d.hood.name],
      latitude: hasPosition ? round(d.hood.lat + (random.next() - 0.5) * 0.04) : null,
      longitude: hasPosition ? round(d.hood.lng + (random.next() - 0.5) * 0.05) : null,
      conferenceUrl: d.mode === 'in_person' ? null : `https://meet.example.org/${d.slug}`,
      conferencePhone:
        d.mode !== 'in_person' && random.chance(0.5) ? `555-01${random.int(10, 99)}` : null,
      notes: random.chance(0.15) ? 'Literature and coffee provided. Newcomers welcome.' : null,
      locationNotes:
        !online && random.chance(0.2) ? 'Enter through the side door by the bike rack.' : null,
      groupName: fromFeed ? `${d.hood.name} ${random.pick(WORDS)} Group` : null,
      url: fromFeed ? `https://example.org/${d.source[0]}/meetings/${d.slug}` : null,
      feedUpdatedAt: fromFeed ? `${addDays(today, -random.int(5, 400))}T12:00:00.000Z` : null,
    };
    const searchText = [values.name, values.location, values.formattedAddress, values.groupName]
      .concat([values.city, values.postalCode, ...values.regions])
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    return {
      ...values,
      ...{ id: randomUUID(), organizationId, sourceId: source.id, searchText },
      contentHash: createHash('sha1').update(JSON.stringify(values)).digest('base64url'),
      // Gone from the feed at its last import; kept, because referrals may point at it.
      retiredAt: d.retired ? source.lastImportedAt : null,
      area: d.hood.area,
    };
  });
  await trx
    .insertInto('meetings')
    .values(meetings.map(({ area, ...row }) => row))
    .execute();

  // The upload that brought each feed in, for the directory's import history.
  const imports = FEED_SIZES.map((size, s) => {
    const { id, lastImportedAt } = sources[s] as (typeof sources)[number];
    const retired = RETIRED[(SOURCES[s] as Source)[0]]?.length ?? 0;
    const [rowCount, startedAt] = [size - retired, lastImportedAt as Date];
    return {
      ...{ sourceId: id, organizationId, origin: 'upload' as const, status: 'succeeded' as const },
      ...{ rowCount, unchanged: rowCount, retired, startedBy: createdBy, startedAt },
      finishedAt: new Date(startedAt.getTime() + 4000),
    };
  });
  await trx.insertInto('meetingImports').values(imports).execute();
  return meetings;
}
export type DemoMeeting = Awaited<ReturnType<typeof seedDemoMeetings>>[number];

const TIMES_OF_DAY: TimeOfDay[] = ['morning', 'afternoon', 'evening', 'evening', 'night'];
const MODES: AttendanceMode[][] = [
  ['in_person'],
  ['in_person', 'hybrid'],
  ['online', 'hybrid'],
  [],
  ['in_person', 'online', 'hybrid'],
];

/** What an alumnus might say suits them, with a home near one of the neighbourhoods. */
export function demoPreferences(
  random: SeededRandom,
  c: { area: Area; preferredFellowship: string | null; pronouns: string | null },
) {
  const hood = random.pick(NEIGHBOURHOODS.filter((h) => h.area === c.area));
  const f = c.preferredFellowship;
  const who = random.next();
  const communities: CommunityCode[] =
    who < 0.2 && c.pronouns === 'she/her' ? ['W'] : who > 0.88 ? ['Y'] : [];
  return {
    homeLabel: hood.name,
    fellowships:
      !f || f === 'other' ? ['aa'] : f === 'na' && random.chance(0.3) ? ['na', 'aa'] : [f],
    days: [...new Set([random.int(0, 6), random.int(0, 6), random.int(0, 6)])].sort(),
    timesOfDay: [...new Set([random.pick(TIMES_OF_DAY), random.pick(TIMES_OF_DAY)])],
    attendanceModes: random.pick(MODES),
    language: null,
    communities,
    home: {
      latitude: round(hood.lat + (random.next() - 0.5) * 0.02),
      longitude: round(hood.lng + (random.next() - 0.5) * 0.02),
    },
    maxDistanceMiles: random.int(5, 15),
  } satisfies MatchPreferences & { homeLabel: string };
}

/**
 * The best-fitting English meeting near the client (or online) not yet offered to them, with the
 * reasons the matcher gives; the hard rules are loosened, then AA offered, if nothing fits.
 */
export function pickMeeting(
  random: SeededRandom,
  prefs: MatchPreferences,
  meetings: readonly DemoMeeting[],
  c: { id: string; area: Area },
  offered: Set<string>,
) {
  const pool = meetings.filter(
    (m) =>
      !m.retiredAt &&
      m.languages.includes('EN') &&
      (m.area === c.area || m.attendanceMode === 'online') &&
      !offered.has(`${c.id}:${m.id}`),
  );
  const loose = { ...prefs, attendanceModes: [], communities: [], maxDistanceMiles: null };
  for (const p of [prefs, loose, { ...loose, fellowships: ['aa'] }]) {
    const matches = matchMeetings(p, pool, 3);
    if (matches.length === 0) continue;
    const match = random.pick(matches);
    offered.add(`${c.id}:${match.meeting.id}`);
    return { meeting: match.meeting, reasons: match.reasons.slice(0, 3) };
  }
  return null;
}
