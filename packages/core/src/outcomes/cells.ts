/**
 * Every figure on an outcome chart is a cell: what was counted, over what, and how many people
 * stand behind it. In aggregate views a count of 1 to 4 people is never shown (it could single
 * someone out): it reads "<5", and any rate or average that would let it be worked out is hidden.
 */

/** Counts below this (and above zero) are suppressed in aggregate views. */
export const SMALL_NUMBER_LIMIT = 5;
export const SUPPRESSED = '<5' as const;

/** A count as shown: the number, or "<5". */
export type Shown = number | typeof SUPPRESSED;

export type CellKind = 'count' | 'rate' | 'mean';

export interface Cell {
  kind: CellKind;
  /** count: the count; rate: numerator ÷ denominator (0–1); mean: sum ÷ n. null when hidden or empty. */
  value: number | null;
  numerator: Shown;
  denominator: Shown;
  /** The number of people behind the figure. */
  n: Shown;
  suppressed: boolean;
}

export function isSmall(count: number): boolean {
  return count > 0 && count < SMALL_NUMBER_LIMIT;
}

export function shown(count: number, suppress: boolean): Shown {
  return suppress && isSmall(count) ? SUPPRESSED : count;
}

/** A count of people (census, admissions, clients in a band). */
export function countCell(count: number, suppress: boolean): Cell {
  const hidden = suppress && isSmall(count);
  return {
    kind: 'count',
    value: hidden ? null : count,
    numerator: shown(count, suppress),
    denominator: shown(count, suppress),
    n: shown(count, suppress),
    suppressed: hidden,
  };
}

/**
 * numerator ÷ denominator of people. Hidden when 1 to 4 people stand behind it, when 1 to 4
 * make up the numerator, or when 1 to 4 are left out of it: with the denominator shown, the rate
 * would give either group away ("36 of 40 retained" also says "4 lost").
 *
 * When numerator and denominator count events (sessions), `people` says how many people stand
 * behind each; only those counts decide what is hidden, as events left out name nobody.
 */
export function rateCell(
  numerator: number,
  denominator: number,
  suppress: boolean,
  people?: { numerator: number; denominator: number },
): Cell {
  const small = people
    ? isSmall(people.denominator) || isSmall(people.numerator)
    : isSmall(denominator) || isSmall(numerator) || isSmall(denominator - numerator);
  const hidden = suppress && small;
  const peopleBehind = people?.denominator ?? denominator;
  return {
    kind: 'rate',
    value: hidden || denominator === 0 ? null : numerator / denominator,
    numerator: hidden ? SUPPRESSED : numerator,
    denominator: hidden && isSmall(peopleBehind) ? SUPPRESSED : denominator,
    n: shown(peopleBehind, suppress),
    suppressed: hidden,
  };
}

/** An average: sum ÷ n over n people, hidden when n is 1 to 4. */
export function meanCell(sum: number, n: number, suppress: boolean): Cell {
  const hidden = suppress && isSmall(n);
  return {
    kind: 'mean',
    value: hidden || n === 0 ? null : sum / n,
    numerator: hidden ? SUPPRESSED : sum,
    denominator: shown(n, suppress),
    n: shown(n, suppress),
    suppressed: hidden,
  };
}
