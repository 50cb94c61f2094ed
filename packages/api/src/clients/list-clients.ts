import type { Client } from '@homegroup/db';
import type { ClientsListInput, Page } from '@homegroup/validators';
import { sql } from 'kysely';
import { recordAudit } from '../audit';
import type { Context, StaffContext } from '../context';
import { containsPattern } from '../like-pattern';
import { CLIENT_SUMMARY_COLUMNS } from './client-columns';

export type ClientListRow = Pick<Client, (typeof CLIENT_SUMMARY_COLUMNS)[number]>;

/** One page of the facility's clients, by last name. Showing names is a read: it is audited. */
export async function listClients(
  ctx: Context,
  staff: StaffContext,
  input: ClientsListInput,
): Promise<Page<ClientListRow>> {
  let query = ctx.db.selectFrom('clients').where('facilityId', '=', staff.facility.id);
  if (input.status) query = query.where('status', '=', input.status);
  if (input.search) {
    const pattern = containsPattern(input.search);
    query = query.where((eb) =>
      eb.or([
        eb('firstName', 'ilike', pattern),
        eb('lastName', 'ilike', pattern),
        eb('preferredName', 'ilike', pattern),
        eb('recordNumber', 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .select(CLIENT_SUMMARY_COLUMNS)
      .orderBy('lastName')
      .orderBy('firstName')
      .orderBy('recordNumber')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  await recordAudit(ctx.db, {
    action: 'read',
    entityType: 'client_list',
    actorStaffUserId: staff.userId,
    facilityId: staff.facility.id,
    outcome: 'success',
    sourceIp: ctx.request.ip,
    detail: { clientIds: rows.map((r) => r.id), page: input.page },
  });
  return { rows, rowCount: count.n };
}
