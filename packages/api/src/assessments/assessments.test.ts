import { BARC10, GAD7, PHQ9 } from '@homegroup/core';
import { createTestDb, type TestDb } from '@homegroup/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeClientMetrics } from '../engagement/client-metrics';
import { createTestWorld, expectFieldError, signedIn, TestClock } from '../testing';

let t: TestDb;
let world: Awaited<ReturnType<typeof createTestWorld>>;
// Saturday 21 November 2026, 10:00 in Denver.
const clock = new TestClock(new Date('2026-11-21T17:00:00Z'));
const TODAY = '2026-11-21';
type Caller = Awaited<ReturnType<typeof signedIn>>['caller'];
let counselor: Caller;
let admin: Caller;
let coordinator: Caller;
let monitor: Caller;
/** casey: scored on every instrument; sam: the safety flag; alum: discharged, for follow-ups. */
let ids: { casey: string; sam: string; alum: string };
let groupId: string;

const record = (recordNumber: string, firstName: string, admissionDate: string) => ({
  recordNumber,
  firstName,
  lastName: 'Assessed',
  preferredName: null,
  pronouns: null,
  dateOfBirth: '1985-06-06',
  primarySubstances: ['alcohol' as const],
  levelOfCare: '2.1' as const,
  programTrack: null,
  admissionDate,
  counselorStaffId: world.users.counselor.id,
  sobrietyDate: null,
  preferredFellowship: 'aa' as const,
  supportPerson: null,
  supportSince: null,
});

/** Answers "1" … "n" from a list of values. */
const items = (values: readonly (number | string)[]) =>
  Object.fromEntries(values.map((v, i) => [String(i + 1), v]));

type Occasion = 'admission' | 'discharge' | 'follow_up' | 'other';
type Instrument = 'barc10' | 'bam' | 'phq9' | 'gad7' | 'auditc';
const given = (
  clientId: string,
  instrument: Instrument,
  occasion: Occasion,
  administeredOn: string,
  answers: Record<string, unknown>,
  extra: { followUpTaskId?: string | null } = {},
) => ({ clientId, instrument, occasion, administeredOn, answers, ...extra });

/** A full BAM: item → answer (days for the day-count items). */
const bam = (over: Record<string, number> = {}) => ({
  '1': 2, // Good → 2
  '2': 5, // 4–8 nights → 2
  '3': 10, // 9–15 days → 3
  '4': 2, // 1–3 days → 1
  '5': 0, // → 0
  '6': 20, // 16–30 days → 4
  '7a': 20,
  '7b': 0,
  '7c': 0,
  '7d': 0,
  '7e': 0,
  '7f': 0,
  '7g': 0,
  '8': 3, // Considerably → 3
  '9': 2, // Moderately → 2
  '10': 12, // 9–15 days → 3
  '11': 1, // 1–3 days → 1
  '12': 4, // Extremely → 4
  '13': 16, // 16–30 days → 4
  '14': 1, // Yes → 4
  '15': 1, // Slightly → 1
  '16': 30, // 16–30 days → 4
  '17': 2, // asked, not scored
  ...over,
});

const PHQ9_SAFETY_MESSAGE = PHQ9.safety[0]?.message ?? '';

async function assessmentCount(): Promise<number> {
  const row = await t.db
    .selectFrom('assessments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function openSafetyFlags(clientId: string) {
  return t.db
    .selectFrom('clientFlags')
    .select(['id', 'reason', 'raisedOn', 'clearedOn', 'acknowledgedAt'])
    .where('clientId', '=', clientId)
    .where('rule', '=', 'self_harm_risk')
    .where('clearedOn', 'is', null)
    .execute();
}

beforeAll(async () => {
  t = await createTestDb();
  world = await createTestWorld(t.db);
  ({ caller: counselor } = await signedIn(t.db, 'counselor@a.test', clock));
  ({ caller: admin } = await signedIn(t.db, 'admin@a.test', clock));
  ({ caller: coordinator } = await signedIn(t.db, 'coordinator@a.test', clock));
  ({ caller: monitor } = await signedIn(t.db, 'monitor@a.test', clock));
  const admit = async (n: string, name: string, on: string) =>
    (await counselor.clients.admit(record(n, name, on))).clientId;
  ids = {
    casey: await admit('AS-1', 'Casey', '2026-10-20'),
    sam: await admit('AS-2', 'Sam', '2026-11-01'),
    alum: await admit('AS-3', 'Alum', '2026-09-01'),
  };
  await counselor.clients.discharge({
    clientId: ids.alum,
    version: 1,
    dischargeDate: '2026-11-10',
    dischargeType: 'completed',
    alumniFollowUp: 'opted_in',
  });
  // Sam is in a Saturday group, so an attendance save recomputes their engagement flags.
  ({ groupId } = await counselor.groups.create({
    name: 'Saturday AA',
    kind: 'aa',
    formatCodes: ['C'],
    audiences: ['clients'],
    programTrack: null,
    minAge: null,
    participation: 'mandatory',
    enrolment: 'open',
    capacity: null,
    room: null,
    videoUrl: null,
    scheduleDays: [6],
    startTime: '09:00',
    durationMinutes: 60,
    firstSessionDate: TODAY,
    monitorStaffId: world.users.monitor.id,
    coFacilitatorStaffId: null,
  }));
  await counselor.groups.enrol({
    groupId,
    person: { clientId: ids.sam },
    startDate: TODAY,
    endDate: null,
    overrideReason: null,
  });
});

afterAll(async () => {
  await t?.close();
});

describe('giving an assessment', () => {
  it('scores PHQ-9, GAD-7, AUDIT-C, BARC-10 and a full BAM with their totals, bands and subscales', async () => {
    // The later PHQ-9 is typed in first: the chart must still run in date order.
    const phqLater = await counselor.assessments.save(
      given(ids.casey, 'phq9', 'other', '2026-11-10', items([1, 1, 1, 1, 0, 0, 0, 0, 0])),
    );
    expect(phqLater).toMatchObject({ total: 4, band: 'Minimal', safety: [], flags: [] });
    const phqAdmission = await counselor.assessments.save(
      given(ids.casey, 'phq9', 'admission', '2026-10-21', items([2, 2, 2, 2, 2, 2, 1, 1, 0])),
    );
    expect(phqAdmission).toMatchObject({ total: 14, band: 'Moderate', subscales: {}, safety: [] });

    // An "other" GAD-7 on the admission day comes before the admission one, which is still the
    // baseline the change is measured from.
    expect(
      await counselor.assessments.save(
        given(ids.casey, 'gad7', 'other', '2026-10-20', items([3, 3, 3, 3, 3, 3, 3])),
      ),
    ).toMatchObject({ total: 21, band: 'Severe' });
    expect(
      await counselor.assessments.save(
        given(ids.casey, 'gad7', 'admission', '2026-10-21', items([1, 1, 1, 1, 1, 1, 1])),
      ),
    ).toMatchObject({ total: 7, band: 'Mild' });
    expect(
      await counselor.assessments.save(
        given(ids.casey, 'gad7', 'other', '2026-11-15', items([2, 2, 2, 2, 2, 2, 2])),
      ),
    ).toMatchObject({ total: 14, band: 'Moderate' });

    // Form posts arrive as strings; plain numerals count.
    const audit = await counselor.assessments.save(
      given(ids.casey, 'auditc', 'admission', '2026-10-21', items(['4', '3', '2'])),
    );
    expect(audit).toMatchObject({ total: 9, band: 'Positive (men ≥ 4, women ≥ 3)' });
    const stored = await t.db
      .selectFrom('assessments')
      .select(['answers', 'instrumentVersion', 'administeredBy'])
      .where('id', '=', audit.assessmentId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      answers: { '1': 4, '2': 3, '3': 2 },
      instrumentVersion: 1,
      administeredBy: world.users.counselor.id,
    });

    expect(
      await counselor.assessments.save(
        given(ids.casey, 'barc10', 'admission', '2026-10-21', items(Array(10).fill(4))),
      ),
    ).toMatchObject({ total: 40, band: 'Below 47' });
    expect(
      await counselor.assessments.save(
        given(ids.casey, 'barc10', 'other', '2026-11-18', items(Array(10).fill(5))),
      ),
    ).toMatchObject({ total: 50, band: '47 or more: sustained remission likely' });

    const bamAdmission = await counselor.assessments.save(
      given(ids.casey, 'bam', 'admission', '2026-10-21', bam()),
    );
    expect(bamAdmission).toEqual({
      assessmentId: expect.any(String),
      total: null,
      band: null,
      // Use 1+0+4; Risk 2+2+3+3+1+1; Protective 2+3+4+4+4+4.
      subscales: { use: 5, risk: 12, protective: 21 },
      flags: ['Use 5 (at least 1)', 'Risk 12 (at least 12)'],
      safety: [],
    });
    // A month on: no use, less risk, but no more work days (13: 16 → 0 days, so 4 → 0).
    const bamLater = await counselor.assessments.save(
      given(
        ids.casey,
        'bam',
        'other',
        '2026-11-18',
        bam({ '4': 0, '5': 0, '6': 0, '3': 2, '8': 1, '13': 0 }),
      ),
    );
    expect(bamLater).toMatchObject({
      total: null,
      // Use 0; Risk 2+2+1+1+1+1; Protective 2+3+4+0+4+4.
      subscales: { use: 0, risk: 8, protective: 17 },
      flags: [],
    });
  });

  it('charts each instrument in date order with its cut-off lines and the change since admission', async () => {
    const outcomes = await counselor.assessments.clientOutcomes({ clientId: ids.casey });
    expect(outcomes.client).toMatchObject({
      id: ids.casey,
      status: 'in_treatment',
      admissionDate: '2026-10-20',
      dischargeDate: null,
    });
    expect(outcomes.instruments.map((i) => i.code)).toEqual([
      'barc10',
      'bam',
      'phq9',
      'gad7',
      'auditc',
    ]);
    const by = (code: string) => {
      const found = outcomes.instruments.find((i) => i.code === code);
      if (!found) throw new Error(`no ${code}`);
      return found;
    };

    const phq = by('phq9');
    expect(phq.points.map((p) => [p.administeredOn, p.occasion, p.total, p.band])).toEqual([
      ['2026-10-21', 'admission', 14, 'Moderate'],
      ['2026-11-10', 'other', 4, 'Minimal'],
    ]);
    expect(phq.points[0]).toMatchObject({ administeredBy: 'counselor', safetyConcern: false });
    expect(phq.cutOffLines).toEqual(PHQ9.cutOffLines);
    expect(phq.cutOffLines.map((l) => l.score)).toEqual([5, 10, 15, 20]);
    expect(phq.higherIsBetter).toBe(false);
    expect(phq.change).toEqual({
      from: { on: '2026-10-21', occasion: 'admission' },
      to: { on: '2026-11-10', occasion: 'other' },
      total: { change: -10, direction: 'better' },
      subscales: [],
    });

    const gad = by('gad7');
    expect(gad.points.map((p) => [p.administeredOn, p.total])).toEqual([
      ['2026-10-20', 21],
      ['2026-10-21', 7],
      ['2026-11-15', 14],
    ]);
    expect(gad.cutOffLines).toEqual(GAD7.cutOffLines);
    // From the admission score (7), not the earlier "other" one (21): 7 → 14 is worse.
    expect(gad.change).toMatchObject({
      from: { on: '2026-10-21', occasion: 'admission' },
      to: { on: '2026-11-15', occasion: 'other' },
      total: { change: 7, direction: 'worse' },
    });

    const barc = by('barc10');
    expect(barc.higherIsBetter).toBe(true);
    expect(barc.cutOffLines).toEqual(BARC10.cutOffLines);
    expect(barc.cutOffLines.map((l) => l.score)).toEqual([47]);
    expect(barc.points.map((p) => p.total)).toEqual([40, 50]);
    expect(barc.change?.total).toEqual({ change: 10, direction: 'better' });

    const audit = by('auditc');
    expect(audit.points.map((p) => p.total)).toEqual([9]);
    expect(audit.cutOffLines.map((l) => l.score)).toEqual([3, 4]);
    // One score: nothing to compare it with.
    expect(audit.change).toBeNull();

    const bamSeries = by('bam');
    expect(bamSeries.total).toBeNull();
    expect(bamSeries.points.map((p) => [p.administeredOn, p.total, p.subscales])).toEqual([
      ['2026-10-21', null, { use: 5, risk: 12, protective: 21 }],
      ['2026-11-18', null, { use: 0, risk: 8, protective: 17 }],
    ]);
    expect(bamSeries.cutOffLines).toEqual([
      { score: 1, label: 'Use: any use (≥ 1)', subscale: 'use' },
      { score: 12, label: 'Risk: high (≥ 12)', subscale: 'risk' },
      { score: 12, label: 'Protective: low (≤ 12)', subscale: 'protective' },
    ]);
    expect(bamSeries.change?.total).toEqual({ change: null, direction: null });
    // Use and Risk fall (better); Protective falls too, and for it higher is better (worse).
    expect(bamSeries.change?.subscales).toEqual([
      { id: 'use', label: 'Use', change: -5, direction: 'better' },
      { id: 'risk', label: 'Risk', change: -4, direction: 'better' },
      { id: 'protective', label: 'Protective', change: -4, direction: 'worse' },
    ]);
  });

  it('lists the instruments with their items for the form', async () => {
    const list = await counselor.assessments.instruments();
    expect(list.map((i) => i.code)).toEqual(['barc10', 'bam', 'phq9', 'gad7', 'auditc']);
    const phq = list.find((i) => i.code === 'phq9');
    expect(phq?.items).toHaveLength(9);
    expect(list.find((i) => i.code === 'bam')?.items.map((i) => i.id)).toContain('7a');
  });
});

describe('the PHQ-9 item 9 safety flag', () => {
  const samCaseloadFlags = async () => {
    const page = await counselor.clients.caseload({
      page: 1,
      pageSize: 50,
      sort: 'name',
      direction: 'asc',
      counselor: 'mine',
      status: 'in_treatment',
    });
    return page.rows.find((r) => r.clientId === ids.sam)?.flags ?? [];
  };

  it('is raised by item 9 above zero and shown on the client page and the caseload', async () => {
    const saved = await counselor.assessments.save(
      given(ids.sam, 'phq9', 'admission', '2026-11-02', items([1, 1, 1, 1, 1, 1, 1, 1, 1])),
    );
    expect(saved).toMatchObject({ total: 9, band: 'Mild', safety: [PHQ9_SAFETY_MESSAGE] });

    const page = await counselor.clients.page({ clientId: ids.sam });
    const open = page.flags.filter((f) => f.rule === 'self_harm_risk' && f.clearedOn === null);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      raisedOn: TODAY,
      acknowledgedAt: null,
      reason: `${PHQ9_SAFETY_MESSAGE} (PHQ-9 on Nov 2, 2026)`,
    });
    expect(await samCaseloadFlags()).toContainEqual({
      rule: 'self_harm_risk',
      acknowledged: false,
    });
    // The caseload's flag filter finds the client by the safety flag, and by "any flag".
    for (const flag of ['self_harm_risk', 'any'] as const) {
      const filtered = await counselor.clients.caseload({
        page: 1,
        pageSize: 50,
        sort: 'flags',
        direction: 'desc',
        counselor: 'mine',
        status: 'in_treatment',
        flag,
      });
      expect(filtered.rows.map((r) => r.clientId)).toContain(ids.sam);
    }
    const attention = await counselor.clients.needsAttention({ mine: true });
    expect(attention.filter((f) => f.clientId === ids.sam).map((f) => f.rule)).toContain(
      'self_harm_risk',
    );
    const outcomes = await counselor.assessments.clientOutcomes({ clientId: ids.sam });
    expect(outcomes.instruments.find((i) => i.code === 'phq9')?.points[0]?.safetyConcern).toBe(
      true,
    );
  });

  it('survives another instrument, an attendance save and an engagement recompute', async () => {
    await counselor.assessments.save(
      given(ids.sam, 'gad7', 'admission', '2026-11-02', items([0, 0, 0, 0, 0, 0, 0])),
    );
    expect(await openSafetyFlags(ids.sam)).toHaveLength(1);

    const session = await t.db
      .selectFrom('groupSessions')
      .select('id')
      .where('groupId', '=', groupId)
      .orderBy('startsAt')
      .executeTakeFirstOrThrow();
    const view = await counselor.sessions.get({ sessionId: session.id });
    await counselor.sessions.saveAttendance({
      sessionId: session.id,
      baseVersion: view.session.version,
      entries: [
        {
          person: { clientId: ids.sam },
          status: 'absent_unexcused',
          lateMinutes: null,
          leftEarlyMinutes: null,
          excuseReason: null,
          participation: null,
          engagementRating: null,
          individualNote: null,
          walkIn: false,
          remove: false,
        },
      ],
      complete: true,
      addendumReason: null,
    });
    // The save recomputed Sam's engagement figures (the stored metrics are today's)…
    const metrics = await t.db
      .selectFrom('clientMetrics')
      .select(['asOf', 'expected'])
      .where('clientId', '=', ids.sam)
      .executeTakeFirstOrThrow();
    expect(metrics).toEqual({ asOf: TODAY, expected: 1 });
    // …and did not clear the safety flag, nor does a recompute called directly.
    expect(await openSafetyFlags(ids.sam)).toHaveLength(1);
    await t.db
      .transaction()
      .execute((trx) =>
        recomputeClientMetrics(
          trx,
          { id: world.facilityA, timeZone: 'America/Denver' },
          [ids.sam],
          TODAY,
        ),
      );
    expect(await openSafetyFlags(ids.sam)).toHaveLength(1);
    expect(await samCaseloadFlags()).toContainEqual({
      rule: 'self_harm_risk',
      acknowledged: false,
    });
  });

  it('is renewed, not duplicated, by another answer above zero, which asks for a fresh acknowledgement', async () => {
    const [flag] = await openSafetyFlags(ids.sam);
    await counselor.clients.acknowledgeFlag({
      flagId: flag?.id ?? '',
      note: 'Safety plan reviewed with the client today.',
    });
    expect((await openSafetyFlags(ids.sam))[0]?.acknowledgedAt).not.toBeNull();
    await counselor.assessments.save(
      given(ids.sam, 'phq9', 'other', '2026-11-20', items([1, 1, 1, 1, 1, 1, 1, 1, 2])),
    );
    const open = await openSafetyFlags(ids.sam);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      id: flag?.id,
      acknowledgedAt: null,
      reason: `${PHQ9_SAFETY_MESSAGE} (PHQ-9 on Nov 20, 2026)`,
    });
  });

  it('is not cleared by an older PHQ-9 typed in late, only by a later one with item 9 at zero', async () => {
    // A paper form from before the answer that raised the flag says nothing about today.
    await counselor.assessments.save(
      given(ids.sam, 'phq9', 'other', '2026-11-05', items([0, 0, 0, 0, 0, 0, 0, 0, 0])),
    );
    expect(await openSafetyFlags(ids.sam)).toHaveLength(1);

    const saved = await counselor.assessments.save(
      given(ids.sam, 'phq9', 'other', TODAY, items([1, 0, 0, 0, 0, 0, 0, 0, 0])),
    );
    expect(saved.safety).toEqual([]);
    expect(await openSafetyFlags(ids.sam)).toEqual([]);
    const page = await counselor.clients.page({ clientId: ids.sam });
    expect(page.flags.filter((f) => f.rule === 'self_harm_risk').map((f) => f.clearedOn)).toEqual([
      TODAY,
    ]);
    expect((await samCaseloadFlags()).map((f) => f.rule)).not.toContain('self_harm_risk');
  });
});

describe('answers and details that are refused', () => {
  it('refuses each with a clear message, and saves nothing', async () => {
    const before = await assessmentCount();
    const phq = (values: number[], over: Partial<ReturnType<typeof given>> = {}) =>
      counselor.assessments.save({
        ...given(ids.casey, 'phq9', 'other', '2026-11-19', items(values)),
        ...over,
      });
    const ok = [0, 0, 0, 0, 0, 0, 0, 0, 0];

    await expectFieldError(
      phq([4, 0, 0, 0, 0, 0, 0, 0, 0]),
      'answers.1',
      "Item 1's answer must be one of its options.",
    );
    await expectFieldError(
      counselor.assessments.save(
        given(ids.casey, 'phq9', 'other', '2026-11-19', items([0, 0, 0, 0, 0, 0, 0, 0])),
      ),
      'answers.9',
      'Answer item 9.',
    );
    await expectFieldError(
      counselor.assessments.save(
        given(ids.casey, 'phq9', 'other', '2026-11-19', { ...items(ok), '10': 1 }),
      ),
      'answers._unknown',
      'This instrument has no item 10.',
    );
    await expectFieldError(
      counselor.assessments.save(given(ids.casey, 'bam', 'other', '2026-11-19', bam({ '2': 31 }))),
      'answers.2',
      'Days must be a whole number from 0 to 30.',
    );
    await expectFieldError(
      phq(ok, { administeredOn: '2026-10-19' }),
      'administeredOn',
      "The date it was given is before the client's admission on Oct 20, 2026.",
    );
    await expectFieldError(
      phq(ok, { administeredOn: '2026-11-22' }),
      'administeredOn',
      'The date it was given cannot be in the future.',
    );
    await expectFieldError(
      phq(ok, { occasion: 'follow_up' }),
      'occasion',
      'A follow-up assessment comes after discharge; this client is still in treatment.',
    );
    // One problem is the message itself; several are counted.
    await expect(phq([4, 0, 0, 0, 0, 0, 0, 0, 0])).rejects.toThrow(
      "Item 1's answer must be one of its options.",
    );
    await expect(
      counselor.assessments.save(
        given(ids.casey, 'phq9', 'other', '2026-11-22', items([4, 0, 0, 0, 0, 0, 0, 0])),
      ),
    ).rejects.toThrow('3 answers or details need attention. Nothing was saved.');
    await expect(
      counselor.assessments.save(
        given(ids.casey, 'phq9', 'other', '2026-11-19', { ...items(ok), '9': 'often' }),
      ),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    expect(await assessmentCount()).toBe(before);
  });

  it('refuses an instrument an admin switched off, and takes it again once switched back on', async () => {
    const before = await assessmentCount();
    expect(await admin.assessments.updateSetting({ instrument: 'gad7', enabled: false })).toEqual({
      instrument: 'gad7',
      enabled: false,
    });
    const gad = () =>
      counselor.assessments.save(
        given(ids.casey, 'gad7', 'other', '2026-11-19', items([0, 0, 0, 0, 0, 0, 0])),
      );
    await expectFieldError(
      gad(),
      'instrument',
      'This instrument is switched off at this facility.',
    );
    await expect(gad()).rejects.toThrow('GAD-7 is switched off at this facility.');
    expect(await assessmentCount()).toBe(before);

    expect((await counselor.assessments.instruments()).map((i) => i.code)).not.toContain('gad7');
    const settings = await admin.assessments.settings();
    expect(settings.find((s) => s.definition.code === 'gad7')?.enabled).toBe(false);
    // Past scores still show, marked as switched off.
    const outcomes = await counselor.assessments.clientOutcomes({ clientId: ids.casey });
    expect(outcomes.instruments.find((i) => i.code === 'gad7')).toMatchObject({
      enabled: false,
    });
    expect(outcomes.instruments.find((i) => i.code === 'gad7')?.points).toHaveLength(3);

    await admin.assessments.updateSetting({ instrument: 'gad7', enabled: true });
    expect(await gad()).toMatchObject({ total: 0, band: 'Minimal' });
    expect(await assessmentCount()).toBe(before + 1);
    expect((await counselor.assessments.instruments()).map((i) => i.code)).toContain('gad7');
  });

  it('refuses a wording change to an item not open to change; takes one where copies disagree', async () => {
    await expectFieldError(
      admin.assessments.updateSetting({
        instrument: 'phq9',
        enabled: true,
        wording: { items: { '9': 'Thoughts of hurting yourself' } },
      }),
      'wording',
      "Item 9's wording is not open to change.",
    );
    const phq = (await counselor.assessments.instruments()).find((i) => i.code === 'phq9');
    expect(phq?.items.find((i) => i.id === '9')?.text).toBe(
      'Thoughts that you would be better off dead, or of hurting yourself in some way',
    );
    expect(
      await t.db
        .selectFrom('facilityInstruments')
        .select('instrumentCode')
        .where('instrumentCode', '=', 'phq9')
        .execute(),
    ).toEqual([]);

    // BARC-10's middle labels differ between public copies: a facility may set its own.
    await admin.assessments.updateSetting({
      instrument: 'barc10',
      enabled: true,
      wording: { options: { '1': { '3': 'Slightly disagree' } } },
    });
    const barc = (await counselor.assessments.instruments()).find((i) => i.code === 'barc10');
    const labels = (id: string) => {
      const response = barc?.items.find((i) => i.id === id)?.response;
      return response?.kind === 'choice' ? response.options.map((o) => o.label) : [];
    };
    expect(labels('1')[2]).toBe('Slightly disagree');
    expect(labels('2')[2]).toBe('Somewhat disagree');
    await admin.assessments.updateSetting({ instrument: 'barc10', enabled: true });
  });

  it('does not find a client at another facility', async () => {
    const before = await assessmentCount();
    await expect(
      counselor.assessments.save(
        given(world.clientB, 'phq9', 'other', '2026-11-19', items([0, 0, 0, 0, 0, 0, 0, 0, 0])),
      ),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No client with that link at this facility.',
    });
    await expect(
      counselor.assessments.clientOutcomes({ clientId: world.clientB }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await assessmentCount()).toBe(before);
    const refused = await t.db
      .selectFrom('auditEvents')
      .select(['outcome', 'actorStaffUserId'])
      .where('entityType', '=', 'assessment')
      .where('outcome', '=', 'failure')
      .execute();
    expect(refused).toEqual([
      { outcome: 'failure', actorStaffUserId: world.users.counselor.id },
      { outcome: 'failure', actorStaffUserId: world.users.counselor.id },
    ]);
  });
});

describe('who may give and read assessments', () => {
  it('refuses group monitors everything', async () => {
    const calls: (() => Promise<unknown>)[] = [
      () => monitor.assessments.instruments(),
      () =>
        monitor.assessments.save(
          given(ids.casey, 'phq9', 'other', '2026-11-19', items([0, 0, 0, 0, 0, 0, 0, 0, 0])),
        ),
      () => monitor.assessments.clientOutcomes({ clientId: ids.casey }),
      () => monitor.assessments.settings(),
      () => monitor.assessments.updateSetting({ instrument: 'gad7', enabled: false }),
    ];
    for (const call of calls) {
      await expect(call()).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'Your role does not give access to this.',
      });
    }
  });

  it('lets an alumni coordinator give assessments at follow-up calls only', async () => {
    const before = await assessmentCount();
    const page = await coordinator.alumni.page({ clientId: ids.alum });
    const call = page.followUps.find((f) => f.daysAfterDischarge === 7);
    expect(call?.dueOn).toBe('2026-11-17');
    const answers = items([0, 1, 0, 0, 0, 0, 0, 0, 0]);
    await expectFieldError(
      coordinator.assessments.save(given(ids.alum, 'phq9', 'other', '2026-11-17', answers)),
      'occasion',
      'Alumni coordinators record assessments at follow-up calls only.',
    );
    await expectFieldError(
      coordinator.assessments.save(given(ids.alum, 'phq9', 'follow_up', '2026-11-09', answers)),
      'administeredOn',
      'A follow-up assessment is given after the discharge on Nov 10, 2026.',
    );
    await expectFieldError(
      coordinator.assessments.save(
        given(ids.alum, 'phq9', 'follow_up', '2026-11-17', answers, {
          followUpTaskId: '00000000-0000-4000-8000-000000000000',
        }),
      ),
      'followUpTaskId',
      "That follow-up call is not one of this client's.",
    );
    expect(await assessmentCount()).toBe(before);

    const saved = await coordinator.assessments.save(
      given(ids.alum, 'phq9', 'follow_up', '2026-11-17', answers, { followUpTaskId: call?.id }),
    );
    expect(saved).toMatchObject({ total: 1, band: 'Minimal' });
    const row = await t.db
      .selectFrom('assessments')
      .select(['occasion', 'followUpTaskId', 'administeredBy'])
      .where('id', '=', saved.assessmentId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      occasion: 'follow_up',
      followUpTaskId: call?.id,
      administeredBy: world.users.coordinator.id,
    });
    const outcomes = await coordinator.assessments.clientOutcomes({ clientId: ids.alum });
    expect(outcomes.client).toMatchObject({ status: 'alumni', dischargeDate: '2026-11-10' });
    expect(outcomes.instruments.find((i) => i.code === 'phq9')?.points).toHaveLength(1);
  });

  it('lets only an admin read and change the instrument settings', async () => {
    for (const caller of [counselor, coordinator]) {
      await expect(caller.assessments.settings()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        caller.assessments.updateSetting({ instrument: 'auditc', enabled: false }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const settings = await admin.assessments.settings();
    expect(settings.map((s) => [s.definition.code, s.enabled])).toEqual([
      ['barc10', true],
      ['bam', true],
      ['phq9', true],
      ['gad7', true],
      ['auditc', true],
    ]);
    const changes = await t.db
      .selectFrom('auditEvents')
      .select(['entityId', 'actorStaffUserId'])
      .where('entityType', '=', 'facility_instrument')
      .where('action', '=', 'update')
      .execute();
    expect(changes.every((c) => c.actorStaffUserId === world.users.admin.id)).toBe(true);
    expect(changes.map((c) => c.entityId).sort()).toEqual(['barc10', 'barc10', 'gad7', 'gad7']);
  });
});

describe('the audit trail', () => {
  it('records each save and each read of a client’s outcomes', async () => {
    const saved = await counselor.assessments.save(
      given(ids.casey, 'auditc', 'other', '2026-11-19', items([1, 0, 0])),
    );
    const created = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'entityType', 'entityId', 'clientId', 'actorStaffUserId', 'detail'])
      .where('entityId', '=', saved.assessmentId)
      .execute();
    expect(created).toEqual([
      {
        action: 'create',
        entityType: 'assessment',
        entityId: saved.assessmentId,
        clientId: ids.casey,
        actorStaffUserId: world.users.counselor.id,
        detail: {
          instrument: 'auditc',
          occasion: 'other',
          administeredOn: '2026-11-19',
          safetyConcern: false,
        },
      },
    ]);

    const readsBefore = await t.db
      .selectFrom('auditEvents')
      .select('id')
      .where('entityType', '=', 'assessment')
      .where('action', '=', 'read')
      .where('clientId', '=', ids.casey)
      .where('outcome', '=', 'success')
      .execute();
    await counselor.assessments.clientOutcomes({ clientId: ids.casey });
    const reads = await t.db
      .selectFrom('auditEvents')
      .select(['actorStaffUserId', 'detail'])
      .where('entityType', '=', 'assessment')
      .where('action', '=', 'read')
      .where('clientId', '=', ids.casey)
      .where('outcome', '=', 'success')
      .execute();
    expect(reads).toHaveLength(readsBefore.length + 1);
    expect(reads).toContainEqual({
      actorStaffUserId: world.users.counselor.id,
      detail: { view: 'client_outcomes', assessments: 12 },
    });
  });
});
