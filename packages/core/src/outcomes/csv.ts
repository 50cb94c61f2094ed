import { csvLine } from '../engagement/caseload-columns';
import type { IndicatorDefinition } from './catalogue';
import type { Cell } from './cells';
import type { IndicatorTable } from './table';

/** A figure as a reader sees it: a percentage, an average to one decimal, or a count. */
export function formatCellValue(cell: Cell): string {
  if (cell.suppressed) return 'suppressed';
  if (cell.value === null) return '';
  if (cell.kind === 'rate') return `${(cell.value * 100).toFixed(1)}%`;
  if (cell.kind === 'mean') return cell.value.toFixed(1);
  return String(cell.value);
}

/**
 * One indicator as CSV for a board report: a title block saying what was counted and for whom,
 * then one line per row with each series' value, numerator, denominator and n.
 */
export function indicatorCsv(
  table: IndicatorTable,
  definition: IndicatorDefinition,
  context: readonly [string, string][],
): string {
  let out = csvLine([definition.title]);
  for (const [label, value] of context) out += csvLine([label, value]);
  out += csvLine(['Numerator', definition.numerator]);
  out += csvLine(['Denominator', definition.denominator]);
  for (const note of table.notes) out += csvLine(['Note', note]);
  out += csvLine([]);
  const header = ['Period or group'];
  for (const c of table.columns) {
    header.push(c.label, `${c.label}: numerator`, `${c.label}: denominator`, `${c.label}: n`);
  }
  out += csvLine(header);
  for (const row of table.rows) {
    const line = [row.label];
    for (const c of table.columns) {
      const cell = row.cells[c.key];
      if (!cell) {
        line.push('', '', '', '');
        continue;
      }
      line.push(
        formatCellValue(cell),
        String(cell.numerator),
        String(cell.denominator),
        String(cell.n),
      );
    }
    out += csvLine(line);
  }
  return out;
}
