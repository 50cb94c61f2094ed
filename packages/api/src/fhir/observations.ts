import { type InstrumentDefinition, instrumentDefinition } from '@homegroup/core';
import type { FhirCodeableConcept, FhirObservation } from './fhir-shapes';
import { derivedUuid, referenceTo } from './ids';
import type { AssessmentFacts } from './questionnaire-responses';
import { LOINC_SYSTEM } from './questionnaires';
import { part2Meta } from './security-labels';

/** Homegroup's own codes for scores LOINC has no code for (e.g. `barc10-total`, `bam-use`). */
export const SCORE_SYSTEM = 'urn:homegroup:score';

const SURVEY = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/observation-category',
      code: 'survey',
      display: 'Survey',
    },
  ],
};

/**
 * The LOINC code of an instrument's total score where there is one (PHQ-9 44261-6, GAD-7
 * 70274-6); for the AUDIT-C, whose library entry has only a panel code, the panel code 72109-2.
 */
export function totalScoreLoinc(definition: InstrumentDefinition): string | null {
  return definition.loinc?.total ?? definition.loinc?.panel ?? null;
}

function totalCode(definition: InstrumentDefinition): FhirCodeableConcept {
  const loinc = totalScoreLoinc(definition);
  return {
    coding: [
      ...(loinc ? [{ system: LOINC_SYSTEM, code: loinc }] : []),
      { system: SCORE_SYSTEM, code: `${definition.code}-total` },
    ],
    text: `${definition.shortName} total score`,
  };
}

function observation(
  id: string,
  assessment: AssessmentFacts,
  patientId: string,
  code: FhirCodeableConcept,
  value: number,
  interpretation: string | null,
): FhirObservation {
  return {
    resourceType: 'Observation',
    id,
    meta: part2Meta(),
    status: 'final',
    category: [SURVEY],
    code,
    subject: referenceTo(patientId),
    effectiveDateTime: assessment.administeredOn,
    valueInteger: value,
    ...(interpretation ? { interpretation: [{ text: interpretation }] } : {}),
    derivedFrom: [referenceTo(assessment.id)],
  };
}

/**
 * The scores of one assessment, each derived from its QuestionnaireResponse: the total (with its
 * band as the interpretation) and one Observation per subscale (the BAM's Use, Risk, Protective).
 */
export function scoreObservations(
  assessment: AssessmentFacts,
  patientId: string,
): FhirObservation[] {
  const definition = instrumentDefinition(assessment.instrumentCode);
  const found: FhirObservation[] = [];
  if (assessment.totalScore !== null) {
    found.push(
      observation(
        derivedUuid('observation', assessment.id, 'total'),
        assessment,
        patientId,
        totalCode(definition),
        assessment.totalScore,
        assessment.band,
      ),
    );
  }
  const known = definition.subscales.map((s) => s.id);
  const ids = [
    ...known.filter((id) => id in assessment.subscaleScores),
    ...Object.keys(assessment.subscaleScores).filter((id) => !known.includes(id)),
  ];
  for (const id of ids) {
    const value = assessment.subscaleScores[id];
    if (value === undefined) continue;
    const label = definition.subscales.find((s) => s.id === id)?.label ?? id;
    found.push(
      observation(
        derivedUuid('observation', assessment.id, 'subscale', id),
        assessment,
        patientId,
        {
          coding: [{ system: SCORE_SYSTEM, code: `${definition.code}-${id}` }],
          text: `${definition.shortName} ${label} subscale score`,
        },
        value,
        null,
      ),
    );
  }
  return found;
}
