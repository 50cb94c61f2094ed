import {
  addDays,
  answerProblems,
  type InstrumentCode,
  instrumentDefinition,
  readableDate,
  scoreAssessment,
} from '@homegroup/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing';
import { seedDemo } from './demo';
import { DEMO_SAFETY_FLAGS } from './demo-outcomes';

const today = '2026-11-21';
let t: TestDb;
let result: Awaited<ReturnType<typeof seedDemo>>;
let rows: Awaited<ReturnType<typeof readAssessments>>;

function readAssessments(db: TestDb['db']) {
  return db
    .selectFrom('assessments as a')
    .innerJoin('clients as c', 'c.id', 'a.clientId')
    .selectAll('a')
    .select(['c.admissionDate', 'c.dischargeDate', 'c.dischargeType', 'c.status'])
    .select('c.facilityId as clientFacilityId')
    .execute();
}

beforeAll(async () => {
  t = await createTestDb();
  result = await seedDemo(t.db, { hashPassword: async (p) => `x:${p}`, today });
  rows = await readAssessments(t.db);
});
afterAll(async () => {
  await t.close();
});

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Each client's total on `code` at `occasion` (the first one, as the dashboard reads admission). */
function totals(code: InstrumentCode, occasion: string, subscale?: string) {
  const byClient = new Map<string, number>();
  for (const r of rows) {
    if (r.instrumentCode !== code || r.occasion !== occasion || byClient.has(r.clientId)) continue;
    byClient.set(r.clientId, (subscale ? r.subscaleScores[subscale] : r.totalScore) as number);
  }
  return byClient;
}

/** Mean at admission and at discharge over the clients with both. */
function paired(code: InstrumentCode, keep: (clientId: string) => boolean = () => true) {
  const [start, end] = [totals(code, 'admission'), totals(code, 'discharge')];
  const both = [...end.keys()].filter((id) => start.has(id) && keep(id));
  return {
    n: both.length,
    admission: mean(both.map((id) => start.get(id) as number)),
    discharge: mean(both.map((id) => end.get(id) as number)),
  };
}

describe('demo outcomes seed', () => {
  it('stores answers and exactly the scores the scoring rule makes of them', () => {
    expect(rows.length).toBe(result.assessments);
    expect(rows.length).toBeGreaterThan(1000);
    for (const r of rows) {
      const def = instrumentDefinition(r.instrumentCode);
      expect(answerProblems(def, r.answers)).toEqual({});
      const score = scoreAssessment(def, r.answers);
      expect(r.totalScore).toBe(score.total);
      expect(r.subscaleScores).toEqual(score.subscales);
      expect(r.band).toBe(score.band?.label ?? null);
      expect(r.safetyConcern).toBe(score.safety.length > 0);
      expect(r.instrumentVersion).toBe(def.version);
      expect(r.facilityId).toBe(r.clientFacilityId);
    }
  });

  it('gives the admission battery to most clients, and every instrument at some point', async () => {
    const clients = await t.db.selectFrom('clients').select('id').execute();
    const admitted = new Set(rows.filter((r) => r.occasion === 'admission').map((r) => r.clientId));
    const share = admitted.size / clients.length;
    expect(share).toBeGreaterThan(0.8);
    expect(share).toBeLessThan(0.95);
    for (const code of ['barc10', 'bam', 'phq9', 'gad7', 'auditc'] as const) {
      expect(totals(code, 'admission').size).toBe(admitted.size);
    }
    expect(new Set(rows.map((r) => r.occasion))).toEqual(
      new Set(['admission', 'discharge', 'follow_up', 'other']),
    );
  });

  it('dates nothing before admission or after today, and discharge scores on the day', () => {
    for (const r of rows) {
      expect(r.administeredOn >= r.admissionDate).toBe(true);
      expect(r.administeredOn <= today).toBe(true);
      if (r.dischargeDate && r.occasion !== 'follow_up') {
        expect(r.administeredOn <= r.dischargeDate).toBe(true);
      }
      if (r.occasion === 'discharge') expect(r.administeredOn).toBe(r.dischargeDate);
      if (r.occasion === 'other') expect(r.status).toBe('in_treatment');
    }
  });

  it('ties follow-up scores to a call that reached the same client after discharge', async () => {
    const calls = await t.db
      .selectFrom('followUpTasks as t')
      .innerJoin('followUpAttempts as a', 'a.taskId', 't.id')
      .where('a.outcome', '=', 'reached')
      .select(['t.id', 't.clientId', 't.status', 't.daysAfterDischarge', 'a.madeBy'])
      .execute();
    const followUps = rows.filter((r) => r.occasion === 'follow_up');
    expect(followUps.length).toBeGreaterThan(50);
    for (const r of rows) {
      if (r.occasion !== 'follow_up') {
        expect(r.followUpTaskId).toBeNull();
        continue;
      }
      expect(['barc10', 'bam']).toContain(r.instrumentCode);
      expect(r.administeredOn > (r.dischargeDate as string)).toBe(true);
      const call = calls.find((c) => c.id === r.followUpTaskId);
      expect(call).toMatchObject({ clientId: r.clientId, status: 'done' });
      expect([30, 90]).toContain(call?.daysAfterDischarge);
      expect(r.administeredBy).toBe(call?.madeBy);
    }
  });

  it('is given by staff of the client’s facility', async () => {
    const roles = await t.db
      .selectFrom('staffRoles')
      .select(['staffUserId', 'facilityId'])
      .execute();
    const staff = new Set(roles.map((r) => `${r.staffUserId} ${r.facilityId}`));
    for (const r of rows) expect(staff.has(`${r.administeredBy} ${r.facilityId}`)).toBe(true);
  });

  it('tells a story: recovery capital rises, symptoms and risk fall, less for those who left', async () => {
    const barc = paired('barc10');
    expect(barc.n).toBeGreaterThan(50);
    expect(barc.discharge).toBeGreaterThan(barc.admission + 5);
    expect(barc.admission).toBeGreaterThan(30);
    expect(barc.admission).toBeLessThan(40);
    for (const code of ['phq9', 'gad7'] as const) {
      const p = paired(code);
      expect(p.discharge).toBeLessThan(p.admission - 2);
    }

    const types = await t.db.selectFrom('clients').select(['id', 'dischargeType']).execute();
    const type = new Map(types.map((c) => [c.id, c.dischargeType]));
    const completed = paired('barc10', (id) => type.get(id) === 'completed');
    const ama = paired('barc10', (id) => type.get(id) === 'ama');
    expect(completed.discharge).toBeGreaterThan(42);
    expect(completed.discharge - completed.admission).toBeGreaterThan(
      ama.discharge - ama.admission,
    );

    // BAM: use falls to none for most, risk falls and protection rises.
    const [useIn, useOut] = [totals('bam', 'admission', 'use'), totals('bam', 'discharge', 'use')];
    expect(mean([...useIn.values()])).toBeGreaterThan(3);
    const none = [...useOut.values()].filter((n) => n === 0).length;
    expect(none / useOut.size).toBeGreaterThan(0.8);
    for (const [subscale, sign] of [
      ['risk', -1],
      ['protective', 1],
    ] as const) {
      const [start, end] = [
        totals('bam', 'admission', subscale),
        totals('bam', 'discharge', subscale),
      ];
      const both = [...end.keys()].filter((id) => start.has(id));
      const change = mean(both.map((id) => (end.get(id) as number) - (start.get(id) as number)));
      expect(change * sign).toBeGreaterThan(3);
    }

    // Ninety days on, those who completed treatment roughly hold what they gained.
    const ninety = rows.filter(
      (r) =>
        r.instrumentCode === 'barc10' &&
        r.occasion === 'follow_up' &&
        type.get(r.clientId) === 'completed' &&
        r.administeredOn >= addDays(r.dischargeDate as string, 60),
    );
    expect(ninety.length).toBeGreaterThan(10);
    expect(mean(ninety.map((r) => r.totalScore as number))).toBeGreaterThan(
      completed.discharge - 3,
    );
  });

  it('raises the intended self-harm flags, each from a recent PHQ-9 with item 9 above zero', async () => {
    const flags = await t.db
      .selectFrom('clientFlags as f')
      .innerJoin('clients as c', 'c.id', 'f.clientId')
      .where('f.rule', '=', 'self_harm_risk')
      .where('f.clearedOn', 'is', null)
      .select(['f.clientId', 'f.facilityId', 'f.raisedOn', 'f.reason', 'f.acknowledgedAt'])
      .select(['c.status'])
      .execute();
    expect(result.safetyFlags).toBe(DEMO_SAFETY_FLAGS);
    expect(flags).toHaveLength(DEMO_SAFETY_FLAGS);
    const phq9 = instrumentDefinition('phq9');
    for (const f of flags) {
      expect(f).toMatchObject({ facilityId: result.facilityIds.cedar, status: 'in_treatment' });
      expect(f.acknowledgedAt).toBeNull();
      expect(f.raisedOn <= today && f.raisedOn >= addDays(today, -7)).toBe(true);
      const theirs = rows
        .filter((r) => r.clientId === f.clientId && r.instrumentCode === 'phq9')
        .sort((a, b) => a.administeredOn.localeCompare(b.administeredOn));
      const latest = theirs.at(-1);
      expect(latest?.administeredOn).toBe(f.raisedOn);
      expect(latest?.answers['9']).toBeGreaterThanOrEqual(1);
      expect(latest?.safetyConcern).toBe(true);
      expect(f.reason).toBe(`${phq9.safety[0]?.message} (PHQ-9 on ${readableDate(f.raisedOn)})`);
    }
    // No other answer anywhere raises the safety rule.
    const flagged = new Set(flags.map((f) => f.clientId));
    const concerns = rows.filter((r) => r.safetyConcern);
    expect(concerns).toHaveLength(DEMO_SAFETY_FLAGS);
    for (const r of concerns) expect(flagged.has(r.clientId)).toBe(true);
  });

  it('is deterministic: the same scores on the same days for the same day', async () => {
    const other = await createTestDb();
    try {
      const again = await seedDemo(other.db, { hashPassword: async (p) => `x:${p}`, today });
      expect(again.assessments).toBe(result.assessments);
      const digest = (db: TestDb['db']) =>
        db
          .selectFrom('assessments as a')
          .innerJoin('clients as c', 'c.id', 'a.clientId')
          .innerJoin('staffUsers as u', 'u.id', 'a.administeredBy')
          .select(['c.recordNumber', 'a.instrumentCode', 'a.occasion', 'a.administeredOn'])
          .select(['a.answers', 'a.totalScore', 'a.subscaleScores', 'u.email', 'a.recordedAt'])
          .orderBy('c.recordNumber')
          .orderBy('a.administeredOn')
          .orderBy('a.instrumentCode')
          .orderBy('a.occasion')
          .execute();
      expect(await digest(other.db)).toEqual(await digest(t.db));
    } finally {
      await other.close();
    }
  });
});
