import { rosterName } from '@homegroup/core';
import { sql } from 'kysely';
import type { Context, StaffContext } from '../context';
import { containsPattern } from '../like-pattern';

/**
 * People at the facility matching a name, for adding to a roster or as a walk-in. Shows what a
 * roster shows (preferred name, last initial) and nothing clinical.
 */
export async function searchPeople(ctx: Context, staff: StaffContext, q: string) {
  const pattern = containsPattern(q);
  const match = (first: string, last: string, preferred: string) =>
    sql<boolean>`(${sql.ref(first)} ilike ${pattern} or ${sql.ref(last)} ilike ${pattern} or ${sql.ref(preferred)} ilike ${pattern})`;
  const [clients, family] = await Promise.all([
    ctx.db
      .selectFrom('clients')
      .select(['id', 'firstName', 'lastName', 'preferredName', 'status'])
      .where('facilityId', '=', staff.facility.id)
      .where(match('firstName', 'lastName', 'preferredName'))
      .orderBy('lastName')
      .limit(15)
      .execute(),
    ctx.db
      .selectFrom('familyMembers')
      .select(['id', 'firstName', 'lastName', 'preferredName', 'relationship'])
      .where('facilityId', '=', staff.facility.id)
      .where(match('firstName', 'lastName', 'preferredName'))
      .orderBy('lastName')
      .limit(10)
      .execute(),
  ]);
  return [
    ...clients.map((c) => ({
      person: { clientId: c.id } as const,
      name: rosterName(c),
      detail: c.status === 'alumni' ? 'Alumni' : 'Client',
    })),
    ...family.map((f) => ({
      person: { familyMemberId: f.id } as const,
      name: rosterName(f),
      detail: `Family (${f.relationship})`,
    })),
  ];
}
