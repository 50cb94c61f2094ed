import { SMALL_NUMBER_LIMIT } from './cells';
import { SAMHSA_SOURCES } from './recovery';
import { RETENTION_CHECKPOINTS } from './stays';
import type { IndicatorId } from './table';

/** What an indicator is and exactly how it is counted: shown one click from its chart. */
export interface IndicatorDefinition {
  id: IndicatorId;
  title: string;
  /** The question it answers, for the card's subtitle. */
  question: string;
  numerator: string;
  denominator: string;
  /** Who the "n" in its tooltip counts. */
  n: string;
  /** Anything else a careful reader needs. */
  caveats: string;
}

const samhsaSources = Object.entries(SAMHSA_SOURCES)
  .map(([dimension, sources]) => `${dimension[0]?.toUpperCase()}${dimension.slice(1)}: ${sources}.`)
  .join(' ');

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'census',
    title: 'Census, admissions and discharges',
    question: 'How many clients are in treatment, and how many came and left each week?',
    numerator:
      'Census: clients admitted on or before the last day of the week and not discharged by it. Admissions and discharges: clients whose admission or discharge date falls in the week.',
    denominator: 'None: these are counts.',
    n: 'The count itself.',
    caveats: 'Weeks run Monday to Sunday; the first and last weeks are cut to the range.',
  },
  {
    id: 'attendance',
    title: 'Sessions held and attendance rate',
    question: 'How many group sessions took place, and did clients come to them?',
    numerator: 'Sessions clients attended: present, late or left early.',
    denominator:
      'Sessions clients were expected at: on the roster that day or recorded there, for sessions whose attendance was taken. Cancelled sessions, and sessions not taken yet, count in neither.',
    n: 'Clients expected at one or more sessions that week.',
    caveats:
      'Sessions held counts every session of the groups in view whose attendance was taken, whatever the client filters.',
  },
  {
    id: 'engagement',
    title: 'Engagement in groups',
    question: 'How engaged are clients when they come?',
    numerator:
      'Clients whose mean engagement rating over the range rounds to that level (1 Not engaged … 5 Highly engaged), or who had no rated session.',
    denominator: 'Clients who attended at least one session in the range.',
    n: 'Clients who attended.',
    caveats: 'Ratings are given by the group monitor per session attended.',
  },
  {
    id: 'completion',
    title: 'Treatment completion and AMA',
    question:
      'Of the clients who left, how many completed treatment, and how many left against medical advice?',
    numerator: 'Discharges of type "completed treatment" (or "against medical advice").',
    denominator: 'All discharges in the month (or the whole range).',
    n: 'Clients discharged.',
    caveats: 'Administrative discharges and transfers count in the denominator only.',
  },
  {
    id: 'length_of_stay',
    title: 'Average length of stay',
    question: 'How long do clients stay?',
    numerator:
      'Days from admission to discharge, added up over the discharges (a same-day discharge is one day).',
    denominator: 'Discharges in the month (or the whole range).',
    n: 'Clients discharged.',
    caveats: 'Clients still in treatment are not counted until they leave.',
  },
  {
    id: 'referral_funnel',
    title: 'Community referral funnel',
    question: 'Do referrals to community meetings turn into attending them?',
    numerator:
      'Clients with a referral that reached the step: a first meeting attended, or attending regularly 30 days after it.',
    denominator: 'Clients given a referral in the range.',
    n: 'Clients referred.',
    caveats:
      'Community meetings do not confirm attendance (anonymity is their tradition): each step is what the alumnus told us.',
  },
  {
    id: 'follow_up',
    title: 'Follow-up call completion',
    question: 'Are alumni reached when their calls fall due?',
    numerator: 'Calls completed: the alumnus was reached and answered.',
    denominator:
      'Calls due in the range and by today, by day after discharge. Calls cancelled because the alumnus opted out are not owed.',
    n: 'Calls due (one per alumnus per day).',
    caveats: 'The call days are a facility setting (7, 30, 60 and 90 by default).',
  },
  {
    id: 'abstinence',
    title: 'Self-reported abstinence',
    question: 'Of the alumni we reached, how many have not used since discharge?',
    numerator: 'Alumni who said they have been abstinent since discharge.',
    denominator:
      'Alumni reached at the 30-, 60- or 90-day call due in the range who answered yes or no ("preferred not to say" is left out).',
    n: 'Alumni who answered.',
    caveats: 'Self-report on the call; not confirmed by testing.',
  },
  {
    id: 'barc_paired',
    title: 'Recovery capital (BARC-10), same clients over time',
    question: 'Does recovery capital grow from admission to discharge and after?',
    numerator: 'BARC-10 totals (10–60) added up over the clients in the set.',
    denominator:
      'Clients discharged in the range with both an admission and a discharge score (first set), or with those and a 90-day score (second set).',
    n: 'Clients in the set: the same people at every point.',
    caveats:
      'A score of 47 or more predicted sustained remission. Paired: a client without every score of a set is left out of it.',
  },
  {
    id: 'samhsa',
    title: "SAMHSA's dimensions of recovery",
    question: 'Are alumni doing well in health, home, purpose and community?',
    numerator: 'Alumni all of whose evidence for the dimension is positive.',
    denominator:
      'Alumni with any evidence for the dimension: their latest follow-up call answered in the range, and their latest score on each instrument given at discharge or follow-up in the range.',
    n: 'Alumni counted for the dimension.',
    caveats: `Evidence used. ${samhsaSources}`,
  },
  {
    id: 'retention',
    title: 'Retention by admission month',
    question:
      'How many clients admitted each month are still with us, or completed, after 7 to 90 days?',
    numerator:
      'Clients not discharged against medical advice or administratively before that day (completion and transfer are not losses).',
    denominator: `Clients admitted in the month at least that many days ago (days ${RETENTION_CHECKPOINTS.join(', ')}).`,
    n: 'Clients in the cohort observable at that day.',
    caveats: 'Each line is one admission month (a cohort).',
  },
];

export const SUPPRESSION_RULE = `Counts of 1 to ${SMALL_NUMBER_LIMIT - 1} people are shown as "<${SMALL_NUMBER_LIMIT}", and a rate or average behind them is hidden, so no client can be singled out.`;

export function indicatorDefinition(id: IndicatorId): IndicatorDefinition {
  const found = INDICATORS.find((i) => i.id === id);
  if (!found) throw new Error(`Unknown indicator ${id}`);
  return found;
}

export function isIndicatorId(value: string): value is IndicatorId {
  return INDICATORS.some((i) => i.id === value);
}
