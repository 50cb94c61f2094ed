import type { FhirEncounter } from './fhir-shapes';
import { referenceTo } from './ids';
import { ACT_CODE_SYSTEM, part2Meta } from './security-labels';

/** One group session the client came to (present, late or left early). */
export interface AttendedSession {
  /** The attendance record: one per client per session, so it names the Encounter. */
  attendanceId: string;
  groupName: string;
  startsAt: Date;
  durationMinutes: number;
}

/** A group session the client attended, as an ambulatory Encounter of theirs. */
export function encounterResource(session: AttendedSession, patientId: string): FhirEncounter {
  const end = new Date(session.startsAt.getTime() + session.durationMinutes * 60_000);
  return {
    resourceType: 'Encounter',
    id: session.attendanceId,
    meta: part2Meta(),
    status: 'finished',
    class: { system: ACT_CODE_SYSTEM, code: 'AMB', display: 'ambulatory' },
    serviceType: { text: session.groupName },
    subject: referenceTo(patientId),
    period: { start: session.startsAt.toISOString(), end: end.toISOString() },
  };
}
