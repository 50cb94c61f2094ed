import { PART2_NOTICE } from '@homegroup/core';
import type { FhirCoding, FhirMeta } from './fhir-shapes';

export const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const CONFIDENTIALITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

/**
 * The HL7 DS4P security labels of a 42 CFR Part 2 record: confidentiality R (restricted), the
 * privacy law (42CFRPart2), the sensitivity (ETH: substance use information), and the handling
 * caveat NORDSCLCD (no redisclosure without the patient's consent), the machine-readable form of
 * the redisclosure notice, so a resource lifted out of the bundle still says it.
 */
export const PART2_SECURITY_LABELS: readonly FhirCoding[] = [
  { system: CONFIDENTIALITY_SYSTEM, code: 'R', display: 'restricted' },
  { system: ACT_CODE_SYSTEM, code: '42CFRPart2', display: '42 CFR Part2' },
  { system: ACT_CODE_SYSTEM, code: 'ETH', display: 'substance abuse information sensitivity' },
  {
    system: ACT_CODE_SYSTEM,
    code: 'NORDSCLCD',
    display: 'no redisclosure without consent directive',
  },
];

/**
 * Carries the Part 2 notice's words (42 CFR 2.32) on the Bundle's meta. A collection Bundle has
 * no narrative and no extension of its own (Bundle is not a DomainResource), but its Meta is an
 * Element and may carry extensions, and it travels with the whole disclosure.
 */
export const PART2_NOTICE_EXTENSION_URL = 'urn:homegroup:fhir:extension:part2-redisclosure-notice';

/** The meta of every resource in a client's export. */
export function part2Meta(): FhirMeta {
  return { security: PART2_SECURITY_LABELS.map((label) => ({ ...label })) };
}

/** The Bundle's meta: the same labels, when it was put together, and the notice in words. */
export function bundleMeta(lastUpdated: string): FhirMeta {
  return {
    lastUpdated,
    security: PART2_SECURITY_LABELS.map((label) => ({ ...label })),
    extension: [{ url: PART2_NOTICE_EXTENSION_URL, valueString: PART2_NOTICE }],
  };
}
