import { rosterName } from '@homegroup/core';
import type { Db } from '@homegroup/db';
import type { PersonRef } from '@homegroup/validators';
import { AppError } from '../errors';

export interface ResolvedPerson {
  kind: 'client' | 'family';
  id: string;
  clientId: string | null;
  familyMemberId: string | null;
  rosterName: string;
  /** Clients only */
  status: 'in_treatment' | 'alumni' | null;
  dateOfBirth: string | null;
}

export const PERSON_NOT_FOUND = 'No client or family member with that link at this facility.';

/** The person a reference names, if they belong to the facility; "not found" otherwise. */
export async function resolvePerson(
  db: Db,
  facilityId: string,
  ref: PersonRef,
): Promise<ResolvedPerson> {
  if ('clientId' in ref) {
    const c = await db
      .selectFrom('clients')
      .select(['id', 'firstName', 'lastName', 'preferredName', 'status', 'dateOfBirth'])
      .where('id', '=', ref.clientId)
      .where('facilityId', '=', facilityId)
      .executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND', PERSON_NOT_FOUND);
    return {
      kind: 'client',
      id: c.id,
      clientId: c.id,
      familyMemberId: null,
      rosterName: rosterName(c),
      status: c.status,
      dateOfBirth: c.dateOfBirth,
    };
  }
  const f = await db
    .selectFrom('familyMembers')
    .select(['id', 'firstName', 'lastName', 'preferredName', 'dateOfBirth'])
    .where('id', '=', ref.familyMemberId)
    .where('facilityId', '=', facilityId)
    .executeTakeFirst();
  if (!f) throw new AppError('NOT_FOUND', PERSON_NOT_FOUND);
  return {
    kind: 'family',
    id: f.id,
    clientId: null,
    familyMemberId: f.id,
    rosterName: rosterName(f),
    status: null,
    dateOfBirth: f.dateOfBirth,
  };
}

/** Why this person cannot join a group meant for `audiences` with `minAge`, or null. */
export function eligibilityProblem(
  person: ResolvedPerson,
  group: { audiences: readonly string[]; minAge: number | null },
  onDate: string,
  ageOn: (dob: string, on: string) => number,
): string | null {
  const audience =
    person.kind === 'family' ? 'family' : person.status === 'alumni' ? 'alumni' : 'clients';
  if (!group.audiences.includes(audience)) {
    const who = { family: 'family members', alumni: 'alumni', clients: 'clients in treatment' }[
      audience
    ];
    return `This group is not for ${who}.`;
  }
  if (
    group.minAge !== null &&
    person.dateOfBirth &&
    ageOn(person.dateOfBirth, onDate) < group.minAge
  ) {
    return `This group is for people aged ${group.minAge} and over.`;
  }
  return null;
}
