import { csvLine, dateInTimeZone } from '@homegroup/core';
import type { Db } from '@homegroup/db';
import { clientIdInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import { withAccess } from '../auth/require-access';
import type { Context, StaffContext } from '../context';
import { AppError } from '../errors';
import { alumniClient } from './alumni-client';

export function disclosureRows(db: Db, staff: StaffContext, clientId: string) {
  return db
    .selectFrom('disclosures as d')
    .innerJoin('consents as c', 'c.id', 'd.consentId')
    .innerJoin('staffUsers as s', 's.id', 'd.madeBy')
    .select([
      'd.id',
      'd.disclosedOn',
      'd.recipientName',
      'd.information',
      'd.purpose',
      'd.notice',
      'd.consentId',
      'c.signedOn as consentSignedOn',
      'c.recipientName as consentRecipient',
      's.displayName as madeBy',
      'd.recordedAt',
    ])
    .where('d.clientId', '=', clientId)
    .where('d.facilityId', '=', staff.facility.id)
    .orderBy('d.disclosedOn', 'desc')
    .orderBy('d.recordedAt', 'desc')
    .execute();
}

const HEADER = [
  'Date',
  'Disclosed to',
  'Information disclosed',
  'Purpose',
  'Made by',
  'Consent signed on',
  'Consent names',
  'Consent id',
  'Notice given',
];

/**
 * The disclosure log of one client as CSV (the accounting a client may ask for), behind
 * `/export/disclosures.csv`. Same session and role checks as the procedures; the export is audited.
 */
export async function disclosureLogDownload(ctx: Context, query: Record<string, unknown>) {
  return withAccess(ctx, 'export.disclosuresCsv', async (staff) => {
    const parsed = clientIdInput.safeParse(query);
    if (!parsed.success) {
      throw new AppError(
        'BAD_INPUT',
        parsed.error.issues[0]?.message ?? 'That is not a client link.',
      );
    }
    const client = await alumniClient(ctx.db, staff, parsed.data.clientId);
    const rows = await disclosureRows(ctx.db, staff, client.id);
    await recordStaffAction(ctx, staff, ctx.db, {
      action: 'export',
      entityType: 'disclosure_log',
      entityId: client.id,
      clientId: client.id,
      detail: { rows: rows.length },
    });
    const lines = [
      csvLine(HEADER),
      ...rows.map((r) =>
        csvLine([
          r.disclosedOn,
          r.recipientName,
          r.information,
          r.purpose,
          r.madeBy,
          r.consentSignedOn,
          r.consentRecipient,
          r.consentId,
          r.notice,
        ]),
      ),
    ];
    const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
    return {
      filename: `disclosures-${client.recordNumber}-${today}.csv`,
      chunks: [lines.join('')],
    };
  });
}
