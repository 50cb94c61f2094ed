import type { AbstinenceAnswer, HousingStatus, WorkStatus } from '../alumni/vocabulary';
import { daysBetween, type IsoDate } from '../dates';
import type { AssessmentOccasion, InstrumentCode } from '../instruments/types';
import { type Cell, meanCell, rateCell } from './cells';
import { column, type IndicatorTable } from './table';

/** One scored assessment, as the outcome indicators need it. */
export interface ScoreFacts {
  clientId: string;
  instrument: InstrumentCode;
  occasion: AssessmentOccasion;
  administeredOn: IsoDate;
  total: number | null;
  subscales: Readonly<Record<string, number>>;
  answers: Readonly<Record<string, number>>;
  /** The client's discharge date, when discharged. */
  dischargeDate: IsoDate | null;
}

/** A follow-up assessment this many days after discharge counts as the "90 days" one. */
export const NINETY_DAY_WINDOW = { from: 60, to: 120 } as const;

interface BarcPoints {
  admission?: number;
  discharge?: number;
  ninety?: number;
}

/**
 * Each client's BARC-10 at admission (the first given at admission), at discharge (the last
 * given at discharge) and at 90 days (the follow-up one nearest 90 days after discharge).
 */
export function barcPoints(scores: readonly ScoreFacts[]): Map<string, BarcPoints> {
  const points = new Map<string, BarcPoints & { admittedOn?: string; ninetyGap?: number }>();
  const sorted = scores
    .filter((s) => s.instrument === 'barc10' && s.total !== null)
    .sort((a, b) => a.administeredOn.localeCompare(b.administeredOn));
  for (const s of sorted) {
    const p = points.get(s.clientId) ?? {};
    const total = s.total as number;
    if (s.occasion === 'admission' && p.admission === undefined) p.admission = total;
    if (s.occasion === 'discharge') p.discharge = total;
    if (s.occasion === 'follow_up' && s.dischargeDate) {
      const after = daysBetween(s.dischargeDate, s.administeredOn);
      const gap = Math.abs(after - 90);
      const inWindow = after >= NINETY_DAY_WINDOW.from && after <= NINETY_DAY_WINDOW.to;
      if (inWindow && (p.ninetyGap === undefined || gap < p.ninetyGap)) {
        p.ninety = total;
        p.ninetyGap = gap;
      }
    }
    points.set(s.clientId, p);
  }
  return points;
}

/**
 * BARC-10 for the same clients over time: the mean at admission and discharge over everyone with
 * both, and the mean at all three points over everyone with all three. The cohort is the clients
 * discharged in the range; `scores` holds their BARC-10 assessments.
 */
export function barcPairedIndicator(
  scores: readonly ScoreFacts[],
  suppress: boolean,
): IndicatorTable {
  const points = [...barcPoints(scores).values()];
  const pairs = points.filter((p) => p.admission !== undefined && p.discharge !== undefined);
  const triples = pairs.filter((p) => p.ninety !== undefined);
  const mean = (set: readonly BarcPoints[], key: keyof BarcPoints): Cell =>
    meanCell(
      set.reduce((sum, p) => sum + (p[key] ?? 0), 0),
      set.length,
      suppress,
    );
  const none = meanCell(0, 0, suppress);
  return {
    id: 'barc_paired',
    columns: [
      column('pairs', 'Clients with admission and discharge scores', 'mean', 'score'),
      column('triples', 'Clients with all three scores', 'mean', 'score'),
    ],
    rows: [
      {
        key: 'admission',
        label: 'At admission',
        cells: { pairs: mean(pairs, 'admission'), triples: mean(triples, 'admission') },
      },
      {
        key: 'discharge',
        label: 'At discharge',
        cells: { pairs: mean(pairs, 'discharge'), triples: mean(triples, 'discharge') },
      },
      {
        key: 'ninety',
        label: '90 days after discharge',
        cells: { pairs: none, triples: mean(triples, 'ninety') },
      },
    ],
    notes: [
      'Clients discharged in the range. 47 or more predicts sustained remission.',
      `The 90-day score is the follow-up BARC-10 given ${NINETY_DAY_WINDOW.from}–${NINETY_DAY_WINDOW.to} days after discharge, nearest to 90.`,
    ],
  };
}

/** What an alumnus said on their latest follow-up call answered in the range. */
export interface FollowUpAnswers {
  clientId: string;
  attemptedOn: IsoDate;
  abstinent: AbstinenceAnswer | null;
  housing: HousingStatus | null;
  workOrSchool: WorkStatus | null;
  communityMeetings: number | null;
  hasSponsor: boolean | null;
}

export const SAMHSA_DIMENSIONS = {
  health: 'Health',
  home: 'Home',
  purpose: 'Purpose',
  community: 'Community',
} as const;
export type SamhsaDimension = keyof typeof SAMHSA_DIMENSIONS;

/** One piece of evidence about a dimension: positive, negative, or silent (null). */
type Evidence = boolean | null;

const STABLE_HOMES: readonly HousingStatus[] = ['stable', 'family', 'sober_living'];
const UNSTABLE_HOMES: readonly HousingStatus[] = ['unstable', 'homeless'];

/** How each source speaks to each dimension; written out in `SAMHSA_SOURCES` for readers. */
function evidenceFor(
  dimension: SamhsaDimension,
  call: FollowUpAnswers | undefined,
  latest: ReadonlyMap<InstrumentCode, ScoreFacts>,
): Evidence[] {
  const bam = latest.get('bam');
  const barc = latest.get('barc10');
  const phq = latest.get('phq9');
  const gad = latest.get('gad7');
  const answer = (s: ScoreFacts | undefined, item: string) => s?.answers[item];
  const atLeast = (v: number | undefined, min: number): Evidence =>
    v === undefined ? null : v >= min;
  switch (dimension) {
    case 'health':
      return [
        call?.abstinent === 'yes' ? true : call?.abstinent === 'no' ? false : null,
        bam?.subscales.use === undefined ? null : bam.subscales.use === 0,
        phq?.total == null ? null : phq.total < 10,
        gad?.total == null ? null : gad.total < 10,
      ];
    case 'home':
      return [
        call?.housing == null
          ? null
          : STABLE_HOMES.includes(call.housing)
            ? true
            : UNSTABLE_HOMES.includes(call.housing)
              ? false
              : null,
        atLeast(answer(barc, '7'), 4),
      ];
    case 'purpose': {
      const work = call?.workOrSchool;
      return [
        work == null || work === 'unable'
          ? null
          : work === 'working' || work === 'school' || work === 'both',
        atLeast(answer(bam, '13'), 4),
        answer(bam, '14') === undefined ? null : answer(bam, '14') === 1,
      ];
    }
    case 'community': {
      const four = answer(barc, '4');
      const five = answer(barc, '5');
      return [
        call?.communityMeetings == null ? null : call.communityMeetings > 0,
        call?.hasSponsor === true ? true : null,
        atLeast(answer(bam, '16'), 1),
        four === undefined || five === undefined ? null : (four + five) / 2 >= 4,
      ];
    }
  }
}

/** Where each dimension's evidence comes from, in words for the definition panel. */
export const SAMHSA_SOURCES: Record<SamhsaDimension, string> = {
  health:
    'abstinent since discharge (follow-up call); BAM Use score 0; PHQ-9 below 10; GAD-7 below 10',
  home: 'stable housing, family or sober living (follow-up call; unstable or homeless counts against); BARC-10 item 7 "somewhat agree" or more',
  purpose:
    'working or in school (follow-up call; looking for work or neither counts against); BAM item 13 four days or more; BAM item 14 enough income',
  community:
    'a community meeting in the last 30 days and having a sponsor (follow-up call); BAM item 16 one day or more; BARC-10 items 4 and 5 averaging "somewhat agree" or more',
};

/** Occasions whose scores speak for life after treatment. */
const ALUMNI_OCCASIONS: readonly AssessmentOccasion[] = ['discharge', 'follow_up'];

/**
 * SAMHSA's four dimensions of recovery: for each, the share of alumni doing well, counting each
 * alumnus for a dimension when anything they told us speaks to it (their latest follow-up call in
 * the range, their latest score on each instrument at discharge or follow-up), and as doing well
 * when all of it is positive.
 */
export function samhsaIndicator(
  calls: readonly FollowUpAnswers[],
  scores: readonly ScoreFacts[],
  suppress: boolean,
): IndicatorTable {
  const latestCall = new Map<string, FollowUpAnswers>();
  for (const c of calls) {
    const seen = latestCall.get(c.clientId);
    if (!seen || c.attemptedOn > seen.attemptedOn) latestCall.set(c.clientId, c);
  }
  const latestScores = new Map<string, Map<InstrumentCode, ScoreFacts>>();
  for (const s of scores) {
    if (!ALUMNI_OCCASIONS.includes(s.occasion)) continue;
    const byInstrument = latestScores.get(s.clientId) ?? new Map<InstrumentCode, ScoreFacts>();
    const seen = byInstrument.get(s.instrument);
    if (!seen || s.administeredOn >= seen.administeredOn) byInstrument.set(s.instrument, s);
    latestScores.set(s.clientId, byInstrument);
  }
  const clients = new Set([...latestCall.keys(), ...latestScores.keys()]);
  const rows = (Object.keys(SAMHSA_DIMENSIONS) as SamhsaDimension[]).map((dimension) => {
    let counted = 0;
    let well = 0;
    for (const id of clients) {
      const evidence = evidenceFor(
        dimension,
        latestCall.get(id),
        latestScores.get(id) ?? new Map(),
      ).filter((e): e is boolean => e !== null);
      if (evidence.length === 0) continue;
      counted += 1;
      if (evidence.every(Boolean)) well += 1;
    }
    return {
      key: dimension,
      label: SAMHSA_DIMENSIONS[dimension],
      cells: { well: rateCell(well, counted, suppress) },
    };
  });
  return {
    id: 'samhsa',
    columns: [column('well', 'Alumni doing well', 'rate', 'percent')],
    rows,
    notes: [
      'Alumni with a follow-up call answered, or an assessment at discharge or follow-up, in the range.',
    ],
  };
}
