import type { InstrumentCode, InstrumentDefinition } from '@homegroup/core';
import type { FhirQuestionnaireResponse } from './fhir-shapes';
import { referenceTo } from './ids';
import { answerCoding, questionnaireCanonical } from './questionnaires';
import { part2Meta } from './security-labels';

/** One administration of an instrument, as stored. */
export interface AssessmentFacts {
  id: string;
  instrumentCode: InstrumentCode;
  instrumentVersion: number;
  /** YYYY-MM-DD */
  administeredOn: string;
  /** Item id → answer value. */
  answers: Record<string, number>;
  totalScore: number | null;
  /** Subscale id → score. */
  subscaleScores: Record<string, number>;
  band: string | null;
}

type ResponseItem = FhirQuestionnaireResponse['item'][number];

/**
 * The definition the assessment was answered against, or null when it was given under another
 * version of the instrument than the library holds (its items could have changed since).
 */
export function definitionFor(
  assessment: AssessmentFacts,
  definitions: ReadonlyMap<InstrumentCode, InstrumentDefinition>,
): InstrumentDefinition | null {
  const definition = definitions.get(assessment.instrumentCode);
  return definition?.version === assessment.instrumentVersion ? definition : null;
}

function responseItems(
  assessment: AssessmentFacts,
  definition: InstrumentDefinition | null,
): ResponseItem[] {
  if (!definition) {
    // Without the items of that version, the answers go as given, in item order.
    return Object.entries(assessment.answers)
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([linkId, value]) => ({ linkId, answer: [{ valueInteger: value }] }));
  }
  const items: ResponseItem[] = [];
  for (const item of definition.items) {
    const value = assessment.answers[item.id];
    if (value === undefined) continue; // optional items left blank are not in the response
    const coding = answerCoding(definition, item, value);
    items.push({
      linkId: item.id,
      text: item.text,
      answer: [coding ? { valueCoding: coding } : { valueInteger: value }],
    });
  }
  return items;
}

/**
 * The answers of one assessment: choice items as codings of the item's options (value and label),
 * counts of days as integers; the questionnaire named by its canonical `url|version`.
 */
export function questionnaireResponseResource(
  assessment: AssessmentFacts,
  definition: InstrumentDefinition | null,
  patientId: string,
): FhirQuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    id: assessment.id,
    meta: part2Meta(),
    questionnaire: questionnaireCanonical(assessment.instrumentCode, assessment.instrumentVersion),
    status: 'completed',
    subject: referenceTo(patientId),
    authored: assessment.administeredOn,
    item: responseItems(assessment, definition),
  };
}
