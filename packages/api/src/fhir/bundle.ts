import type { InstrumentCode, InstrumentDefinition } from '@homegroup/core';
import { type ConsentFacts, consentResource } from './consents';
import { type AttendedSession, encounterResource } from './encounters';
import type { FhirBundle, FhirResource } from './fhir-shapes';
import { fullUrl } from './ids';
import { scoreObservations } from './observations';
import { type PatientFacts, patientResource } from './patient';
import {
  type AssessmentFacts,
  definitionFor,
  questionnaireResponseResource,
} from './questionnaire-responses';
import { questionnaireResource } from './questionnaires';
import { bundleMeta } from './security-labels';
import { type ReferralFacts, serviceRequestResource } from './service-requests';

/** Everything of one client's record that the export carries, loaded at their facility. */
export interface ClientRecord {
  client: PatientFacts;
  sessions: readonly AttendedSession[];
  assessments: readonly AssessmentFacts[];
  referrals: readonly ReferralFacts[];
  consents: readonly ConsentFacts[];
  /** The facility's instruments, in its wording. */
  instruments: ReadonlyMap<InstrumentCode, InstrumentDefinition>;
}

/**
 * One client's record as a FHIR R4 collection Bundle: the Patient, an Encounter per group session
 * attended, a QuestionnaireResponse per assessment with the Questionnaires they answer and their
 * score Observations, a ServiceRequest per referral and a Consent per Part 2 consent. Every
 * resource, and the Bundle, is labelled as Part 2 data; references are the entries' urn:uuid.
 */
export function clientBundle(
  record: ClientRecord,
  options: { bundleId: string; now: Date; today: string },
): FhirBundle {
  const patientId = record.client.id;
  const questionnaires = new Map<string, InstrumentDefinition>();
  for (const a of record.assessments) {
    const definition = definitionFor(a, record.instruments);
    if (definition) questionnaires.set(definition.code, definition);
  }
  const resources: FhirResource[] = [
    patientResource(record.client),
    ...record.sessions.map((s) => encounterResource(s, patientId)),
    ...[...questionnaires.values()].map(questionnaireResource),
    ...record.assessments.flatMap((a) => [
      questionnaireResponseResource(a, definitionFor(a, record.instruments), patientId),
      ...scoreObservations(a, patientId),
    ]),
    ...record.referrals.map((r) => serviceRequestResource(r, patientId)),
    ...record.consents.map((c) => consentResource(c, patientId, options.today)),
  ];
  const timestamp = options.now.toISOString();
  return {
    resourceType: 'Bundle',
    id: options.bundleId,
    meta: bundleMeta(timestamp),
    type: 'collection',
    timestamp,
    entry: resources.map((resource) => ({ fullUrl: fullUrl(resource.id), resource })),
  };
}
