/**
 * Load: 50 simulated staff at once for 60 s (BENCH_LOAD_USERS, BENCH_LOAD_SECONDS) against the
 * real server on loopback, on a scratch PostgreSQL database holding the demo data. Half of them
 * take attendance (group monitors and counselors, each on an ad-hoc session of its own made today
 * through the API); the other half read (clinical directors and counselors: the outcome
 * dashboard, the caseload, today's sessions, the group list). Every worker loops with a short
 * random pause (0–200 ms) until the clock runs out, then stops.
 *
 * Every save carries a fresh idempotency key. Some are deliberately sent again with the same key:
 * once more after the answer, twice at the same moment, or cut off (the request aborted within a
 * few milliseconds) and retried; each must be saved once. Each writer owns its session, so it
 * knows what the database must hold; afterwards the database is counted against that knowledge:
 * every acknowledged entry present once with its last saved values and version, the session
 * version moved once per acknowledged save, one idempotency key per save, one audit event per
 * changed entry, and the audit chain intact. A save that fails is sent again with the same key
 * (as someone pressing Save again would) while the clock runs; one never acknowledged is settled
 * afterwards from its key (stored if and only if it was saved). Throws on any failed request, lost
 * or duplicated write, or answer that contradicts the saves.
 *
 * The staff are accounts added to the demo organisation for the run (there is no procedure to
 * create staff); each signs in once. Monitors may log any session (set through the API). The
 * simulated staff run in the same process as the server, as in the other sections: on a small
 * machine they share its CPU.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '@homegroup/api';
import { addDays, dateInTimeZone, median, percentile, type Role } from '@homegroup/core';
import { type DbHandle, verifyAuditChain } from '@homegroup/db';
import { DEMO_PASSWORD, demoEmail, seedDemo } from '@homegroup/db/seed';
import { sql } from 'kysely';

/** What run.ts lends: its silent server on a free port, and its sign-in. */
export interface LoadBenchTools {
  startServer: (handle: DbHandle) => Promise<{ app: { close(): Promise<unknown> }; base: string }>;
  signIn: (base: string, body: string) => Promise<string>;
}

const THINK_MS = 200;
/** A request that takes longer than this counts as an error (and keeps the run bounded). */
const REQUEST_TIMEOUT_MS = 30_000;
const SIGN_IN_CONCURRENCY = 4;
const json = { 'content-type': 'application/json' };

function positiveInt(value: string | undefined, fallback: number) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
const chance = (p: number) => Math.random() < p;
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Requests and their timings

class HttpError extends Error {}

interface KindStats {
  times: number[];
  errors: number;
  samples: string[];
}

/** Every request's latency and outcome, per kind. */
class Recorder {
  readonly kinds = new Map<string, KindStats>();

  private stats(kind: string) {
    let s = this.kinds.get(kind);
    if (!s) {
      s = { times: [], errors: 0, samples: [] };
      this.kinds.set(kind, s);
    }
    return s;
  }

  ok(kind: string, ms: number) {
    this.stats(kind).times.push(ms);
  }

  /** Failed requests by HTTP status ('network' when there was no answer). */
  readonly statuses = new Map<string, number>();

  error(kind: string, ms: number, message: string) {
    const status = /answered (\d{3})/.exec(message)?.[1] ?? 'network';
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    const s = this.stats(kind);
    s.times.push(ms);
    s.errors += 1;
    if (s.samples.length < 3) s.samples.push(message.slice(0, 300));
  }

  get errors() {
    let n = 0;
    for (const s of this.kinds.values()) n += s.errors;
    return n;
  }
}

/** One tRPC call over HTTP; resolves with the answer's data, throws HttpError otherwise. */
async function trpc<T>(
  base: string,
  cookie: string,
  path: string,
  input: unknown,
  method: 'GET' | 'POST',
  signal?: AbortSignal,
): Promise<T> {
  const url =
    method === 'GET'
      ? `${base}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`
      : `${base}/trpc/${path}`;
  const res = await fetch(url, {
    method,
    headers: method === 'POST' ? { cookie, ...json } : { cookie },
    ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
    signal: signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new HttpError(`${path} answered ${res.status}: ${text.slice(0, 400)}`);
  return (JSON.parse(text) as { result: { data: T } }).result.data;
}

/** A call whose latency and outcome are recorded under `kind`; undefined when it failed. */
async function timed<T>(rec: Recorder, kind: string, call: () => Promise<T>) {
  const start = performance.now();
  try {
    const data = await call();
    rec.ok(kind, performance.now() - start);
    return { data };
  } catch (err) {
    rec.error(kind, performance.now() - start, err instanceof Error ? err.message : String(err));
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The simulated staff

type Job = 'writer' | 'reader';

interface Staff {
  n: number;
  email: string;
  userId: string;
  role: Role;
  job: Job;
  facilityId: string;
  cookie: string;
}

type PersonRef = { clientId: string } | { familyMemberId: string };

const STATUSES = ['present', 'late', 'left_early', 'absent_excused', 'absent_unexcused'] as const;
type Status = (typeof STATUSES)[number];
const CAME: readonly Status[] = ['present', 'late', 'left_early'];
const EXCUSES = ['Medical appointment', 'Court date', 'Family visit', 'Illness'];

/** An entry's stored values, as the server normalises them. */
interface EntryValues {
  status: Status;
  lateMinutes: number | null;
  leftEarlyMinutes: number | null;
  excuseReason: string | null;
  participation: 'shared' | 'listened' | null;
  engagementRating: number | null;
  individualNote: string | null;
}
const VALUE_FIELDS = [
  'status',
  'lateMinutes',
  'leftEarlyMinutes',
  'excuseReason',
  'participation',
  'engagementRating',
  'individualNote',
] as const;
const sameValues = (a: EntryValues, b: EntryValues) => VALUE_FIELDS.every((f) => a[f] === b[f]);

function randomValues(durationMinutes: number, tag: string): EntryValues {
  const status = pick(STATUSES);
  const came = CAME.includes(status);
  const minutes = () => randomInt(1, Math.min(30, durationMinutes - 1));
  return {
    status,
    lateMinutes: status === 'late' ? minutes() : null,
    leftEarlyMinutes: status === 'left_early' ? minutes() : null,
    excuseReason: status === 'absent_excused' ? pick(EXCUSES) : null,
    participation: came ? pick(['shared', 'listened', null] as const) : null,
    engagementRating: came ? pick([1, 2, 3, 4, 5, null]) : null,
    individualNote: chance(0.3) ? `Load note ${tag}` : null,
  };
}

const keyOf = (p: PersonRef) => ('clientId' in p ? `c:${p.clientId}` : `f:${p.familyMemberId}`);

interface SaveAnswer {
  version: number;
  state: string;
  changed: number;
}

/** What a writer knows about its own session: exactly what the database must hold. */
interface Writer {
  staff: Staff;
  sessionId: string;
  groupName: string;
  durationMinutes: number;
  people: PersonRef[];
  initialVersion: number;
  /** The version of the last acknowledged save. */
  version: number;
  expected: Map<string, { values: EntryValues; savedInVersion: number }>;
  expectedTopic: string | null;
  ackedKeys: Set<string>;
  /** Entries the acknowledged saves changed: one audit event each. */
  changedEntries: number;
  /** Same-key repeats whose answer matched the first. */
  identicalRepeats: number;
  aborted: number;
  /** Something the server said that contradicts what this writer knows. */
  problems: string[];
  /** A save never acknowledged: whether it was saved is settled afterwards, from its key. */
  unsettled: SentSave | null;
}

const SAVE = 'sessions.saveAttendance';
const SAVE_AGAIN = 'sessions.saveAttendance, same key again';
const SAVE_TWICE = 'sessions.saveAttendance, same key twice at once';
const SAVE_RETRY = 'sessions.saveAttendance, retry after abort or error';

const sameAnswer = (a: SaveAnswer, b: SaveAnswer) =>
  a.version === b.version && a.state === b.state && a.changed === b.changed;

/** A save sent but not (yet) acknowledged: its entries, to apply once it is known to be saved. */
interface SentSave {
  key: string;
  entries: { person: PersonRef; values: EntryValues }[];
  topic: string | undefined;
}

/** What the database must hold after `sent` was saved, checked against the server's answer. */
function applySave(w: Writer, sent: SentSave, answer: SaveAnswer) {
  let changed = 0;
  const version = w.version + 1;
  for (const e of sent.entries) {
    const k = keyOf(e.person);
    const before = w.expected.get(k);
    if (before && sameValues(before.values, e.values)) continue;
    changed += 1;
    w.expected.set(k, { values: e.values, savedInVersion: version });
  }
  if (answer.version !== version || answer.changed !== changed) {
    w.problems.push(
      `save ${sent.key}: answered version ${answer.version}, ${answer.changed} changed; expected ${version}, ${changed}`,
    );
  }
  if (sent.topic) w.expectedTopic = sent.topic;
  w.version = version;
  w.ackedKeys.add(sent.key);
  w.changedEntries += changed;
}

/** One save, some of them repeated with the same key; updates what the writer knows. */
async function writeOnce(rec: Recorder, base: string, w: Writer, round: number, deadline: number) {
  const tag = `${w.staff.n}-${round}`;
  const count = randomInt(1, w.people.length);
  const chosen = [...w.people].sort(() => Math.random() - 0.5).slice(0, count);
  const sent: SentSave = {
    key: randomUUID(),
    entries: chosen.map((person) => ({ person, values: randomValues(w.durationMinutes, tag) })),
    topic: chance(0.3) ? `Load topic ${tag}` : undefined,
  };
  const input = {
    sessionId: w.sessionId,
    baseVersion: w.version,
    entries: sent.entries.map((e) => ({ person: e.person, ...e.values })),
    complete: chance(0.1),
    ...(sent.topic ? { details: { topic: sent.topic } } : {}),
    idempotencyKey: sent.key,
  };
  const save = (signal?: AbortSignal) =>
    trpc<SaveAnswer>(base, w.staff.cookie, SAVE, input, 'POST', signal);
  const compare = (what: string, a: SaveAnswer | undefined, b: SaveAnswer | undefined) => {
    if (!a || !b) return;
    if (sameAnswer(a, b)) w.identicalRepeats += 1;
    else w.problems.push(`${what}: ${JSON.stringify(a)} then ${JSON.stringify(b)}`);
  };

  const mode = Math.random();
  let answer: SaveAnswer | undefined;
  if (mode < 0.05) {
    // Cut off a few milliseconds in (it may or may not have been saved), then sent again.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), randomInt(0, 15));
    const start = performance.now();
    let first: SaveAnswer | undefined;
    try {
      first = await save(controller.signal);
      rec.ok(SAVE, performance.now() - start);
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') w.aborted += 1;
      else rec.error(SAVE, performance.now() - start, String(err));
    } finally {
      clearTimeout(timer);
    }
    answer = (await timed(rec, SAVE_RETRY, () => save()))?.data;
    compare('sent again after a cut-off', first, answer);
    answer ??= first;
  } else if (mode < 0.1) {
    const [a, b] = await Promise.all([
      timed(rec, SAVE_TWICE, () => save()),
      timed(rec, SAVE_TWICE, () => save()),
    ]);
    compare('sent twice at once', a?.data, b?.data);
    answer = a?.data ?? b?.data;
  } else {
    answer = (await timed(rec, SAVE, () => save()))?.data;
    if (answer && mode < 0.2) {
      compare('sent again', answer, (await timed(rec, SAVE_AGAIN, () => save()))?.data);
    }
  }
  // A save that failed may or may not have gone through: sent again with the same key, as
  // someone pressing Save again does, a few times while the clock runs.
  for (let attempt = 1; !answer && attempt <= 5 && performance.now() < deadline; attempt++) {
    await sleep(250 * attempt);
    answer = (await timed(rec, SAVE_RETRY, () => save()))?.data;
  }
  if (answer) applySave(w, sent, answer);
  else {
    // Whether it was saved is settled afterwards, from its key; this writer stops writing.
    w.unsettled = sent;
  }
}

interface SessionView {
  session: { version: number; topic: string | null };
  people: { person: PersonRef; entry: (EntryValues & { savedInVersion: number }) | null }[];
}

/** The writer reopens its session: it must read exactly its own acknowledged saves. */
async function reread(rec: Recorder, base: string, w: Writer) {
  const got = await timed(rec, 'sessions.get', () =>
    trpc<SessionView>(base, w.staff.cookie, 'sessions.get', { sessionId: w.sessionId }, 'GET'),
  );
  if (!got) return;
  const { session, people } = got.data;
  if (session.version !== w.version) {
    w.problems.push(`read version ${session.version} after saving version ${w.version}`);
  }
  for (const p of people) {
    const want = w.expected.get(keyOf(p.person));
    const have = p.entry;
    if (!want && !have) continue;
    if (
      !want ||
      !have ||
      !sameValues(want.values, have) ||
      want.savedInVersion !== have.savedInVersion
    ) {
      w.problems.push(
        `read ${keyOf(p.person)} as ${JSON.stringify(have)}, saved ${JSON.stringify(want)}`,
      );
    }
  }
}

interface ReadContext {
  base: string;
  facilityIds: string[];
  /** The demo counselors at the readers' facility: a counselor looks at a colleague's caseload. */
  counselorIds: string[];
  quarter: { from: string; to: string };
}

const caseload = (counselor: string, sort: string) => ({
  page: 1,
  pageSize: 50,
  sort,
  direction: 'asc',
  counselor,
  status: 'in_treatment',
});

/** One screen a reader opens: directors lean on the dashboard, counselors on their caseload. */
function readOnce(rec: Recorder, ctx: ReadContext, staff: Staff) {
  const get = (kind: string, path: string, input: unknown) =>
    timed(rec, kind, () => trpc(ctx.base, staff.cookie, path, input, 'GET'));
  const r = Math.random();
  if (staff.role === 'admin') {
    if (r < 0.4)
      return get('outcomes.dashboard', 'outcomes.dashboard', {
        ...ctx.quarter,
        facilityIds: chance(0.5) ? ctx.facilityIds : ctx.facilityIds.slice(0, 1),
      });
    if (r < 0.7)
      return get(
        'clients.caseload',
        'clients.caseload',
        caseload('all', pick(['attendanceRate', 'name', 'flags'])),
      );
    if (r < 0.85) return get('sessions.today', 'sessions.today', undefined);
    return get('groups.list', 'groups.list', undefined);
  }
  if (r < 0.4)
    return get(
      'clients.caseload',
      'clients.caseload',
      caseload(
        pick(['all', 'mine', ...ctx.counselorIds]),
        pick(['attendanceRate', 'name', 'daysSober']),
      ),
    );
  if (r < 0.7) return get('sessions.today', 'sessions.today', undefined);
  if (r < 0.85) return get('groups.list', 'groups.list', undefined);
  return get('outcomes.dashboard', 'outcomes.dashboard', ctx.quarter);
}

// ---------------------------------------------------------------------------------------------
// Setting up: staff accounts, sign-ins, one ad-hoc session per writer

/**
 * The simulated staff as accounts of the demo organisation (the demo has nine log-ins; the load
 * wants fifty people). Same password as the demo accounts, so each signs in once, successfully.
 */
async function createStaff(handle: DbHandle, users: number) {
  const { db } = handle;
  const admin = await db
    .selectFrom('staffUsers')
    .select(['organizationId', 'passwordHash'])
    .where('email', '=', demoEmail('admin'))
    .executeTakeFirstOrThrow();
  const facilities = await db
    .selectFrom('facilities')
    .select(['id', 'name', 'timeZone'])
    .orderBy('name')
    .execute();
  const writers = Math.ceil(users / 2);
  const readers = users - writers;
  const directors = readers > 0 ? Math.max(1, Math.round(readers * 0.2)) : 0;
  const plan: { role: Role; job: Job }[] = [];
  for (let i = 0; i < writers; i++)
    plan.push({
      role: i < Math.ceil(writers * 0.6) ? 'group_monitor' : 'counselor',
      job: 'writer',
    });
  for (let i = 0; i < readers; i++)
    plan.push({ role: i < directors ? 'admin' : 'counselor', job: 'reader' });

  // Writers are spread over the groups with a roster today, at both facilities.
  const today = dateInTimeZone(new Date(), 'America/Denver');
  const groups = await db
    .selectFrom('groups as g')
    .innerJoin('groupEnrolments as e', 'e.groupId', 'g.id')
    .select(['g.id', 'g.name', 'g.facilityId', sql<number>`count(*)::int`.as('roster')])
    .where('g.archivedAt', 'is', null)
    .where('e.startDate', '<=', today)
    .where((eb) => eb.or([eb('e.endDate', 'is', null), eb('e.endDate', '>=', today)]))
    .groupBy(['g.id', 'g.name', 'g.facilityId'])
    .having(sql`count(*)`, '>=', 3)
    .orderBy('g.name')
    .execute();
  if (groups.length === 0) throw new Error('load: no demo group has a roster today');

  const staff: (Omit<Staff, 'cookie'> & { group?: (typeof groups)[number] })[] = [];
  for (const [i, p] of plan.entries()) {
    const n = i + 1;
    const group = p.job === 'writer' ? groups[i % groups.length] : undefined;
    // Writers work at their group's facility; readers at the first; directors direct every one.
    const facilityIds =
      p.role === 'admin'
        ? facilities.map((f) => f.id)
        : [group?.facilityId ?? (facilities[0]?.id as string)];
    const email = demoEmail(`load-${String(n).padStart(2, '0')}`);
    const user = await db
      .insertInto('staffUsers')
      .values({
        organizationId: admin.organizationId,
        email,
        displayName: `Load ${p.job} ${n}`,
        passwordHash: admin.passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('staffRoles')
      .values(facilityIds.map((facilityId) => ({ staffUserId: user.id, facilityId, role: p.role })))
      .execute();
    staff.push({
      n,
      email,
      userId: user.id,
      role: p.role,
      job: p.job,
      facilityId: facilityIds[0] as string,
      ...(group ? { group } : {}),
    });
  }
  return { staff, facilities, today };
}

/** Each simulated staff member signs in once (a few at a time: argon2id is meant to be slow). */
async function signInAll<T extends { email: string }>(
  base: string,
  tools: LoadBenchTools,
  staff: T[],
): Promise<(T & { cookie: string })[]> {
  const out: (T & { cookie: string })[] = new Array(staff.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: SIGN_IN_CONCURRENCY }, async () => {
      for (let i = next++; i < staff.length; i = next++) {
        const s = staff[i] as T;
        const cookie = await tools.signIn(
          base,
          JSON.stringify({ email: s.email, password: DEMO_PASSWORD }),
        );
        out[i] = { ...s, cookie };
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// Counting afterwards

interface Tally {
  lost: number;
  duplicated: number;
  details: string[];
}

/** The database against what the writers know: every acknowledged write once, nothing more. */
async function countWrites(handle: DbHandle, writers: Writer[]): Promise<Tally & { rows: number }> {
  const { db } = handle;
  const tally: Tally = { lost: 0, duplicated: 0, details: [] };
  const lost = (n: number, what: string) => {
    if (n <= 0) return;
    tally.lost += n;
    if (tally.details.length < 20) tally.details.push(`lost: ${what}`);
  };
  const duplicated = (n: number, what: string) => {
    if (n <= 0) return;
    tally.duplicated += n;
    if (tally.details.length < 20) tally.details.push(`duplicated: ${what}`);
  };
  // A save never acknowledged was saved if and only if its key was stored (with its answer).
  const unsettled = writers.flatMap((w) => (w.unsettled ? [{ w, sent: w.unsettled }] : []));
  if (unsettled.length > 0) {
    const stored = await db
      .selectFrom('idempotencyKeys')
      .select(['key', 'response'])
      .where(
        'key',
        'in',
        unsettled.map((u) => u.sent.key),
      )
      .execute();
    for (const { w, sent } of unsettled) {
      const row = stored.find((r) => r.key === sent.key);
      if (row?.response) applySave(w, sent, row.response as SaveAnswer);
      else if (row) w.problems.push(`save ${sent.key} stored without its answer`);
      w.unsettled = null;
    }
  }
  const sessionIds = writers.map((w) => w.sessionId);
  if (sessionIds.length === 0) return { ...tally, rows: 0 };

  const [rows, sessions, keys, audits] = await Promise.all([
    db
      .selectFrom('attendanceRecords')
      .select([
        'sessionId',
        'clientId',
        'familyMemberId',
        ...VALUE_FIELDS,
        'savedInVersion',
        'recordedBy',
      ])
      .where('sessionId', 'in', sessionIds)
      .execute(),
    db
      .selectFrom('groupSessions')
      .select(['id', 'version', 'topic'])
      .where('id', 'in', sessionIds)
      .execute(),
    db
      .selectFrom('idempotencyKeys')
      .select(['staffUserId', 'key', sql<boolean>`response is not null`.as('answered')])
      .where(
        'staffUserId',
        'in',
        writers.map((w) => w.staff.userId),
      )
      .where('procedure', '=', SAVE)
      .execute(),
    db
      .selectFrom('auditEvents')
      .select(['entityId', sql<number>`count(*)::int`.as('n')])
      .where('entityType', '=', 'attendance_record')
      .where('entityId', 'in', sessionIds)
      .groupBy('entityId')
      .execute(),
  ]);

  for (const w of writers) {
    const label = `${w.staff.email} on ${w.groupName}`;
    // Entries: each acknowledged person once, with the last values saved and that save's version.
    const mine = rows.filter((r) => r.sessionId === w.sessionId);
    const byPerson = new Map<string, typeof mine>();
    for (const r of mine) {
      const k = r.clientId ? `c:${r.clientId}` : `f:${r.familyMemberId}`;
      byPerson.set(k, [...(byPerson.get(k) ?? []), r]);
    }
    for (const [k, want] of w.expected) {
      const have = byPerson.get(k) ?? [];
      const row = have[0];
      if (!row) {
        lost(1, `${label}: ${k} missing`);
        continue;
      }
      duplicated(have.length - 1, `${label}: ${k} stored ${have.length} times`);
      if (!sameValues(want.values, row as EntryValues)) {
        lost(
          1,
          `${label}: ${k} holds ${JSON.stringify(row)}, last saved ${JSON.stringify(want.values)}`,
        );
      } else if (row.savedInVersion > want.savedInVersion) {
        duplicated(
          1,
          `${label}: ${k} rewritten in version ${row.savedInVersion}, saved in ${want.savedInVersion}`,
        );
      } else if (row.savedInVersion < want.savedInVersion) {
        lost(
          1,
          `${label}: ${k} last written in version ${row.savedInVersion}, saved in ${want.savedInVersion}`,
        );
      }
      if (row.recordedBy !== w.staff.userId) {
        lost(1, `${label}: ${k} recorded by someone else`);
      }
    }
    for (const [k, have] of byPerson) {
      if (!w.expected.has(k)) duplicated(have.length, `${label}: ${k} stored but never saved`);
    }
    // The session: one version step per acknowledged save, the last topic saved.
    const session = sessions.find((s) => s.id === w.sessionId);
    const wantVersion = w.initialVersion + w.ackedKeys.size;
    if (w.version !== wantVersion)
      w.problems.push(`counted version ${w.version}, want ${wantVersion}`);
    const version = session?.version ?? 0;
    duplicated(
      version - wantVersion,
      `${label}: version ${version} after ${w.ackedKeys.size} saves`,
    );
    lost(wantVersion - version, `${label}: version ${version} after ${w.ackedKeys.size} saves`);
    if (w.expectedTopic !== null && session?.topic !== w.expectedTopic) {
      lost(1, `${label}: topic ${session?.topic}, last saved ${w.expectedTopic}`);
    }
    // One idempotency key per acknowledged save, each with its answer stored.
    const myKeys = keys.filter((k) => k.staffUserId === w.staff.userId);
    const stored = new Set(myKeys.map((k) => k.key));
    lost(
      [...w.ackedKeys].filter((k) => !stored.has(k)).length,
      `${label}: acknowledged saves without their key`,
    );
    duplicated(
      myKeys.filter((k) => !w.ackedKeys.has(k.key)).length,
      `${label}: keys of saves never acknowledged`,
    );
    const unanswered = myKeys.filter((k) => !k.answered).length;
    if (unanswered > 0) w.problems.push(`${unanswered} keys stored without their answer`);
    // One audit event per changed entry.
    const events = audits.find((a) => a.entityId === w.sessionId)?.n ?? 0;
    duplicated(
      events - w.changedEntries,
      `${label}: ${events} audit events for ${w.changedEntries} changes`,
    );
    lost(
      w.changedEntries - events,
      `${label}: ${events} audit events for ${w.changedEntries} changes`,
    );
  }
  return { ...tally, rows: rows.length };
}

/** Deadlocks PostgreSQL has detected in this database (each answered as a retryable 503). */
async function deadlocks(handle: DbHandle) {
  const { rows } = await sql<{ n: number }>`
    select deadlocks::int as n from pg_stat_database where datname = current_database()
  `.execute(handle.db);
  return rows[0]?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------

const ms = (v: number) => Number(v.toFixed(1));

function printTimings(rec: Recorder, seconds: number) {
  const all: number[] = [];
  const table = [...rec.kinds.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, s]) => {
      all.push(...s.times);
      return {
        request: kind,
        count: s.times.length,
        errors: s.errors,
        'per s': Number((s.times.length / seconds).toFixed(1)),
        'p50 ms': ms(median(s.times)),
        'p99 ms': ms(percentile(s.times, 99)),
        'max ms': ms(Math.max(...s.times)),
      };
    });
  if (all.length > 0) {
    table.push({
      request: 'all',
      count: all.length,
      errors: rec.errors,
      'per s': Number((all.length / seconds).toFixed(1)),
      'p50 ms': ms(median(all)),
      'p99 ms': ms(percentile(all, 99)),
      'max ms': ms(Math.max(...all)),
    });
  }
  console.table(table);
  for (const [kind, s] of rec.kinds) {
    for (const sample of s.samples) console.log(`  error in ${kind}: ${sample}`);
  }
  return all.length;
}

/**
 * The load section: a scratch database from `open` (PostgreSQL), the demo data, the server, then
 * `users` staff for `seconds`. Throws if any request failed or any write was lost or duplicated.
 */
export async function benchLoad(
  label: string,
  open: () => Promise<DbHandle>,
  tools: LoadBenchTools,
  {
    users = positiveInt(process.env.BENCH_LOAD_USERS, 50),
    seconds = positiveInt(process.env.BENCH_LOAD_SECONDS, 60),
  } = {},
) {
  const handle = await open();
  try {
    const seedToday = dateInTimeZone(new Date(), 'America/Denver');
    await seedDemo(handle.db, { hashPassword, today: seedToday });
    const { staff: planned, facilities, today } = await createStaff(handle, users);

    const { app, base } = await tools.startServer(handle);
    try {
      // Monitors may log any session of their facility, so each can own an ad-hoc one.
      const admin = await tools.signIn(
        base,
        JSON.stringify({ email: demoEmail('admin'), password: DEMO_PASSWORD }),
      );
      for (const f of facilities) {
        await trpc(base, admin, 'auth.switchFacility', { facilityId: f.id }, 'POST');
        const settings = await trpc<Record<string, unknown>>(
          base,
          admin,
          'facility.settings',
          undefined,
          'GET',
        );
        await trpc(
          base,
          admin,
          'facility.updateSettings',
          { ...settings, monitorsLogAnySession: true },
          'POST',
        );
      }

      const signInStart = performance.now();
      const staff = await signInAll(base, tools, planned);
      const signInMs = performance.now() - signInStart;

      const writers: Writer[] = [];
      for (const s of staff) {
        if (s.job !== 'writer' || !s.group) continue;
        const facility = facilities.find((f) => f.id === s.group?.facilityId);
        const date = dateInTimeZone(new Date(), facility?.timeZone ?? 'America/Denver');
        const { sessionId } = await trpc<{ sessionId: string }>(
          base,
          s.cookie,
          'sessions.createAdHoc',
          {
            groupId: s.group.id,
            date,
            startTime: `${String(4 + Math.floor(s.n / 60)).padStart(2, '0')}:${String(s.n % 60).padStart(2, '0')}`,
            durationMinutes: 60,
          },
          'POST',
        );
        const view = await trpc<SessionView & { session: { durationMinutes: number } }>(
          base,
          s.cookie,
          'sessions.get',
          { sessionId },
          'GET',
        );
        writers.push({
          staff: s,
          sessionId,
          groupName: s.group.name,
          durationMinutes: view.session.durationMinutes,
          people: view.people.map((p) => p.person),
          initialVersion: view.session.version,
          version: view.session.version,
          expected: new Map(),
          expectedTopic: null,
          ackedKeys: new Set(),
          changedEntries: 0,
          identicalRepeats: 0,
          aborted: 0,
          problems: [],
          unsettled: null,
        });
      }
      const readers = staff.filter((s) => s.job === 'reader');
      const count = (job: Job, role: Role, noun: string) => {
        const n = staff.filter((s) => s.job === job && s.role === role).length;
        return `${n} ${noun}${n === 1 ? '' : 's'}`;
      };
      console.log(
        `\n${label}: load, ${staff.length} staff at once for ${seconds} s ` +
          `(${writers.length} taking attendance, each on an ad-hoc session of its own: ` +
          `${count('writer', 'group_monitor', 'monitor')}, ${count('writer', 'counselor', 'counselor')}; ` +
          `${readers.length} reading: ${count('reader', 'admin', 'director')}, ${count('reader', 'counselor', 'counselor')}). ` +
          `${staff.length} sign-ins took ${(signInMs / 1000).toFixed(1)} s before the clock started.`,
      );

      // The load itself.
      const rec = new Recorder();
      const readContext: ReadContext = {
        base,
        facilityIds: facilities.map((f) => f.id),
        counselorIds: (
          await handle.db
            .selectFrom('staffRoles as r')
            .innerJoin('staffUsers as u', 'u.id', 'r.staffUserId')
            .select('u.id')
            .where('r.role', '=', 'counselor')
            .where('r.facilityId', '=', facilities[0]?.id as string)
            .where('u.email', 'not like', 'load-%')
            .execute()
        ).map((u) => u.id),
        quarter: { from: addDays(today, -90), to: today },
      };
      const deadlocksBefore = await deadlocks(handle);
      const started = performance.now();
      const deadline = started + seconds * 1000;
      const loop = async (step: (round: number) => Promise<unknown>) => {
        for (let round = 1; ; round++) {
          await sleep(Math.random() * THINK_MS);
          if (performance.now() >= deadline) return;
          try {
            await step(round);
          } catch (err) {
            // A fault in this script, not an answer from the server: still fails the run.
            rec.error(
              'bench worker',
              0,
              err instanceof Error ? (err.stack ?? err.message) : String(err),
            );
          }
        }
      };
      await Promise.all([
        ...writers.map((w) =>
          loop(async (round) => {
            if (w.unsettled) return sleep(THINK_MS);
            const r = Math.random();
            if (r < 0.15)
              return timed(rec, 'sessions.today', () =>
                trpc(base, w.staff.cookie, 'sessions.today', undefined, 'GET'),
              );
            if (r < 0.3) return reread(rec, base, w);
            return writeOnce(rec, base, w, round, deadline);
          }),
        ),
        ...readers.map((s) => loop(() => readOnce(rec, readContext, s))),
      ]);
      const elapsed = (performance.now() - started) / 1000;

      const requests = printTimings(rec, elapsed);
      // Backends report their counters within a second or so of going idle.
      await sleep(1500);
      const deadlocked = (await deadlocks(handle)) - deadlocksBefore;
      const tally = await countWrites(handle, writers);
      const chain = await verifyAuditChain(handle.db);
      const problems = writers.flatMap((w) => w.problems.map((p) => `${w.staff.email}: ${p}`));
      const acked = writers.reduce((n, w) => n + w.ackedKeys.size, 0);
      const repeats = writers.reduce((n, w) => n + w.identicalRepeats, 0);
      const aborted = writers.reduce((n, w) => n + w.aborted, 0);
      const entries = writers.reduce((n, w) => n + w.expected.size, 0);
      console.log(
        `${requests.toLocaleString('en-US')} requests in ${elapsed.toFixed(1)} s ` +
          `(${(requests / elapsed).toFixed(1)} per second), ${rec.errors} errors` +
          `${rec.statuses.size > 0 ? ` (${[...rec.statuses].map(([k, n]) => `${n} × ${k}`).join(', ')})` : ''}; ` +
          `PostgreSQL detected ${deadlocked} deadlocks.\n` +
          `Writes: ${acked.toLocaleString('en-US')} saves acknowledged (${writers.reduce((n, w) => n + w.changedEntries, 0).toLocaleString('en-US')} entries changed); ` +
          `${repeats} sent again with the same key answered identically; ${aborted} cut off and retried. ` +
          `Counted afterwards: ${tally.rows} attendance rows for ${entries} people saved, ` +
          `${tally.lost} lost, ${tally.duplicated} duplicated; ` +
          `audit chain ${chain.firstBroken ? `BROKEN at ${chain.firstBroken.chainSeq} (${chain.firstBroken.message})` : 'intact'} (${chain.checked.toLocaleString('en-US')} events).`,
      );
      for (const d of tally.details) console.log(`  ${d}`);
      for (const p of problems.slice(0, 20)) console.log(`  inconsistent: ${p}`);

      const failures = [
        rec.errors > 0 && `${rec.errors} requests failed`,
        tally.lost > 0 && `${tally.lost} writes lost`,
        tally.duplicated > 0 && `${tally.duplicated} writes duplicated`,
        problems.length > 0 && `${problems.length} answers contradicted the saves`,
        chain.firstBroken && 'the audit chain is broken',
        acked === 0 && 'no save was acknowledged',
      ].filter(Boolean);
      if (failures.length > 0) throw new Error(`load: ${failures.join('; ')}`);
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
  }
}
