import type { FhirPatient } from './fhir-shapes';
import { part2Meta } from './security-labels';

export interface PatientFacts {
  id: string;
  facilityId: string;
  recordNumber: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  /** YYYY-MM-DD, when known. */
  dateOfBirth: string | null;
}

/** The identifier system of a facility's record numbers: they are unique only within it. */
export function recordNumberSystem(facilityId: string): string {
  return `urn:homegroup:facility:${facilityId}:record`;
}

export function patientResource(client: PatientFacts): FhirPatient {
  const preferred = client.preferredName?.trim();
  return {
    resourceType: 'Patient',
    id: client.id,
    meta: part2Meta(),
    identifier: [
      { use: 'usual', system: recordNumberSystem(client.facilityId), value: client.recordNumber },
    ],
    name: [
      { use: 'official', family: client.lastName, given: [client.firstName] },
      ...(preferred && preferred !== client.firstName
        ? [{ use: 'usual' as const, family: client.lastName, given: [preferred] }]
        : []),
    ],
    ...(client.dateOfBirth ? { birthDate: client.dateOfBirth } : {}),
  };
}
