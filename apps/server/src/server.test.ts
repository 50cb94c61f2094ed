import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fhirShapes } from '@homegroup/api';
import { createTestWorld, TEST_PASSWORD } from '@homegroup/api/testing';
import { createTestDb, type TestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from './env';
import { buildServer, SESSION_COOKIE } from './server';

let t: TestDb;
let webDir: string;
let app: Awaited<ReturnType<typeof buildServer>>;
let world: Awaited<ReturnType<typeof createTestWorld>>;

beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
  webDir = await mkdtemp(join(tmpdir(), 'homegroup-web-'));
  await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Homegroup</title>');
  const config = parseEnv({ HOMEGROUP_WEB_DIR: webDir, LOG_LEVEL: 'silent' });
  app = await buildServer(t, config);
});
afterAll(async () => {
  await app.close();
  await t.close();
  await rm(webDir, { recursive: true, force: true });
});

const json = { 'content-type': 'application/json' };

/** The session cookie of a fresh sign-in as `email`. */
async function sessionOf(email: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/auth.signIn',
    headers: json,
    payload: { email, password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return { [SESSION_COOKIE]: res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '' };
}

describe('HTTP server', () => {
  it('reports a healthy database', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers a malformed request with 400 and a message per field, never a stack trace', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: json,
      payload: { email: 12, password: '' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.data.fieldErrors).toEqual({
      email: ['Enter your work e-mail address.'],
      password: ['Enter your password.'],
    });
    expect(res.body).not.toMatch(/stack|at .*\.ts/);
  });

  it('answers broken JSON and unknown procedures without a 500', async () => {
    const broken = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: json,
      payload: '{"email": ',
    });
    expect(broken.statusCode).toBe(400);
    const unknown = await app.inject({ method: 'GET', url: '/trpc/nothing.here' });
    expect(unknown.statusCode).toBe(404);
  });

  it('signs in with an httpOnly, SameSite=Strict cookie that opens the session', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: json,
      payload: { email: 'counselor@a.test', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    const me = await app.inject({
      method: 'GET',
      url: '/trpc/auth.me',
      cookies: { [SESSION_COOKIE]: cookie?.value ?? '' },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().result.data.email).toBe('counselor@a.test');
  });

  it('says why a request without a session is refused', async () => {
    const res = await app.inject({ method: 'GET', url: '/trpc/auth.me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.data.authReason).toBe('no_session');
  });

  it('gives the same 401 message for a wrong password and an unknown account', async () => {
    const attempt = (email: string) =>
      app.inject({
        method: 'POST',
        url: '/trpc/auth.signIn',
        headers: json,
        payload: { email, password: 'not the password' },
      });
    const [a, b] = await Promise.all([attempt('admin@a.test'), attempt('ghost@a.test')]);
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.message).toBe(b.json().error.message);
  });

  it('refuses a state-changing request from another site', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signOut',
      headers: { ...json, origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('imports an uploaded feed, streaming progress and then the report; refuses a broken one', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: json,
      payload: { email: 'coordinator@a.test', password: TEST_PASSWORD },
    });
    const cookies = {
      [SESSION_COOKIE]: signIn.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '',
    };
    const source = await app.inject({
      method: 'POST',
      url: '/trpc/meetings.createSource',
      headers: json,
      cookies,
      payload: {
        name: 'Uploaded',
        kind: 'upload',
        fellowship: 'aa',
        defaultTimeZone: 'America/Denver',
      },
    });
    const sourceId = source.json().result.data.sourceId as string;
    const feed = JSON.stringify(
      Array.from({ length: 1200 }, (_, i) => ({
        slug: `m${i}`,
        name: `Meeting ${i}`,
        day: i % 7,
        time: '18:00',
        formatted_address: `${i} Elm St`,
      })),
    );
    const upload = (payload: string) =>
      app.inject({
        method: 'POST',
        url: `/import/meetings/${sourceId}`,
        headers: { 'content-type': 'text/plain' },
        cookies,
        payload,
      });
    const res = await upload(feed);
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(
      lines.filter((l) => l.type === 'progress' && l.phase === 'saving').length,
    ).toBeGreaterThanOrEqual(3);
    expect(lines.at(-1)).toMatchObject({ type: 'done', report: { imported: 1200, skipped: 0 } });
    const broken = await upload('<html>Bad gateway</html>');
    expect(
      broken.body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
        .at(-1),
    ).toMatchObject({
      type: 'failed',
      message: expect.stringMatching(/web page, not a meeting feed/),
    });
    const anonymous = await app.inject({
      method: 'POST',
      url: `/import/meetings/${sourceId}`,
      headers: { 'content-type': 'text/plain' },
      payload: feed,
    });
    expect(anonymous.body).toMatch(/"type":"failed","code":"UNAUTHORIZED"/);
  });

  it('downloads a client as a FHIR R4 Bundle, only for directors and counselors at their facility', async () => {
    const counselor = await sessionOf('counselor@a.test');
    const res = await app.inject({
      method: 'GET',
      url: `/export/fhir/${world.clientA}`,
      cookies: counselor,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="client-A-1-fhir.json"');
    expect(res.headers['cache-control']).toBe('no-store');
    const bundle = fhirShapes.fhirBundleShape.parse(res.json());
    expect(bundle.entry[0]?.resource).toMatchObject({ resourceType: 'Patient', id: world.clientA });

    const elsewhere = await app.inject({
      method: 'GET',
      url: `/export/fhir/${world.clientB}`,
      cookies: counselor,
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.headers['content-type']).toMatch(/^text\/plain/);
    expect(elsewhere.body).toBe('No client with that link at this facility.');

    const monitor = await app.inject({
      method: 'GET',
      url: `/export/fhir/${world.clientA}`,
      cookies: await sessionOf('monitor@a.test'),
    });
    expect(monitor.statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'GET', url: `/export/fhir/${world.clientA}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('downloads one outcome indicator as CSV with its title block, numerators and denominators', async () => {
    const admin = await sessionOf('admin@a.test');
    const res = await app.inject({
      method: 'GET',
      url: `/export/outcomes/attendance.csv?from=2026-10-01&to=2026-11-21&facilityIds=${world.facilityA},&levelOfCare=`,
      cookies: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="outcomes-attendance-2026-10-01-to-2026-11-21.csv"',
    );
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('"Sessions held and attendance rate"');
    expect(lines).toContain('"Facilities","A Facility"');
    expect(lines).toContain('"Filters applied","None"');
    expect(lines.some((l) => l.startsWith('"Suppression","Counts of 1 to 4'))).toBe(true);
    const header = lines.find((l) => l.startsWith('"Period or group"'));
    expect(header).toMatch(/: numerator".*: denominator"/);
    const audited = await t.db
      .selectFrom('auditEvents')
      .select(['entityId', 'facilityId', 'outcome'])
      .where('action', '=', 'export')
      .where('entityType', '=', 'outcome_indicator')
      .execute();
    expect(audited).toEqual([
      { entityId: 'attendance', facilityId: world.facilityA, outcome: 'success' },
    ]);

    const backwards = await app.inject({
      method: 'GET',
      url: '/export/outcomes/attendance.csv?from=2026-11-21&to=2026-10-01',
      cookies: admin,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.headers['content-type']).toMatch(/^text\/plain/);
    expect(backwards.body).toBe('The end date is before the start date.');

    const unknown = await app.inject({
      method: 'GET',
      url: '/export/outcomes/nothing.csv?from=2026-10-01&to=2026-11-21',
      cookies: admin,
    });
    expect(unknown.statusCode).toBe(404);
    const monitor = await app.inject({
      method: 'GET',
      url: '/export/outcomes/attendance.csv?from=2026-10-01&to=2026-11-21',
      cookies: await sessionOf('monitor@a.test'),
    });
    expect(monitor.statusCode).toBe(403);
  });

  it('refuses a download whose filters hold a character that cannot be stored, in words', async () => {
    const cookies = await sessionOf('counselor@a.test');
    const res = await app.inject({
      method: 'GET',
      url: '/export/caseload.csv?search=a%00b',
      cookies,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/cannot be saved/);
  });

  it('sends security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // Plain HTTP: no HSTS, which would be ignored or lock a plain-HTTP install out.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when it is served over HTTPS', async () => {
    const config = parseEnv({
      HOMEGROUP_WEB_DIR: webDir,
      LOG_LEVEL: 'silent',
      HOMEGROUP_COOKIE_SECURE: 'true',
    });
    const https = await buildServer(t, config);
    try {
      const res = await https.inject({ method: 'GET', url: '/healthz' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await https.close();
    }
  });

  it('downloads the audit trail as CSV for an admin only', async () => {
    const admin = await app.inject({
      method: 'GET',
      url: `/export/audit.csv?clientId=${world.clientA}&action=read&staffUserId=&from=&to=`,
      cookies: await sessionOf('admin@a.test'),
    });
    expect(admin.statusCode).toBe(200);
    expect(admin.headers['content-disposition']).toMatch(/^attachment; filename="audit-/);
    expect(admin.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('"Staff member"');
    const counselor = await app.inject({
      method: 'GET',
      url: '/export/audit.csv',
      cookies: await sessionOf('counselor@a.test'),
    });
    expect(counselor.statusCode).toBe(403);
    const badDate = await app.inject({
      method: 'GET',
      url: '/export/audit.csv?from=2026-02-30',
      cookies: await sessionOf('admin@a.test'),
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toMatch(/not a real date/);
  });

  it('serves the web app for any page path, and 404 for unknown API paths', async () => {
    const page = await app.inject({ method: 'GET', url: '/clients/some-page' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Homegroup</title>');
    const api = await app.inject({ method: 'POST', url: '/nowhere' });
    expect(api.statusCode).toBe(404);
  });
});
