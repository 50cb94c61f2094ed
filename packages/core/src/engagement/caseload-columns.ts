import { LEVELS_OF_CARE } from '../clients/vocabulary';
import type { IsoDate } from '../dates';
import { FLAG_RULES, type FlagRule } from './flags';
import type { Ratio } from './measures';

/** One caseload row as the server sends it: figures with their parts, nothing pre-formatted. */
export interface CaseloadRow {
  clientId: string;
  name: string;
  recordNumber: string;
  status: 'in_treatment' | 'alumni';
  counselorName: string | null;
  levelOfCare: string | null;
  daysInTreatment: number;
  attendance: Ratio;
  participation: Ratio;
  engagement: Ratio;
  engagementTrend: number | null;
  lastAttended: IsoDate | null;
  daysSober: number | null;
  flags: { rule: FlagRule; acknowledged: boolean }[];
}

export function percentText(r: Ratio): string {
  return r.value === null ? '—' : `${Math.round(r.value * 100)} %`;
}

export function trendText(change: number | null): string {
  if (change === null) return '—';
  if (change === 0) return 'Steady';
  return `${change > 0 ? 'Up' : 'Down'} ${Math.abs(change).toFixed(1)}`;
}

/**
 * The caseload's columns: the header and the text of each cell. The table on screen and the CSV
 * export both use these, so an export holds exactly what is shown.
 */
export const CASELOAD_COLUMNS: { key: string; header: string; text: (r: CaseloadRow) => string }[] =
  [
    { key: 'name', header: 'Name', text: (r) => r.name },
    { key: 'recordNumber', header: 'Record', text: (r) => r.recordNumber },
    { key: 'counselor', header: 'Counselor', text: (r) => r.counselorName ?? 'Unassigned' },
    {
      key: 'levelOfCare',
      header: 'Level of care',
      text: (r) =>
        r.levelOfCare
          ? (LEVELS_OF_CARE[r.levelOfCare as keyof typeof LEVELS_OF_CARE] ?? r.levelOfCare)
          : '—',
    },
    { key: 'daysInTreatment', header: 'Days in treatment', text: (r) => String(r.daysInTreatment) },
    {
      key: 'attendanceRate',
      header: 'Attendance (14 days)',
      text: (r) =>
        r.attendance.value === null
          ? '—'
          : `${percentText(r.attendance)} (${r.attendance.numerator} of ${r.attendance.denominator})`,
    },
    {
      key: 'participationRate',
      header: 'Shared',
      text: (r) =>
        r.participation.value === null
          ? '—'
          : `${percentText(r.participation)} (${r.participation.numerator} of ${r.participation.denominator})`,
    },
    {
      key: 'meanEngagement',
      header: 'Engagement',
      text: (r) => (r.engagement.value === null ? '—' : r.engagement.value.toFixed(1)),
    },
    { key: 'engagementTrend', header: 'Trend', text: (r) => trendText(r.engagementTrend) },
    { key: 'lastAttended', header: 'Last attended', text: (r) => r.lastAttended ?? 'Never' },
    {
      key: 'daysSober',
      header: 'Days sober',
      text: (r) => (r.daysSober === null ? '—' : String(r.daysSober)),
    },
    {
      key: 'flags',
      header: 'Flags',
      text: (r) =>
        r.flags
          .map((f) => `${FLAG_RULES[f.rule]}${f.acknowledged ? ' (acknowledged)' : ''}`)
          .join('; '),
    },
  ];

/** One CSV field: quoted, and a leading = + - @ neutralised so a spreadsheet never runs it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
