import type { Answers, InstrumentDefinition, InstrumentItem } from './types';

/** The key `answerProblems` uses for answers to items the instrument does not have. */
export const UNKNOWN_ITEMS = '_unknown';

// Form posts arrive as strings, so a plain numeral counts as a number; "1e1" or "0x1" do not.
const NUMERAL = /^\s*-?\d+(\.\d+)?\s*$/;

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && NUMERAL.test(value)) return Number(value);
  return null;
}

function valueProblem(item: InstrumentItem, value: number | null): string | null {
  if (item.response.kind === 'choice') {
    const ok = value !== null && item.response.options.some((option) => option.value === value);
    return ok ? null : `Item ${item.id}'s answer must be one of its options.`;
  }
  const { max } = item.response;
  const ok = value !== null && Number.isInteger(value) && value >= 0 && value <= max;
  return ok ? null : `Days must be a whole number from 0 to ${max}.`;
}

function listIds(ids: readonly string[]): string {
  if (ids.length === 1) return `item ${ids[0]}`;
  return `items ${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

/**
 * What is wrong with a set of answers, item id → a message for staff; empty when nothing is.
 * Answers to items the instrument does not have are reported together under `UNKNOWN_ITEMS`.
 */
export function answerProblems(
  def: InstrumentDefinition,
  answers: Record<string, unknown>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const item of def.items) {
    const given = answers[item.id];
    if (isBlank(given)) {
      if (item.required) problems[item.id] = `Answer item ${item.id}.`;
      continue;
    }
    const problem = valueProblem(item, asNumber(given));
    if (problem) problems[item.id] = problem;
  }
  const known = new Set(def.items.map((item) => item.id));
  const unknown = Object.keys(answers).filter((id) => !known.has(id));
  if (unknown.length > 0) problems[UNKNOWN_ITEMS] = `This instrument has no ${listIds(unknown)}.`;
  return problems;
}

/**
 * The answers to the instrument's own items as numbers, leaving out blanks and anything that is
 * not a number. It does not check options or ranges: call it after `answerProblems` finds none.
 */
export function normaliseAnswers(
  def: InstrumentDefinition,
  answers: Record<string, unknown>,
): Answers {
  const result: Record<string, number> = {};
  for (const item of def.items) {
    const value = asNumber(answers[item.id]);
    if (value !== null) result[item.id] = value;
  }
  return result;
}
