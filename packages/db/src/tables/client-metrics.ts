import type { FlagRule } from '@homegroup/core';
import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * A client's engagement figures as of a date, computed by `engagementSummary` in
 * `@homegroup/core` and stored so lists can sort and filter in SQL. Never written by SQL alone.
 */
export interface ClientMetricsTable {
  clientId: string;
  facilityId: string;
  /** YYYY-MM-DD in the facility's time zone: the figures describe the windows ending that day. */
  asOf: string;
  attended: number;
  expected: number;
  attendanceRate: number | null;
  shared: number;
  participationRecorded: number;
  participationRate: number | null;
  rated: number;
  meanEngagement: number | null;
  engagementTrend: number | null;
  lastAttended: string | null;
  flags: FlagRule[];
  computedAt: Generated<Date>;
}
export type ClientMetrics = Selectable<ClientMetricsTable>;
export type NewClientMetrics = Insertable<ClientMetricsTable>;
