import type { RouterOutputs } from '@homegroup/api';
import { percentText } from '@homegroup/core';
import { type ReactNode, useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDate, formatShortDate } from '../lib/format';

type Charts = RouterOutputs['clients']['page']['charts'];
type Week = Charts['weeks'][number];

/** A chart with a heading, an honest empty state, and the same figures as a table for screen readers. */
function ChartCard(props: {
  title: string;
  summary: string;
  empty: string | null;
  chart: ReactNode;
  table: ReactNode;
}) {
  const id = useId();
  return (
    <section className="chart-card" aria-labelledby={id}>
      <h3 id={id}>{props.title}</h3>
      <p className="muted small">{props.summary}</p>
      {props.empty ? (
        <p className="empty-state">{props.empty}</p>
      ) : (
        <>
          <div aria-hidden="true">{props.chart}</div>
          <details className="chart-table">
            <summary>Show the figures as a table</summary>
            {props.table}
          </details>
        </>
      )}
    </section>
  );
}

function WeekTooltip({ active, payload, label }: TooltipContentProps) {
  const week = payload?.[0]?.payload as Week | undefined;
  if (!active || !week) return null;
  return (
    <div className="chart-tooltip">
      <strong>Week of {formatShortDate(String(label))}</strong>
      <div>
        Attended {week.attendance.numerator} of {week.attendance.denominator} sessions expected (
        {percentText(week.attendance)})
      </div>
      {week.excused > 0 && <div>{week.excused} excused</div>}
      {week.cancelled > 0 && <div>{week.cancelled} cancelled (not counted)</div>}
      <div>
        Engagement{' '}
        {week.engagement.value === null
          ? 'not rated'
          : `${week.engagement.value.toFixed(1)} from ${week.engagement.denominator} ratings`}
      </div>
      <div>
        Shared {week.shared}, listened {week.listened}
      </div>
    </div>
  );
}

type WeekRow = ReturnType<typeof toRows>[number];

function toRows(charts: Charts) {
  return charts.weeks.map((w) => ({
    ...w,
    rating: w.engagement.value,
    expected: w.attendance.denominator,
    attended: w.attendance.numerator,
  }));
}

/** The figures behind a weekly chart, one row per week, for screen readers and for checking. */
function WeekTable({
  caption,
  rows,
  columns,
}: {
  caption: string;
  rows: WeekRow[];
  columns: [string, (w: WeekRow) => string | number][];
}) {
  return (
    <table className="table table--compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Week of</th>
          {columns.map(([header]) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((w) => (
          <tr key={w.weekStart}>
            <th scope="row">{formatDate(w.weekStart)}</th>
            {columns.map(([header, value]) => (
              <td key={header}>{value(w)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const WIDTH = 460;
const HEIGHT = 220;

export function EngagementCharts({ charts, name }: { charts: Charts; name: string }) {
  const weeks = toRows(charts);
  const anyExpected = weeks.some((w) => w.expected > 0);
  const anyRating = weeks.some((w) => w.rating !== null);
  const anySharing = weeks.some((w) => w.shared + w.listened > 0);
  const noSessions = `No group sessions were expected of ${name} in these 12 weeks.`;

  return (
    <div className="chart-grid">
      <ChartCard
        title="Attendance each week"
        summary="Sessions attended (present, late or left early) against sessions expected and held. Cancelled sessions count in neither."
        empty={anyExpected ? null : noSessions}
        chart={
          <BarChart width={WIDTH} height={HEIGHT} data={weeks} barGap={0}>
            <CartesianGrid vertical={false} stroke="#e3e9e9" />
            <XAxis dataKey="weekStart" tickFormatter={formatShortDate} fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} width={30} />
            <Tooltip content={WeekTooltip} />
            <Legend />
            <Bar dataKey="expected" name="Expected" fill="#9fb3b0" isAnimationActive={false} />
            <Bar dataKey="attended" name="Attended" fill="#1f5f5b" isAnimationActive={false} />
          </BarChart>
        }
        table={
          <WeekTable
            caption={`Attendance by week for ${name}`}
            rows={weeks}
            columns={[
              ['Attended', (w) => w.attended],
              ['Expected', (w) => w.expected],
              ['Rate', (w) => percentText(w.attendance)],
              ['Excused', (w) => w.excused],
              ['Cancelled', (w) => w.cancelled],
            ]}
          />
        }
      />
      <ChartCard
        title="Engagement rating"
        summary="Mean of the monitors’ 1–5 ratings each week, over the sessions attended and rated."
        empty={anyRating ? null : `No engagement ratings for ${name} in these 12 weeks.`}
        chart={
          <LineChart width={WIDTH} height={HEIGHT} data={weeks}>
            <CartesianGrid vertical={false} stroke="#e3e9e9" />
            <XAxis dataKey="weekStart" tickFormatter={formatShortDate} fontSize={12} />
            <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} fontSize={12} width={30} />
            <Tooltip content={WeekTooltip} />
            <Line
              dataKey="rating"
              name="Mean rating"
              stroke="#1f5f5b"
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        }
        table={
          <WeekTable
            caption={`Engagement by week for ${name}`}
            rows={weeks}
            columns={[
              ['Mean rating', (w) => (w.rating === null ? '—' : w.rating.toFixed(1))],
              ['Ratings', (w) => w.engagement.denominator],
            ]}
          />
        }
      />
      <ChartCard
        title="Shared or listened"
        summary="Sharing is voluntary: listening is a normal way to take part."
        empty={anySharing ? null : `Sharing was not recorded for ${name} in these 12 weeks.`}
        chart={
          <BarChart width={WIDTH} height={HEIGHT} data={weeks}>
            <CartesianGrid vertical={false} stroke="#e3e9e9" />
            <XAxis dataKey="weekStart" tickFormatter={formatShortDate} fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} width={30} />
            <Tooltip content={WeekTooltip} />
            <Legend />
            <Bar
              dataKey="shared"
              name="Shared"
              stackId="p"
              fill="#1f5f5b"
              isAnimationActive={false}
            />
            <Bar
              dataKey="listened"
              name="Listened"
              stackId="p"
              fill="#8fb8b3"
              isAnimationActive={false}
            />
          </BarChart>
        }
        table={
          <WeekTable
            caption={`Sharing by week for ${name}`}
            rows={weeks}
            columns={[
              ['Shared', (w) => w.shared],
              ['Listened', (w) => w.listened],
            ]}
          />
        }
      />
      <Heatmap charts={charts} name={name} empty={anyExpected ? null : noSessions} />
    </div>
  );
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function dayClass(d: Charts['days'][number]) {
  if (d.future) return 'heat heat--future';
  if (d.expected === 0) return 'heat heat--none';
  if (d.attended === 0) return 'heat heat--missed';
  return d.attended >= d.expected ? 'heat heat--full' : 'heat heat--part';
}

function dayText(d: Charts['days'][number]) {
  if (d.future) return `${formatDate(d.date)}: still to come`;
  if (d.expected === 0) return `${formatDate(d.date)}: no session expected`;
  return `${formatDate(d.date)}: attended ${d.attended} of ${d.expected}`;
}

/** The last 12 weeks as a calendar, a row per week, Monday first. */
function Heatmap({ charts, name, empty }: { charts: Charts; name: string; empty: string | null }) {
  const weeks = charts.weeks.map((w, i) => ({
    week: w,
    days: charts.days.slice(i * 7, i * 7 + 7),
  }));
  return (
    <ChartCard
      title="Calendar, last 12 weeks"
      summary="Each square is a day: dark when every expected session was attended, light when some were, red when none were."
      empty={empty}
      chart={
        <div className="heatmap">
          <div className="heatmap__row heatmap__head">
            <span />
            {WEEKDAYS.map((d) => (
              <span key={d}>{d}</span>
            ))}
          </div>
          {weeks.map(({ week, days }) => (
            <div className="heatmap__row" key={week.weekStart}>
              <span className="heatmap__label">{formatShortDate(week.weekStart)}</span>
              {days.map((d) => (
                <span key={d.date} className={dayClass(d)} title={dayText(d)} />
              ))}
            </div>
          ))}
        </div>
      }
      table={
        <table className="table table--compact">
          <caption>Sessions attended by day for {name}, days with a session expected</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Attended</th>
              <th scope="col">Expected</th>
            </tr>
          </thead>
          <tbody>
            {charts.days
              .filter((d) => d.expected > 0)
              .map((d) => (
                <tr key={d.date}>
                  <th scope="row">{formatDate(d.date)}</th>
                  <td>{d.attended}</td>
                  <td>{d.expected}</td>
                </tr>
              ))}
          </tbody>
        </table>
      }
    />
  );
}
