import type { Cell, CellKind } from './cells';

export type IndicatorId =
  | 'census'
  | 'attendance'
  | 'engagement'
  | 'completion'
  | 'length_of_stay'
  | 'referral_funnel'
  | 'follow_up'
  | 'abstinence'
  | 'barc_paired'
  | 'samhsa'
  | 'retention';

export type Unit = 'people' | 'sessions' | 'percent' | 'days' | 'score';

/** One series of an indicator: a column of its table, a bar or a line on its chart. */
export interface IndicatorColumn {
  key: string;
  label: string;
  kind: CellKind;
  unit: Unit;
  draw: 'bar' | 'line';
}

/** One point on the x axis: a week, a month, a band, a step, a dimension. */
export interface IndicatorRow {
  key: string;
  label: string;
  cells: Record<string, Cell>;
}

/** An indicator's figures as a table; the chart, the data table and the CSV all read this. */
export interface IndicatorTable {
  id: IndicatorId;
  columns: IndicatorColumn[];
  rows: IndicatorRow[];
  /** Things the reader should know about these figures (e.g. cohorts not yet observable). */
  notes: string[];
}

export function column(
  key: string,
  label: string,
  kind: CellKind,
  unit: Unit,
  draw: 'bar' | 'line' = 'bar',
): IndicatorColumn {
  return { key, label, kind, unit, draw };
}
