import type {
  Answers,
  AssessmentScore,
  InstrumentDefinition,
  InstrumentItem,
  SafetyRule,
  Subscale,
} from './types';

/**
 * What one answer adds to the score: the option's score, or the score of the band the day count
 * falls in. Throws a RangeError for an answer the item does not accept.
 */
export function itemScore(item: InstrumentItem, value: number): number {
  if (item.response.kind === 'choice') {
    const option = item.response.options.find((o) => o.value === value);
    if (!option) throw new RangeError(`Item ${item.id} has no answer with value ${value}.`);
    return option.score;
  }
  const band = Number.isInteger(value)
    ? item.response.bands.find((b) => value >= b.from && value <= b.to)
    : undefined;
  if (!band || value > item.response.max) {
    throw new RangeError(`Item ${item.id} cannot be ${value} days.`);
  }
  return band.score;
}

function answeredScore(def: InstrumentDefinition, answers: Answers, id: string): number {
  const item = def.items.find((i) => i.id === id);
  if (!item) throw new RangeError(`${def.shortName} has no item ${id}.`);
  const value = answers[id];
  // A scored item left blank would quietly lower the score, so refuse rather than guess.
  if (value === undefined)
    throw new RangeError(`Item ${id} of the ${def.shortName} has no answer.`);
  return itemScore(item, value);
}

function flagWords(subscale: Subscale, score: number): string | null {
  const { flag } = subscale;
  if (!flag) return null;
  if (flag.when === 'at_least') {
    return score >= flag.score ? `${subscale.label} ${score} (at least ${flag.score})` : null;
  }
  return score <= flag.score ? `${subscale.label} ${score} (${flag.score} or less)` : null;
}

/**
 * Scores validated answers (see `answerProblems` and `normaliseAnswers`). Throws a RangeError
 * when a scored item is unanswered or an answer is not one the item accepts.
 */
export function scoreAssessment(def: InstrumentDefinition, answers: Answers): AssessmentScore {
  const total = def.total
    ? def.items
        .filter((item) => item.scored)
        .reduce((sum, item) => sum + answeredScore(def, answers, item.id), 0)
    : null;

  const subscales: Record<string, number> = {};
  const flags: string[] = [];
  for (const subscale of def.subscales) {
    let sum = 0;
    for (const id of subscale.items) sum += answeredScore(def, answers, id);
    subscales[subscale.id] = sum;
    const words = flagWords(subscale, sum);
    if (words) flags.push(words);
  }

  const band =
    total === null ? null : (def.bands.find((b) => total >= b.from && total <= b.to) ?? null);

  const safety: SafetyRule[] = def.safety.filter((rule) => {
    const value = answers[rule.itemId];
    return value !== undefined && value >= rule.atLeast;
  });

  return { total, subscales, band, flags, safety };
}

export interface ScoreChange {
  /** latest − first, or null when either score is missing. */
  change: number | null;
  direction: 'better' | 'worse' | 'same' | null;
}

/** The change from the first score (usually at admission) to the latest, and what it means. */
export function changeSince(
  first: number | null,
  latest: number | null,
  higherIsBetter: boolean,
): ScoreChange {
  if (first === null || latest === null) return { change: null, direction: null };
  const change = latest - first;
  if (change === 0) return { change, direction: 'same' };
  const rose = change > 0;
  return { change, direction: rose === higherIsBetter ? 'better' : 'worse' };
}
