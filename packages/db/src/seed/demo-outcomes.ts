import {
  type AbstinenceAnswer,
  type AssessmentOccasion,
  addDays,
  type DischargeType,
  daysBetween,
  type InstrumentCode,
  type InstrumentDefinition,
  type InstrumentItem,
  instrumentDefinition,
  itemScore,
  normaliseAnswers,
  readableDate,
  type SeededRandom,
  type Substance,
  scoreAssessment,
} from '@homegroup/core';
import { type Kysely, sql } from 'kysely';
import type { Database, NewAssessment } from '../tables';

export interface DemoOutcomesInput {
  random: SeededRandom;
  today: string;
  facilityIds: { cedar: string; lakeside: string };
}

/** In-treatment clients at Cedar Hollow whose latest PHQ-9 raises the self-harm safety flag. */
export const DEMO_SAFETY_FLAGS = 2;

const BATCH = 500;
const AUDITC = instrumentDefinition('auditc');
const BAM = instrumentDefinition('bam');
const BARC = instrumentDefinition('barc10');
const GAD7 = instrumentDefinition('gad7');
const PHQ9 = instrumentDefinition('phq9');
/** Who is given the discharge scores, by how the stay ended. */
const DISCHARGE_SHARE: Record<DischargeType, number> = {
  completed: 0.9,
  transfer: 0.7,
  administrative: 0.5,
  ama: 0.35,
};
const earlier = (a: string, b: string) => (a < b ? a : b);

interface OutcomeClient {
  id: string;
  facilityId: string;
  status: 'in_treatment' | 'alumni';
  admissionDate: string;
  dischargeDate: string | null;
  dischargeType: DischargeType | null;
  counselorStaffId: string | null;
  primarySubstances: Substance[];
}

/** From the score at admission (first) to where full progress would take it (second). */
type Span = readonly [number, number];

/** One client's course: where each measure starts, where it heads and how far they get. */
interface Course {
  /** The share of the way to each goal reached by discharge: near 1 for most who complete. */
  reach: number;
  barc: Span;
  phq9: Span;
  gad7: Span;
  risk: Span;
  protective: Span;
  /** Change in BARC-10 and BAM Protective from discharge to 90 days after. */
  barcDrift: number;
  protectiveDrift: number;
}

const REACH: Record<DischargeType | 'in_treatment', Span> = {
  completed: [0.75, 1],
  transfer: [0.45, 0.8],
  administrative: [0.3, 0.7],
  ama: [0.05, 0.4],
  in_treatment: [0.55, 1],
};

function planCourse(random: SeededRandom, c: OutcomeClient): Course {
  const [lo, hi] = REACH[c.dischargeType ?? 'in_treatment'];
  const reach = lo + (hi - lo) * random.next();
  const completed = c.dischargeType === 'completed' || c.dischargeType === 'transfer';
  return {
    reach,
    barc: [random.int(29, 41), random.int(46, 55)],
    phq9: [random.int(9, 17), random.int(1, 5)],
    gad7: [random.int(7, 15), random.int(1, 5)],
    risk: [random.int(12, 19), random.int(2, 7)],
    protective: [random.int(5, 11), random.int(15, 21)],
    barcDrift: completed ? random.int(-2, 6) : random.int(-7, 2),
    protectiveDrift: completed ? random.int(0, 3) : random.int(-3, 1),
  };
}

/** The score `progress` (0 at admission, 1 at the goal) of the way along `span`. */
const along = (span: Span, progress: number) =>
  Math.round(span[0] + (span[1] - span[0]) * progress);

const steps = new WeakMap<InstrumentItem, readonly number[]>();

/** The scores an item's answers can add, lowest first. */
function itemScores(item: InstrumentItem): readonly number[] {
  let scores = steps.get(item);
  if (!scores) {
    const all =
      item.response.kind === 'choice'
        ? item.response.options.map((o) => o.score)
        : item.response.bands.map((b) => b.score);
    scores = [...new Set(all)].sort((a, b) => a - b);
    steps.set(item, scores);
  }
  return scores;
}

/** An answer to `item` that scores `score`: the option, or a day count in the band. */
function answerScoring(random: SeededRandom, item: InstrumentItem, score: number): number {
  if (item.response.kind === 'choice') {
    return random.pick(item.response.options.filter((o) => o.score === score)).value;
  }
  const band = random.pick(item.response.bands.filter((b) => b.score === score));
  return random.int(band.from, band.to);
}

/**
 * Answers to `def` whose scores add up to `targets` (`total`, or a subscale id → score): each
 * group's free items start at their lowest score and go up a step at a time, at random, until the
 * target is met or nothing fits. `fixed` answers are kept as they are; other required items get
 * their lowest answer. Scoring the result (never these targets) gives what is stored.
 */
function answersFor(
  random: SeededRandom,
  def: InstrumentDefinition,
  targets: Record<string, number>,
  fixed: Record<string, number> = {},
): Record<string, number> {
  const scores = new Map<string, number>();
  for (const [group, target] of Object.entries(targets)) {
    const ids =
      group === 'total'
        ? def.items.filter((i) => i.scored).map((i) => i.id)
        : (def.subscales.find((s) => s.id === group)?.items ?? []);
    let left = target;
    const free: { id: string; steps: readonly number[]; at: number }[] = [];
    for (const id of ids) {
      const item = def.items.find((i) => i.id === id) as InstrumentItem;
      const given = fixed[id];
      if (given !== undefined) left -= itemScore(item, given);
      else {
        const scores = itemScores(item);
        free.push({ id, steps: scores, at: 0 });
        left -= scores[0] as number;
      }
    }
    // An item whose next step does not fit now never will: the room only shrinks.
    const open = [...free];
    while (open.length > 0) {
      const i = random.int(0, open.length - 1);
      const f = open[i] as (typeof open)[number];
      const step = (f.steps[f.at + 1] ?? Number.POSITIVE_INFINITY) - (f.steps[f.at] as number);
      if (step <= left) {
        f.at += 1;
        left -= step;
      } else {
        open[i] = open[open.length - 1] as (typeof open)[number];
        open.pop();
      }
    }
    for (const f of free) scores.set(f.id, f.steps[f.at] as number);
  }
  const answers: Record<string, number> = {};
  for (const item of def.items) {
    const given = fixed[item.id];
    const score = scores.get(item.id);
    if (given !== undefined) answers[item.id] = given;
    else if (score !== undefined) answers[item.id] = answerScoring(random, item, score);
    else if (item.required)
      answers[item.id] = answerScoring(random, item, itemScores(item)[0] ?? 0);
  }
  return answers;
}

/** AUDIT-C: someone who never drinks cannot drink heavily, so item 1 is at least 1 when any is. */
function auditcAnswers(random: SeededRandom, target: number) {
  if (target <= 0) return answersFor(random, AUDITC, { total: 0 });
  const often = random.int(Math.max(1, target - 8), Math.min(4, target));
  return answersFor(random, AUDITC, { total: target }, { '1': often });
}

/** BAM item 7 breaks down drug use by drug; alcohol has items 4 and 5. */
const DRUG_ITEMS: Partial<Record<Substance, string>> = {
  cannabis: '7a',
  sedatives: '7b',
  stimulants: '7c',
  methamphetamine: '7d',
  opioids: '7e',
  other: '7g',
};

interface UseDays {
  drinking: number;
  heavy: number;
  drugs: number;
}

/** Days of use in the past 30: heavily before admission, a few after a slip or return to use. */
function useDays(random: SeededRandom, c: OutcomeClient, how: 'before' | 'slip'): UseDays {
  const alcohol = c.primarySubstances.includes('alcohol');
  const drugs = c.primarySubstances.some((s) => s !== 'alcohol');
  if (how === 'slip') {
    const days = random.int(2, 10);
    const onDrugs = drugs && (!alcohol || random.chance(0.5));
    const drinking = onDrugs ? 0 : days;
    return { drinking, heavy: drinking ? random.int(1, drinking) : 0, drugs: onDrugs ? days : 0 };
  }
  const drinking = alcohol ? random.int(12, 28) : random.chance(0.4) ? random.int(1, 4) : 0;
  const heavy = alcohol
    ? random.int(Math.round(drinking / 2), drinking)
    : drinking && random.chance(0.3)
      ? random.int(1, drinking)
      : 0;
  return { drinking, heavy, drugs: drugs ? random.int(10, 28) : 0 };
}

function bamAnswers(
  random: SeededRandom,
  c: OutcomeClient,
  use: UseDays,
  targets: { risk: number; protective: number; satisfaction: number },
) {
  const fixed: Record<string, number> = {
    '4': use.drinking,
    '5': use.heavy,
    '6': use.drugs,
    '17': Math.max(0, Math.min(4, targets.satisfaction)),
  };
  if (use.drugs > 0) {
    const items = c.primarySubstances.flatMap((s) => DRUG_ITEMS[s] ?? []);
    for (const [i, id] of items.entries())
      fixed[id] = i === 0 ? use.drugs : random.int(1, use.drugs);
  }
  const { risk, protective } = targets;
  return answersFor(random, BAM, { risk, protective }, fixed);
}

const NO_USE: UseDays = { drinking: 0, heavy: 0, drugs: 0 };

/**
 * Assessment histories for the demo: the admission battery for most clients, scores at discharge
 * (most who completed treatment, fewer who left against advice), PHQ-9 and GAD-7 every two weeks
 * or so for some in treatment, and BARC-10 and BAM at many 30- and 90-day calls that reached the
 * alumnus. Scores improve over the stay, less for those who left early; every stored score is
 * what the instrument's rule makes of generated answers. Two clients at Cedar Hollow answered
 * PHQ-9 item 9 above zero this week, with the open safety flag that raises.
 */
export async function seedDemoOutcomes(db: Kysely<Database>, input: DemoOutcomesInput) {
  const { random, today, facilityIds } = input;
  const facilities = [facilityIds.cedar, facilityIds.lakeside];
  const [clients, roles, calls] = await Promise.all([
    db
      .selectFrom('clients')
      .select(['id', 'facilityId', 'status', 'admissionDate', 'dischargeDate', 'dischargeType'])
      .select(['counselorStaffId', 'primarySubstances'])
      .where('facilityId', 'in', facilities)
      .orderBy('recordNumber')
      .execute(),
    db
      .selectFrom('staffRoles as r')
      .innerJoin('staffUsers as u', 'u.id', 'r.staffUserId')
      .select(['r.staffUserId', 'r.facilityId'])
      .where('r.role', '=', 'admin')
      .where('r.facilityId', 'in', facilities)
      .orderBy('u.email')
      .execute(),
    // Calls at 30 and 90 days that reached the alumnus, on the day the call was made there.
    sql<{
      taskId: string;
      clientId: string;
      daysAfterDischarge: number;
      madeBy: string;
      abstinent: AbstinenceAnswer | null;
      calledOn: string;
    }>`select t.id as "taskId", t.client_id as "clientId",
        t.days_after_discharge as "daysAfterDischarge", a.made_by as "madeBy", a.abstinent,
        (a.attempted_at at time zone f.time_zone)::date::text as "calledOn"
      from follow_up_tasks t
      join follow_up_attempts a on a.task_id = t.id and a.outcome = 'reached'
      join facilities f on f.id = t.facility_id
      join clients c on c.id = t.client_id
      where t.facility_id in (${sql.join(facilities)}) and t.status = 'done'
        and t.days_after_discharge in (30, 90)
      order by c.record_number, t.days_after_discharge, a.attempted_at`.execute(db),
  ]);
  const admins = (facilityId: string) =>
    roles.filter((r) => r.facilityId === facilityId).map((r) => r.staffUserId);

  const rows: NewAssessment[] = [];
  const give = (
    c: OutcomeClient,
    code: InstrumentCode,
    occasion: AssessmentOccasion,
    on: string,
    given: Record<string, number>,
    by: string,
    followUpTaskId: string | null = null,
  ) => {
    const definition = instrumentDefinition(code);
    const answers = normaliseAnswers(definition, given);
    const score = scoreAssessment(definition, answers);
    rows.push({
      facilityId: c.facilityId,
      clientId: c.id,
      instrumentCode: code,
      instrumentVersion: definition.version,
      occasion,
      administeredOn: on,
      followUpTaskId,
      answers: JSON.stringify(answers) as never,
      totalScore: score.total,
      subscaleScores: JSON.stringify(score.subscales) as never,
      band: score.band?.label ?? null,
      safetyConcern: score.safety.length > 0,
      administeredBy: by,
      // Mid-morning to late afternoon in both facilities' zones, on the day it was given.
      recordedAt: new Date(`${on}T${random.int(16, 22)}:${random.pick(['05', '25', '45'])}:00Z`),
    });
    return score;
  };
  // Mostly the client's own counselor; now and then an admin of the facility.
  const clinician = (c: OutcomeClient) =>
    c.counselorStaffId && random.chance(0.85)
      ? c.counselorStaffId
      : random.pick(admins(c.facilityId));
  const symptoms = (course: Course, progress: number, wobble: number) => {
    const phq9 = Math.max(0, along(course.phq9, progress) + wobble);
    const gad7 = Math.max(0, along(course.gad7, progress) + random.int(-1, 1));
    return {
      phq9: answersFor(random, PHQ9, { total: phq9 }, { '9': 0 }),
      gad7: answersFor(random, GAD7, { total: gad7 }),
    };
  };

  // This week's PHQ-9 with item 9 above zero: in treatment at Cedar Hollow for two weeks or more.
  const eligible = clients.filter(
    (c) =>
      c.facilityId === facilityIds.cedar &&
      c.status === 'in_treatment' &&
      daysBetween(c.admissionDate, today) >= 14,
  );
  const safety = new Map<string, string>();
  while (safety.size < Math.min(DEMO_SAFETY_FLAGS, eligible.length)) {
    const c = random.pick(eligible);
    if (!safety.has(c.id)) safety.set(c.id, addDays(today, -random.int(1, 4)));
  }

  const courses = new Map<string, Course>();
  for (const c of clients) {
    const course = planCourse(random, c);
    courses.set(c.id, course);
    const end = c.dischargeDate ?? today;
    const flaggedOn = safety.get(c.id);

    // At admission (or a day or two after), the full battery for most.
    if (flaggedOn || random.chance(0.88)) {
      const on = earlier(addDays(c.admissionDate, random.pick([0, 0, 0, 1, 1, 2])), end);
      const by = clinician(c);
      const start = symptoms(course, 0, 0);
      give(c, 'barc10', 'admission', on, answersFor(random, BARC, { total: course.barc[0] }), by);
      give(c, 'phq9', 'admission', on, start.phq9, by);
      give(c, 'gad7', 'admission', on, start.gad7, by);
      const alcohol = c.primarySubstances[0] === 'alcohol';
      const drinking = c.primarySubstances.includes('alcohol');
      const audit = alcohol ? random.int(7, 12) : drinking ? random.int(4, 10) : random.int(0, 4);
      give(c, 'auditc', 'admission', on, auditcAnswers(random, audit), by);
      const satisfaction = random.int(0, 2);
      const [risk, protective] = [course.risk[0], course.protective[0]];
      const bam = bamAnswers(random, c, useDays(random, c, 'before'), {
        risk,
        protective,
        satisfaction,
      });
      give(c, 'bam', 'admission', on, bam, by);

      // PHQ-9 and GAD-7 every two weeks or so for some in treatment.
      if (c.status === 'in_treatment' && (flaggedOn || random.chance(0.55))) {
        const stop = flaggedOn ? addDays(flaggedOn, -3) : today;
        for (let week = 2; ; week += 2) {
          const when = addDays(c.admissionDate, week * 7 + random.int(-1, 2));
          if (when > stop) break;
          const progress = course.reach * Math.min(1, daysBetween(c.admissionDate, when) / 50);
          const mid = symptoms(course, progress, random.int(-2, 1));
          const by = clinician(c);
          give(c, 'phq9', 'other', when, mid.phq9, by);
          give(c, 'gad7', 'other', when, mid.gad7, by);
        }
      }
    }

    // A hard week: thoughts of being better off dead on several days.
    if (flaggedOn) {
      const by = clinician(c);
      const phq9 = answersFor(random, PHQ9, { total: random.int(11, 15) }, { '9': 1 });
      give(c, 'phq9', 'other', flaggedOn, phq9, by);
      const gad7 = answersFor(random, GAD7, { total: random.int(9, 13) });
      give(c, 'gad7', 'other', flaggedOn, gad7, by);
    }

    // At discharge, for most who completed treatment and fewer who left against advice.
    if (c.dischargeDate && c.dischargeType && random.chance(DISCHARGE_SHARE[c.dischargeType])) {
      const on = c.dischargeDate;
      const by = clinician(c);
      const last = symptoms(course, course.reach, random.int(-1, 1));
      const barc = answersFor(random, BARC, { total: along(course.barc, course.reach) });
      give(c, 'barc10', 'discharge', on, barc, by);
      give(c, 'phq9', 'discharge', on, last.phq9, by);
      give(c, 'gad7', 'discharge', on, last.gad7, by);
      // Left against advice, sometimes after using again.
      const slipped = c.dischargeType === 'ama' && random.chance(0.4);
      const bam = bamAnswers(random, c, slipped ? useDays(random, c, 'slip') : NO_USE, {
        risk: along(course.risk, course.reach) + (slipped ? random.int(2, 4) : 0),
        protective: along(course.protective, course.reach),
        satisfaction: Math.round(1 + 3 * course.reach) - (slipped ? 1 : 0),
      });
      give(c, 'bam', 'discharge', on, bam, by);
    }
  }

  // BARC-10 and BAM on many 30- and 90-day calls, given by whoever made the call.
  const byId = new Map(clients.map((c) => [c.id, c]));
  for (const call of calls.rows) {
    const c = byId.get(call.clientId);
    const course = courses.get(call.clientId);
    if (!c?.dischargeDate || !course) continue;
    const on = call.calledOn;
    if (on > today || on <= c.dischargeDate || !random.chance(0.75)) continue;
    const since = Math.min(1, daysBetween(c.dischargeDate, on) / 90);
    const using = call.abstinent === 'no';
    const barc =
      along(course.barc, course.reach) +
      Math.round(course.barcDrift * since) +
      random.int(-1, 1) -
      (using ? random.int(4, 9) : 0);
    const capital = answersFor(random, BARC, { total: barc });
    give(c, 'barc10', 'follow_up', on, capital, call.madeBy, call.taskId);
    const bam = bamAnswers(random, c, using ? useDays(random, c, 'slip') : NO_USE, {
      risk: along(course.risk, course.reach) + random.int(-2, 1) + (using ? random.int(3, 6) : 0),
      protective:
        along(course.protective, course.reach) +
        Math.round(course.protectiveDrift * since) -
        (using ? random.int(2, 5) : 0),
      satisfaction: using ? random.int(0, 2) : random.int(2, 4),
    });
    give(c, 'bam', 'follow_up', on, bam, call.madeBy, call.taskId);
  }

  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('assessments')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }

  // The safety flag each of those PHQ-9s raised, open and not yet acknowledged.
  const rule = PHQ9.safety[0] as (typeof PHQ9.safety)[number];
  const flags = [...safety].map(([clientId, on]) => ({
    clientId,
    facilityId: facilityIds.cedar,
    rule: 'self_harm_risk' as const,
    reason: `${rule.message} (${PHQ9.shortName} on ${readableDate(on)})`,
    raisedOn: on,
  }));
  if (flags.length > 0) await db.insertInto('clientFlags').values(flags).execute();
  return { assessments: rows.length, safetyFlags: flags.length };
}
