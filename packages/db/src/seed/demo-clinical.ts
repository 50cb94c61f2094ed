import {
  addDays,
  type DischargeType,
  type Fellowship,
  type LevelOfCare,
  type SeededRandom,
  type STEP_STATUSES,
  type Substance,
} from '@homegroup/core';
import type { Transaction } from 'kysely';
import type { Database, NewClient } from '../tables';

type ClinicalFields = Pick<
  NewClient,
  | 'pronouns'
  | 'primarySubstances'
  | 'levelOfCare'
  | 'programTrack'
  | 'counselorStaffId'
  | 'sobrietyDate'
  | 'preferredFellowship'
  | 'dischargeType'
  | 'alumniFollowUp'
  | 'supportPerson'
  | 'supportSince'
>;

const LEVELS: LevelOfCare[] = ['3.5', '3.5', '3.7', '3.1', '2.5', '2.1'];
const SUBSTANCES: Substance[][] = [
  ['alcohol'],
  ['alcohol', 'cannabis'],
  ['opioids'],
  ['opioids', 'sedatives'],
  ['stimulants'],
  ['methamphetamine'],
  ['alcohol', 'stimulants'],
];
const FELLOWSHIP_FOR: Record<string, Fellowship> = {
  alcohol: 'aa',
  opioids: 'na',
  stimulants: 'ca',
  methamphetamine: 'cma',
  cannabis: 'na',
  sedatives: 'na',
};
const TRACKS = ['Residential core', 'Young adults', 'Dual diagnosis', 'Professionals'];
const PRONOUNS = ['she/her', 'he/him', 'they/them', null, null];
const DISCHARGES: DischargeType[] = [
  'completed',
  'completed',
  'completed',
  'completed',
  'ama',
  'ama',
  'administrative',
  'transfer',
];

/**
 * Fictional clinical details for one demo client: counselor, level of care, substances, a
 * sobriety date, a fellowship and, for alumni, how the stay ended. `milestoneSoon` sets the
 * sobriety date so a milestone falls in the coming week, for the Today panel to show.
 */
export function demoClinicalFields(
  random: SeededRandom,
  client: {
    status: 'in_treatment' | 'alumni';
    admissionDate: string;
    dischargeDate: string | null;
  },
  today: string,
  counselorIds: readonly string[],
  milestoneSoon: number | null,
): ClinicalFields {
  const substances = random.pick(SUBSTANCES);
  const first = substances[0] as string;
  const fellowship: Fellowship = random.chance(0.15) ? 'smart' : (FELLOWSHIP_FOR[first] ?? 'aa');
  const end = client.dischargeDate ?? today;
  let sobrietyDate = addDays(client.admissionDate, -random.int(0, 6));
  if (client.status === 'alumni' && random.chance(0.15)) {
    sobrietyDate = addDays(end, random.int(10, 60)); // a return to use after discharge
    if (sobrietyDate > today) sobrietyDate = today;
  }
  if (milestoneSoon !== null) sobrietyDate = addDays(today, -milestoneSoon);
  const hasSupport = random.chance(client.status === 'alumni' ? 0.6 : 0.35);
  return {
    pronouns: random.pick(PRONOUNS),
    primarySubstances: substances,
    levelOfCare:
      client.status === 'alumni' ? random.pick(['2.1', '1'] as const) : random.pick(LEVELS),
    programTrack: random.pick(TRACKS),
    counselorStaffId: random.pick(counselorIds),
    sobrietyDate,
    preferredFellowship: fellowship,
    dischargeType: client.status === 'alumni' ? random.pick(DISCHARGES) : null,
    alumniFollowUp:
      client.status === 'alumni' ? (random.chance(0.7) ? 'opted_in' : 'opted_out') : null,
    supportPerson: hasSupport ? (fellowship === 'smart' ? 'mentor' : 'sponsor') : null,
    supportSince: hasSupport ? addDays(end, -random.int(3, 20)) : null,
  };
}

const GOALS = [
  'Go to a community meeting at least three times a week after discharge',
  'Rebuild trust with my sister by calling her every Sunday',
  'Find a sponsor before I leave',
  'Get back to work part-time within two months',
  'Sleep at least seven hours most nights',
  'Finish the first three steps with my counselor',
  'Learn two ways to handle cravings that work for me',
];
const NOTES = [
  'Talked this through in session; making steady progress.',
  'Named two people to call when cravings come.',
  'Went to two outside meetings this week with peers.',
  'Had a hard week, recommitted to the plan.',
];

/** Step work and personal goals for the clients in treatment, spread over their stay so far. */
export async function seedDemoStepsAndGoals(
  trx: Transaction<Database>,
  random: SeededRandom,
  today: string,
  clients: {
    id: string;
    facilityId: string;
    status: string;
    admissionDate: string;
    counselorStaffId: string | null;
  }[],
) {
  const steps = [];
  const goals = [];
  const notes: { goalIndex: number; note: string; authorStaffId: string; facilityId: string }[] =
    [];
  for (const c of clients) {
    if (c.status !== 'in_treatment' || !c.counselorStaffId) continue;
    const stay = Math.max(
      1,
      Math.round((Date.parse(today) - Date.parse(c.admissionDate)) / 86_400_000),
    );
    const completed = Math.min(11, Math.floor(stay / 12));
    let day = c.admissionDate;
    for (let step = 1; step <= completed + 1; step++) {
      const startedOn = day;
      const completedOn = step <= completed ? addDays(startedOn, random.int(4, 10)) : null;
      if (completedOn && completedOn > today) break;
      steps.push({
        clientId: c.id,
        facilityId: c.facilityId,
        step,
        status: (completedOn ? 'completed' : 'working') as keyof typeof STEP_STATUSES,
        startedOn,
        completedOn,
        updatedBy: c.counselorStaffId,
      });
      if (!completedOn) break;
      day = completedOn;
    }
    for (let g = 0; g < random.int(1, 2); g++) {
      goals.push({
        clientId: c.id,
        facilityId: c.facilityId,
        text: random.pick(GOALS),
        targetDate: addDays(today, random.int(14, 90)),
        createdBy: c.counselorStaffId,
      });
      if (random.chance(0.7)) {
        notes.push({
          goalIndex: goals.length - 1,
          note: random.pick(NOTES),
          authorStaffId: c.counselorStaffId,
          facilityId: c.facilityId,
        });
      }
    }
  }
  if (steps.length > 0) await trx.insertInto('stepWork').values(steps).execute();
  if (goals.length === 0) return { steps: 0, goals: 0 };
  const inserted = await trx.insertInto('clientGoals').values(goals).returning('id').execute();
  if (notes.length > 0) {
    await trx
      .insertInto('goalNotes')
      .values(
        notes.map((n) => ({
          goalId: (inserted[n.goalIndex] as { id: string }).id,
          facilityId: n.facilityId,
          note: n.note,
          authorStaffId: n.authorStaffId,
        })),
      )
      .execute();
  }
  return { steps: steps.length, goals: goals.length };
}
