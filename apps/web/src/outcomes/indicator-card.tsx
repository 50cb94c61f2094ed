import type { RouterOutputs } from '@homegroup/api';
import { formatCellValue } from '@homegroup/core';
import { useId, useRef, useState } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { downloadChartPng } from './chart-png';

export type Indicator = RouterOutputs['outcomes']['dashboard']['indicators'][number];
type Column = Indicator['columns'][number];
type Cell = Indicator['rows'][number]['cells'][string];

const WIDTH = 520;
const HEIGHT = 240;
const COLOURS = ['#2f6f8f', '#c46a2b', '#5b8c3a', '#7b5ea7', '#b0413e', '#3d8c8c', '#8a6d1f'];

/** What one figure means, in one line: "62.5% — 25 of 40 sessions, 9 people". */
export function cellWords(column: Column, cell: Cell | undefined): string {
  if (!cell) return 'nothing counted';
  if (cell.suppressed) return 'fewer than 5 people: hidden';
  if (cell.kind === 'count') return String(cell.n);
  if (cell.value === null) return `nothing to count (n = ${cell.n})`;
  const value = formatCellValue(cell);
  const unit = column.unit === 'days' ? ' days' : column.unit === 'score' ? ' points' : '';
  if (cell.kind === 'mean') return `${value}${unit} — total ${cell.numerator} over n = ${cell.n}`;
  return `${value} — ${cell.numerator} of ${cell.denominator}, n = ${cell.n}`;
}

function IndicatorTooltip({
  active,
  payload,
  label,
  columns,
}: TooltipContentProps & { columns: Column[] }) {
  const row = payload?.[0]?.payload as { cells: Indicator['rows'][number]['cells'] } | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{String(label)}</strong>
      {columns.map((c) => (
        <div key={c.key}>
          {c.label}: {cellWords(c, row.cells[c.key])}
        </div>
      ))}
    </div>
  );
}

/** Rates are charted as percentages; hidden figures leave a gap, never a zero. */
function chartValue(cell: Cell | undefined): number | null {
  if (!cell || cell.value === null) return null;
  return cell.kind === 'rate'
    ? Math.round(cell.value * 1000) / 10
    : Math.round(cell.value * 10) / 10;
}

function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const percent = indicator.columns.filter((c) => c.unit === 'percent');
  const other = indicator.columns.filter((c) => c.unit !== 'percent');
  // Percentages get their own axis on the right when they share a chart with counts.
  const twoAxes = percent.length > 0 && other.length > 0;
  const data = indicator.rows.map((r) => ({
    label: r.label.replace(/^Week of /, ''),
    cells: r.cells,
    ...Object.fromEntries(indicator.columns.map((c) => [c.key, chartValue(r.cells[c.key])])),
  }));
  return (
    <ComposedChart width={WIDTH} height={HEIGHT} data={data}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" fontSize={11} />
      {other.length > 0 && <YAxis yAxisId="count" fontSize={11} width={40} allowDecimals={false} />}
      {percent.length > 0 && (
        <YAxis
          yAxisId="percent"
          orientation={twoAxes ? 'right' : 'left'}
          domain={[0, 100]}
          unit="%"
          fontSize={11}
          width={44}
        />
      )}
      <Tooltip content={(props) => <IndicatorTooltip {...props} columns={indicator.columns} />} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      {indicator.columns.map((c, i) => {
        const axis = c.unit === 'percent' ? 'percent' : 'count';
        const colour = COLOURS[i % COLOURS.length];
        return c.draw === 'line' ? (
          <Line
            key={c.key}
            yAxisId={axis}
            dataKey={c.key}
            name={c.label}
            stroke={colour}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ) : (
          <Bar
            key={c.key}
            yAxisId={axis}
            dataKey={c.key}
            name={c.label}
            fill={colour}
            isAnimationActive={false}
          />
        );
      })}
    </ComposedChart>
  );
}

function IndicatorTable({ indicator }: { indicator: Indicator }) {
  return (
    <table className="table table--compact">
      <thead>
        <tr>
          <th scope="col">Period or group</th>
          {indicator.columns.map((c) => (
            <th key={c.key} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {indicator.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {indicator.columns.map((c) => (
              <td key={c.key}>{cellWords(c, r.cells[c.key])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One indicator: its chart, how it is counted, its figures as a table, and its downloads. */
export function IndicatorCard({
  indicator,
  csvHref,
  fileStem,
}: {
  indicator: Indicator;
  csvHref: string;
  fileStem: string;
}) {
  const headingId = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const [pngError, setPngError] = useState<string | null>(null);
  const empty = indicator.rows.every((r) =>
    indicator.columns.every((c) => {
      const cell = r.cells[c.key];
      return !cell || cell.n === 0;
    }),
  );
  const cells = indicator.rows.flatMap((r) => indicator.columns.map((c) => r.cells[c.key]));
  const hidden = cells.filter((c) => c?.suppressed).length;
  const shownFigures = cells.filter((c) => c && !c.suppressed && c.value !== null).length;
  const allHidden = !empty && hidden > 0 && shownFigures === 0;
  async function savePng() {
    setPngError(null);
    const svg = chartRef.current?.querySelector('.recharts-wrapper > svg.recharts-surface');
    if (!(svg instanceof SVGSVGElement)) return;
    try {
      await downloadChartPng(svg, indicator.title, `${fileStem}-${indicator.id}.png`);
    } catch (e) {
      setPngError(e instanceof Error ? e.message : 'The picture could not be made.');
    }
  }
  return (
    <section
      className="chart-card indicator-card"
      aria-labelledby={headingId}
      data-indicator={indicator.id}
    >
      <h3 id={headingId}>{indicator.title}</h3>
      <p className="muted small">{indicator.question}</p>
      {empty ? (
        <p className="empty-state">Nothing to count for these filters and dates.</p>
      ) : allHidden ? (
        <p className="empty-state">
          Every figure here stands for fewer than 5 people, so all are hidden. Widen the dates or
          remove a filter to see them.
        </p>
      ) : (
        <div
          ref={chartRef}
          className="indicator-chart"
          role="img"
          aria-label={`${indicator.title}: chart; the same figures are in the table below.`}
        >
          <IndicatorChart indicator={indicator} />
        </div>
      )}
      {hidden > 0 && !allHidden && (
        <p className="muted small">
          {hidden === 1 ? 'One figure is' : `${hidden} figures are`} hidden: fewer than 5 people
          stand behind {hidden === 1 ? 'it' : 'them'}. The gaps in the chart are those.
        </p>
      )}
      {indicator.notes.map((n) => (
        <p key={n} className="muted small">
          {n}
        </p>
      ))}
      <details className="chart-table">
        <summary>How it is counted</summary>
        <dl className="definition">
          <dt>Numerator</dt>
          <dd>{indicator.numerator}</dd>
          <dt>Denominator</dt>
          <dd>{indicator.denominator}</dd>
          <dt>n</dt>
          <dd>{indicator.n}</dd>
          <dt>Good to know</dt>
          <dd>{indicator.caveats}</dd>
        </dl>
      </details>
      <details className="chart-table">
        <summary>Show the figures as a table</summary>
        <IndicatorTable indicator={indicator} />
      </details>
      <div className="button-row">
        <a className="button" href={csvHref} download>
          Download CSV
        </a>
        {!empty && !allHidden && (
          <button type="button" className="button" onClick={savePng}>
            Download PNG
          </button>
        )}
      </div>
      {pngError && (
        <p className="field-error" role="alert">
          {pngError}
        </p>
      )}
    </section>
  );
}
