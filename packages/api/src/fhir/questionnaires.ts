import type {
  AnswerOption,
  InstrumentCode,
  InstrumentDefinition,
  InstrumentItem,
} from '@homegroup/core';
import type { FhirCoding, FhirQuestionnaire } from './fhir-shapes';
import { derivedUuid } from './ids';
import { part2Meta } from './security-labels';

export const LOINC_SYSTEM = 'http://loinc.org';

/** The canonical URL of an instrument, without its version. */
export function questionnaireUrl(code: InstrumentCode): string {
  return `urn:homegroup:questionnaire:${code}`;
}

/** The canonical reference a QuestionnaireResponse names: `url|version`. */
export function questionnaireCanonical(code: InstrumentCode, version: number): string {
  return `${questionnaireUrl(code)}|${version}`;
}

/** The answers of one item are a small code system of their own (value → label). */
export function answerSystem(code: InstrumentCode, itemId: string): string {
  return `urn:homegroup:questionnaire:${code}:item:${itemId}:answers`;
}

function optionCoding(
  definition: InstrumentDefinition,
  itemId: string,
  option: AnswerOption,
): FhirCoding {
  return {
    system: answerSystem(definition.code, itemId),
    version: String(definition.version),
    code: String(option.value),
    display: option.label,
  };
}

/** The coding of a choice answer, or null when the value is not one of the item's options. */
export function answerCoding(
  definition: InstrumentDefinition,
  item: InstrumentItem,
  value: number,
): FhirCoding | null {
  if (item.response.kind !== 'choice') return null;
  const option = item.response.options.find((o) => o.value === value);
  return option ? optionCoding(definition, item.id, option) : null;
}

/**
 * The instrument as a Questionnaire, in the facility's wording: its LOINC panel code where it has
 * one, its items with their LOINC codes, and the answer options the responses code against.
 */
export function questionnaireResource(definition: InstrumentDefinition): FhirQuestionnaire {
  const panel = definition.loinc?.panel;
  return {
    resourceType: 'Questionnaire',
    id: derivedUuid('questionnaire', definition.code, String(definition.version)),
    meta: part2Meta(),
    url: questionnaireUrl(definition.code),
    version: String(definition.version),
    name: definition.shortName.replace(/[^A-Za-z0-9]/g, '').toUpperCase(),
    title: `${definition.name} (${definition.shortName})`,
    status: 'active',
    subjectType: ['Patient'],
    ...(panel ? { code: [{ system: LOINC_SYSTEM, code: panel }] } : {}),
    item: definition.items.map((item) => ({
      linkId: item.id,
      ...(item.loinc ? { code: [{ system: LOINC_SYSTEM, code: item.loinc }] } : {}),
      text: item.text,
      type: item.response.kind === 'choice' ? ('choice' as const) : ('integer' as const),
      required: item.required,
      ...(item.response.kind === 'choice'
        ? {
            answerOption: item.response.options.map((o) => ({
              valueCoding: optionCoding(definition, item.id, o),
            })),
          }
        : {}),
    })),
  };
}
