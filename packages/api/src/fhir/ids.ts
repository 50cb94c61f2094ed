import { createHash } from 'node:crypto';
import type { FhirReference } from './fhir-shapes';

/**
 * A stable UUID (version 5 layout) for a resource made from a record rather than stored as one,
 * e.g. the score Observation of an assessment: the same record exports with the same id each time.
 */
export function derivedUuid(...parts: readonly string[]): string {
  const bytes = createHash('sha1')
    .update(`homegroup-fhir:${parts.join(':')}`)
    .digest();
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Where a resource sits in the bundle; every reference points at one of these. */
export function fullUrl(id: string): string {
  return `urn:uuid:${id}`;
}

export function referenceTo(id: string): FhirReference {
  return { reference: fullUrl(id) };
}
