import type { InstrumentDefinition, InstrumentItem, WordingOverrides } from './types';

/** Longest item text or answer label a facility may set. */
export const MAX_WORDING_LENGTH = 500;

function textProblem(text: string, what: string): string | null {
  if (text.trim() === '') return `${what} cannot be empty.`;
  if (text.length > MAX_WORDING_LENGTH) {
    return `${what} is longer than ${MAX_WORDING_LENGTH} characters.`;
  }
  return null;
}

function hasOption(item: InstrumentItem, valueKey: string): boolean {
  return (
    item.response.kind === 'choice' &&
    item.response.options.some((option) => String(option.value) === valueKey)
  );
}

/**
 * Why each refused override is refused. Only wording the public copies disagree on may change:
 * item text marked `wordingToCheck` and answer labels marked `optionLabelsToCheck`.
 */
export function wordingProblems(def: InstrumentDefinition, overrides: WordingOverrides): string[] {
  const problems: string[] = [];
  const byId = new Map(def.items.map((item) => [item.id, item]));

  for (const [id, text] of Object.entries(overrides.items ?? {})) {
    const item = byId.get(id);
    if (!item) {
      problems.push(`This instrument has no item ${id}.`);
    } else if (!item.wordingToCheck) {
      problems.push(`Item ${id}'s wording is not open to change.`);
    } else {
      const problem = textProblem(text, `Item ${id}'s wording`);
      if (problem) problems.push(problem);
    }
  }

  for (const [id, labels] of Object.entries(overrides.options ?? {})) {
    const item = byId.get(id);
    if (!item) {
      problems.push(`This instrument has no item ${id}.`);
      continue;
    }
    if (!item.optionLabelsToCheck) {
      problems.push(`Item ${id}'s answer labels are not open to change.`);
      continue;
    }
    for (const [valueKey, label] of Object.entries(labels)) {
      if (!hasOption(item, valueKey)) {
        problems.push(`Item ${id} has no answer with value ${valueKey}.`);
      } else {
        const problem = textProblem(label, `The label of answer ${valueKey} to item ${id}`);
        if (problem) problems.push(problem);
      }
    }
  }
  return problems;
}

/**
 * The definition with a facility's wording applied. Overrides `wordingProblems` would refuse are
 * skipped, so a stale or mistaken setting can never alter a validated wording. Scores are
 * untouched: only text changes.
 */
export function withWording(
  def: InstrumentDefinition,
  overrides: WordingOverrides,
): InstrumentDefinition {
  const items = def.items.map((item): InstrumentItem => {
    let result = item;
    const text = overrides.items?.[item.id];
    if (item.wordingToCheck && text !== undefined && !textProblem(text, '')) {
      result = { ...result, text: text.trim() };
    }
    const labels = overrides.options?.[item.id];
    if (item.optionLabelsToCheck && labels && item.response.kind === 'choice') {
      const options = item.response.options.map((option) => {
        const label = labels[String(option.value)];
        return label !== undefined && !textProblem(label, '')
          ? { ...option, label: label.trim() }
          : option;
      });
      result = { ...result, response: { kind: 'choice', options } };
    }
    return result;
  });
  return { ...def, items };
}
