/**
 * An instrument is data: its items, the answers each item accepts and what they score, how the
 * scores add up and what they mean. The library (`library.ts`) holds one definition per
 * instrument; `score.ts` and `answers.ts` work on any definition.
 */

export const INSTRUMENT_CODES = ['barc10', 'bam', 'phq9', 'gad7', 'auditc'] as const;
export type InstrumentCode = (typeof INSTRUMENT_CODES)[number];

/** When an assessment was given: the change since admission is measured from the first. */
export const ASSESSMENT_OCCASIONS = {
  admission: 'At admission',
  discharge: 'At discharge',
  follow_up: 'At a follow-up call',
  other: 'Any other time',
} as const;
export type AssessmentOccasion = keyof typeof ASSESSMENT_OCCASIONS;

export interface AnswerOption {
  /** What is stored for the answer. */
  value: number;
  label: string;
  /** What the answer adds to the score (often the same as `value`). */
  score: number;
}

/** A count of days in the recall period (e.g. 0–30), scored by bands. */
export interface DayBand {
  /** Inclusive. */
  from: number;
  to: number;
  score: number;
}

export type ItemResponse =
  | { kind: 'choice'; options: readonly AnswerOption[] }
  | { kind: 'days'; max: number; bands: readonly DayBand[] };

export interface InstrumentItem {
  /** Stable within the instrument: "1" … "10", or "7a" for sub-items. */
  id: string;
  /** Word for word, as published. */
  text: string;
  response: ItemResponse;
  required: boolean;
  /** false for items asked but not counted in any score (e.g. BAM 7A–G and 17). */
  scored: boolean;
  /** Public copies disagree on this wording: an admin may replace it for their facility. */
  wordingToCheck?: boolean;
  /** true when an option label of this item is disputed (e.g. BARC-10's middle labels). */
  optionLabelsToCheck?: boolean;
  loinc?: string;
}

export interface Subscale {
  id: string;
  label: string;
  items: readonly string[];
  /** A result on this subscale that needs attention, e.g. BAM Use ≥ 1. */
  flag?: { when: 'at_least' | 'at_most'; score: number; label: string };
}

/** A range of the total score with its meaning, e.g. PHQ-9 10–14 "Moderate". */
export interface ScoreBand {
  from: number;
  to: number;
  label: string;
  /** For colour and ordering: 0 is the best band. */
  level: number;
}

/** A line drawn across a client's chart, e.g. BARC-10 47 "Sustained remission likely". */
export interface CutOffLine {
  score: number;
  label: string;
  /** The subscale the line is drawn on (BAM); absent when it is drawn on the total. */
  subscale?: string;
}

/** An answer that must reach the client's counselor at once (PHQ-9 item 9 above zero). */
export interface SafetyRule {
  itemId: string;
  /** The flag is raised when the answer's value is at least this. */
  atLeast: number;
  /** What the counselor reads, in plain words. */
  message: string;
}

export interface InstrumentDefinition {
  code: InstrumentCode;
  /** Raised when items or scoring change; stored with each assessment. */
  version: number;
  name: string;
  shortName: string;
  /** What it measures, one line for staff. */
  measures: string;
  /** Read to the client before the items, e.g. "Over the last 2 weeks, how often …". */
  stem: string;
  recallPeriod: string;
  items: readonly InstrumentItem[];
  /** The total's range, or null when the instrument has only subscales (BAM). */
  total: { min: number; max: number } | null;
  subscales: readonly Subscale[];
  bands: readonly ScoreBand[];
  cutOffLines: readonly CutOffLine[];
  /** true when a higher total is better (BARC-10); false for symptom scales. */
  higherIsBetter: boolean;
  safety: readonly SafetyRule[];
  licence: string;
  source: string;
  loinc?: { panel?: string; total?: string };
}

/** Item id → answer value, as given. */
export type Answers = Readonly<Record<string, number>>;

export interface AssessmentScore {
  /** null when the instrument has no total. */
  total: number | null;
  /** Subscale id → score. */
  subscales: Record<string, number>;
  band: ScoreBand | null;
  /** Subscale results that need attention, in words, e.g. "Use 3 (≥ 1)". */
  flags: string[];
  /** The safety rules the answers triggered. */
  safety: SafetyRule[];
}

/**
 * A facility's own wording where the public copies disagree: item id → text, and for items with
 * disputed option labels, item id → (answer value → label).
 */
export interface WordingOverrides {
  items?: Record<string, string>;
  options?: Record<string, Record<string, string>>;
}
