import type { RouterOutputs } from '@homegroup/api';
import { ASSESSMENT_OCCASIONS, type AssessmentOccasion } from '@homegroup/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { errorInfo } from '../lib/errors';
import { formatDate, formatShortDate } from '../lib/format';
import { useTRPC } from '../trpc';
import { AssessmentForm } from './assessment-form';
import './assessments.css';

type Outcomes = RouterOutputs['assessments']['clientOutcomes'];
type Instrument = Outcomes['instruments'][number];
type Point = Instrument['points'][number];

/** Room right of the plot for the cut-off lines' labels, so no point or line ever covers one. */
const LABEL_WIDTH = 142;
const HEIGHT = 240;
const BRAND = '#1f5f5b';
const DANGER = '#9f1d1d';
/** One colour per BAM subscale, the same for its line and its cut-off line. */
const SERIES_COLOURS = ['#b45309', DANGER, BRAND, '#1d4f80'];

function occasionText(occasion: string) {
  return (ASSESSMENT_OCCASIONS[occasion as AssessmentOccasion] ?? occasion).toLowerCase();
}

function points(n: number) {
  return `${n} ${Math.abs(n) === 1 ? 'point' : 'points'}`;
}

/** "up 14 points since admission (34 → 48): better" */
function changeWords(
  name: string,
  from: number | null,
  to: number | null,
  change: number | null,
  direction: string | null,
  since: string,
) {
  if (from === null || to === null || change === null) return null;
  if (change === 0) return `${name} unchanged ${since} (${from} → ${to})`;
  const verdict = direction === 'better' ? 'better' : direction === 'worse' ? 'worse' : '';
  return `${name} ${change > 0 ? 'up' : 'down'} ${points(Math.abs(change))} ${since} (${from} → ${to})${verdict ? `: ${verdict}` : ''}`;
}

/** The change from the first score (at admission when there was one) to the latest, in words. */
function changeLines(inst: Instrument): { text: string; direction: string | null }[] {
  const c = inst.change;
  if (!c) return [];
  const first = inst.points.find((p) => p.occasion === 'admission') ?? inst.points[0];
  const latest = inst.points[inst.points.length - 1];
  if (!first || !latest) return [];
  const since =
    c.from.occasion === 'admission' ? 'since admission' : `since ${formatDate(c.from.on)}`;
  if (inst.total) {
    const text = changeWords(
      inst.shortName,
      first.total,
      latest.total,
      c.total.change,
      c.total.direction,
      since,
    );
    return text ? [{ text, direction: c.total.direction }] : [];
  }
  return c.subscales.flatMap((s) => {
    const text = changeWords(
      `${inst.shortName} ${s.label}`,
      first.subscales[s.id] ?? null,
      latest.subscales[s.id] ?? null,
      s.change,
      s.direction,
      since,
    );
    return text ? [{ text, direction: s.direction }] : [];
  });
}

function scoreText(inst: Instrument, p: Point) {
  if (inst.total) return p.total === null ? '—' : `${p.total} of ${inst.total.max}`;
  return inst.subscales.map((s) => `${s.label} ${p.subscales[s.id] ?? '—'}`).join(', ');
}

function PointTooltip({ active, payload, inst }: TooltipContentProps & { inst: Instrument }) {
  const p = payload?.[0]?.payload as Point | undefined;
  if (!active || !p) return null;
  return (
    <div className="chart-tooltip">
      <strong>{formatDate(p.administeredOn)}</strong>
      <div>{ASSESSMENT_OCCASIONS[p.occasion as AssessmentOccasion] ?? p.occasion}</div>
      <div>
        {inst.shortName}: {scoreText(inst, p)}
        {p.band ? ` · ${p.band}` : ''}
      </div>
      <div>Given by {p.administeredBy}</div>
      {p.safetyConcern && <div className="assess-danger">Safety concern in the answers</div>}
    </div>
  );
}

/** A dot per score; a larger red ringed one where the answers raised a safety concern. */
function ScoreDot(props: { cx?: number; cy?: number; payload?: Point; stroke?: string }) {
  const { cx, cy, payload, stroke } = props;
  if (cx === undefined || cy === undefined) return <g />;
  if (payload?.safetyConcern) {
    return (
      <g>
        <circle cx={cx} cy={cy} r={9} fill="#fff" stroke={DANGER} strokeWidth={3} />
        <circle cx={cx} cy={cy} r={4} fill={DANGER} />
      </g>
    );
  }
  return <circle cx={cx} cy={cy} r={4} fill={stroke ?? BRAND} stroke="#fff" strokeWidth={1} />;
}

function yDomain(inst: Instrument): [number, number] {
  if (inst.total) return [inst.total.min, inst.total.max];
  const highest = Math.max(
    4,
    ...inst.cutOffLines.map((l) => l.score),
    ...inst.points.flatMap((p) => Object.values(p.subscales)),
  );
  return [0, Math.ceil((highest + 2) / 4) * 4];
}

/** Round-number ticks across the range, ending on its top (27, not 25 and 27 side by side). */
function yTicks([min, max]: [number, number]) {
  const step = [1, 2, 5, 10, 20].find((s) => (max - min) / s <= 6) ?? 20;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max; t += step) ticks.push(t);
  if (ticks[0] !== min) ticks.unshift(min);
  const last = ticks[ticks.length - 1] ?? max;
  if (last !== max) {
    if (max - last < step / 2) ticks.pop();
    ticks.push(max);
  }
  return ticks;
}

/** A label in lines of at most `width` characters, broken between words. */
function wrap(text: string, width: number) {
  const lines: string[] = [];
  // "(≥ 12)" stays on one line.
  for (const word of text.replace(/([≤≥]) /g, '$1\u00a0').split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(word);
  }
  return lines;
}

/**
 * A cut-off line's label, in the margin right of the plot at the line's height. Two lines at one
 * score (BAM Risk and Protective at 12) put one label above and one below.
 */
function CutOffLabel({
  viewBox,
  text,
  colour,
  place,
}: {
  viewBox?: { x?: number; y?: number; width?: number };
  text: string;
  colour: string;
  place: 'centre' | 'above' | 'below';
}) {
  const x = (viewBox?.x ?? 0) + (viewBox?.width ?? 0) + 6;
  const y = viewBox?.y ?? 0;
  const lines = wrap(text, 22);
  const LINE = 12;
  const top =
    place === 'above'
      ? y - 3 - (lines.length - 1) * LINE
      : place === 'below'
        ? y + LINE + 1
        : y + 4 - ((lines.length - 1) * LINE) / 2;
  return (
    <text x={x} y={top} fontSize={11} fill={colour}>
      {lines.map((line, i) => (
        <tspan key={line} x={x} dy={i === 0 ? 0 : LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function OutcomeChart({ inst }: { inst: Instrument }) {
  const byId = new Map(inst.points.map((p) => [p.id, p]));
  const tick = (id: string) => {
    const p = byId.get(id);
    return p ? formatShortDate(p.administeredOn) : '';
  };
  const series = inst.total
    ? [{ key: 'total', label: `${inst.shortName} total`, colour: BRAND }]
    : inst.subscales.map((s, i) => ({
        key: s.id,
        label: s.label,
        colour: SERIES_COLOURS[i] ?? BRAND,
      }));
  const data = inst.points.map((p) => ({ ...p, ...p.subscales }));
  const domain = yDomain(inst);
  return (
    <ResponsiveContainer width="100%" height={HEIGHT} minWidth={360}>
      <LineChart data={data} margin={{ top: 14, right: LABEL_WIDTH, bottom: 4 }}>
        <CartesianGrid vertical={false} stroke="#e3e9e9" />
        <XAxis
          dataKey="id"
          tickFormatter={tick}
          fontSize={12}
          interval={data.length <= 8 ? 0 : 'preserveStartEnd'}
        />
        <YAxis domain={domain} ticks={yTicks(domain)} fontSize={12} width={30} />
        <Tooltip content={(props) => <PointTooltip {...props} inst={inst} />} />
        {series.length > 1 && <Legend />}
        {inst.cutOffLines.map((line, i) => {
          const colour = line.subscale
            ? (series.find((s) => s.key === line.subscale)?.colour ?? '#55666a')
            : '#55666a';
          return (
            <ReferenceLine
              key={`${line.subscale ?? 'total'}-${line.score}`}
              y={line.score}
              stroke={colour}
              strokeDasharray="5 4"
              ifOverflow="extendDomain"
              label={
                <CutOffLabel
                  text={line.label}
                  colour={colour}
                  place={
                    inst.cutOffLines.slice(0, i).some((o) => o.score === line.score)
                      ? 'below'
                      : inst.cutOffLines.slice(i + 1).some((o) => o.score === line.score)
                        ? 'above'
                        : 'centre'
                  }
                />
              }
            />
          );
        })}
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.colour}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
            dot={(props) => <ScoreDot key={`${s.key}-${props.index}`} {...props} />}
            activeDot={{ r: 6 }}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

function PointsTable({ inst }: { inst: Instrument }) {
  return (
    <table className="table table--compact">
      <caption>{inst.shortName} scores, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">When</th>
          {inst.total ? (
            <th scope="col">Score</th>
          ) : (
            inst.subscales.map((s) => (
              <th key={s.id} scope="col">
                {s.label}
              </th>
            ))
          )}
          {inst.total && <th scope="col">Meaning</th>}
          <th scope="col">Given by</th>
          <th scope="col">Safety</th>
        </tr>
      </thead>
      <tbody>
        {inst.points.map((p) => (
          <tr key={p.id} className={p.safetyConcern ? 'assess-row--safety' : undefined}>
            <th scope="row">{formatDate(p.administeredOn)}</th>
            <td>{ASSESSMENT_OCCASIONS[p.occasion as AssessmentOccasion] ?? p.occasion}</td>
            {inst.total ? (
              <td>{p.total ?? '—'}</td>
            ) : (
              inst.subscales.map((s) => <td key={s.id}>{p.subscales[s.id] ?? '—'}</td>)
            )}
            {inst.total && <td>{p.band ?? '—'}</td>}
            <td>{p.administeredBy}</td>
            <td>{p.safetyConcern ? <strong className="assess-danger">Concern</strong> : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InstrumentCard({ inst }: { inst: Instrument }) {
  const id = useId();
  const latest = inst.points[inst.points.length - 1];
  const changes = changeLines(inst);
  const anySafety = inst.points.some((p) => p.safetyConcern);
  return (
    <section className="chart-card assess-card" aria-labelledby={id}>
      <h3 id={id}>
        {inst.shortName} <span className="muted assess-card__name">{inst.name}</span>
      </h3>
      <p className="muted small">
        {inst.measures}{' '}
        {inst.total
          ? inst.higherIsBetter
            ? 'Higher is better.'
            : 'Lower is better.'
          : 'Lower Use and Risk are better; higher Protective is better.'}
        {!inst.enabled && ' Switched off at this facility: past scores are kept.'}
      </p>
      {latest && (
        <p className="assess-latest">
          Latest: <strong>{scoreText(inst, latest)}</strong>
          {latest.band ? <strong> · {latest.band}</strong> : ''}{' '}
          <span className="muted">
            on {formatDate(latest.administeredOn)}, {occasionText(latest.occasion)}
          </span>
        </p>
      )}
      {changes.length > 0 ? (
        <ul className="assess-changes">
          {changes.map((c) => (
            <li key={c.text} className={`assess-change assess-change--${c.direction ?? 'none'}`}>
              {c.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">One score so far: the change shows from the second.</p>
      )}
      <div aria-hidden="true">
        <OutcomeChart inst={inst} />
      </div>
      {anySafety && (
        <p className="small">
          <span className="assess-key" aria-hidden="true" /> Red ringed point: the answers raised a
          safety concern.
        </p>
      )}
      <details className="chart-table">
        <summary>Show the scores as a table</summary>
        <PointsTable inst={inst} />
      </details>
    </section>
  );
}

/**
 * A client's assessment scores over time, one chart per instrument with its cut-off lines and
 * the change since admission in words, and the form to give another assessment.
 */
export function ClientOutcomesPanel({
  clientId,
  occasion,
  followUpTaskId,
}: {
  clientId: string;
  occasion?: AssessmentOccasion;
  followUpTaskId?: string | undefined;
}) {
  const trpc = useTRPC();
  const data = useQuery(trpc.assessments.clientOutcomes.queryOptions({ clientId }));
  const [giving, setGiving] = useState(false);
  const [opened, setOpened] = useState(false);
  const titleId = useId();
  const given = data.data?.instruments.filter((i) => i.points.length > 0) ?? [];
  const notYet = data.data?.instruments.filter((i) => i.points.length === 0 && i.enabled) ?? [];
  return (
    <section className="panel assess-panel" aria-labelledby={titleId}>
      <div className="assess-panel__head">
        <h2 id={titleId}>Assessments and outcomes</h2>
        {!giving && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setOpened(true);
              setGiving(true);
            }}
          >
            Give an assessment
          </button>
        )}
      </div>
      {/* Closing only hides the form: opened again, it has the answers given so far. */}
      {opened && (
        <div hidden={!giving}>
          <AssessmentForm
            clientId={clientId}
            occasion={occasion}
            followUpTaskId={followUpTaskId}
            onClose={() => setGiving(false)}
          />
        </div>
      )}
      {data.isPending && <p role="status">Loading the scores…</p>}
      {data.isError && (
        <p className="alert" role="alert">
          {errorInfo(data.error).message}
        </p>
      )}
      {data.data && given.length === 0 && (
        <p className="empty-state">
          No assessments yet. Give one to start this client’s chart; the change since admission
          shows from the second score.
        </p>
      )}
      {given.length > 0 && (
        <div className="chart-grid">
          {given.map((inst) => (
            <InstrumentCard key={inst.code} inst={inst} />
          ))}
        </div>
      )}
      {given.length > 0 && notYet.length > 0 && (
        <p className="muted small">Not given yet: {notYet.map((i) => i.shortName).join(', ')}.</p>
      )}
    </section>
  );
}
