import { changeSince, type InstrumentCode } from '@homegroup/core';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { assessableClient } from './assessable-client';
import { facilityInstruments } from './instrument-settings';

/**
 * A client's scores over time, one series per instrument, with the instrument's cut-off lines and
 * the change from the first score at admission (or the first score, when none was given then) to
 * the latest. The read is audited.
 */
export async function clientOutcomes(ctx: Context, staff: StaffContext, clientId: string) {
  const client = await assessableClient(ctx, staff, clientId);
  const [instruments, rows] = await Promise.all([
    facilityInstruments(ctx.db, staff.facility.id),
    ctx.db
      .selectFrom('assessments as a')
      .innerJoin('staffUsers as u', 'u.id', 'a.administeredBy')
      .select([
        'a.id',
        'a.instrumentCode',
        'a.occasion',
        'a.administeredOn',
        'a.totalScore',
        'a.subscaleScores',
        'a.band',
        'a.safetyConcern',
        'u.displayName as administeredBy',
      ])
      .where('a.clientId', '=', client.id)
      .where('a.facilityId', '=', staff.facility.id)
      .orderBy('a.administeredOn')
      .orderBy('a.recordedAt')
      .execute(),
  ]);
  await recordStaffAction(ctx, staff, ctx.db, {
    action: 'read',
    entityType: 'assessment',
    clientId: client.id,
    detail: { view: 'client_outcomes', assessments: rows.length },
  });
  const byCode = new Map<InstrumentCode, typeof rows>();
  for (const r of rows) byCode.set(r.instrumentCode, [...(byCode.get(r.instrumentCode) ?? []), r]);

  return {
    client: {
      id: client.id,
      status: client.status,
      admissionDate: client.admissionDate,
      dischargeDate: client.dischargeDate,
    },
    instruments: instruments
      .filter((i) => i.enabled || byCode.has(i.definition.code))
      .map(({ definition: d, enabled }) => {
        const points = byCode.get(d.code) ?? [];
        const first = points.find((p) => p.occasion === 'admission') ?? points[0];
        const latest = points[points.length - 1];
        const subscale = (id: string) => (p: (typeof points)[number]) =>
          p.subscaleScores[id] ?? null;
        return {
          code: d.code,
          name: d.name,
          shortName: d.shortName,
          measures: d.measures,
          enabled,
          total: d.total,
          higherIsBetter: d.higherIsBetter,
          cutOffLines: d.cutOffLines,
          subscales: d.subscales.map((s) => ({ id: s.id, label: s.label, flag: s.flag ?? null })),
          points: points.map((p) => ({
            id: p.id,
            administeredOn: p.administeredOn,
            occasion: p.occasion,
            total: p.totalScore,
            subscales: p.subscaleScores,
            band: p.band,
            safetyConcern: p.safetyConcern,
            administeredBy: p.administeredBy,
          })),
          change:
            first && latest && first !== latest
              ? {
                  from: { on: first.administeredOn, occasion: first.occasion },
                  to: { on: latest.administeredOn, occasion: latest.occasion },
                  total: changeSince(first.totalScore, latest.totalScore, d.higherIsBetter),
                  subscales: d.subscales.map((s) => ({
                    id: s.id,
                    label: s.label,
                    ...changeSince(
                      subscale(s.id)(first),
                      subscale(s.id)(latest),
                      // On BAM, only the protective subscale is better higher.
                      s.flag?.when === 'at_most',
                    ),
                  })),
                }
              : null,
        };
      }),
  };
}
