import {
  type ConsentState,
  consentState,
  RECIPIENT_KINDS,
  type RecipientKind,
} from '@homegroup/core';
import type { FhirConsent, FhirExtension } from './fhir-shapes';
import { referenceTo } from './ids';
import { LOINC_SYSTEM } from './questionnaires';
import { part2Meta } from './security-labels';

/** A written Part 2 consent to disclose, as stored. */
export interface ConsentFacts {
  id: string;
  discloser: string;
  information: string;
  recipientKind: RecipientKind;
  recipientName: string;
  purpose: string;
  /** YYYY-MM-DD */
  expiresOn: string | null;
  expiryEvent: string | null;
  signedBy: string;
  signedOn: string;
  revokedOn: string | null;
}

export const PART2_REGULATION_URL =
  'https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2';
export const CONSENT_EXPIRY_EVENT_EXTENSION_URL =
  'urn:homegroup:fhir:extension:consent-expiry-event';
export const CONSENT_REVOKED_ON_EXTENSION_URL = 'urn:homegroup:fhir:extension:consent-revoked-on';

/**
 * A consent's state on the day of the export, as R4's ConsentState: "inactive" is a consent
 * terminated, which a revoked and an expired one both are; "rejected" (the client would not sign)
 * never happens, since Homegroup records only signed consents.
 */
export const CONSENT_STATUS: Record<ConsentState, FhirConsent['status']> = {
  active: 'active',
  expired: 'inactive',
  revoked: 'inactive',
  not_yet_signed: 'proposed',
};

/**
 * A 42 CFR Part 2 consent as a privacy Consent: the client agrees (performer) that the discloser
 * may give the named information to the recipient for the purpose, from signature to expiry.
 */
export function consentResource(
  consent: ConsentFacts,
  patientId: string,
  today: string,
): FhirConsent {
  const extension: FhirExtension[] = [
    ...(consent.expiryEvent?.trim()
      ? [{ url: CONSENT_EXPIRY_EVENT_EXTENSION_URL, valueString: consent.expiryEvent.trim() }]
      : []),
    ...(consent.revokedOn
      ? [{ url: CONSENT_REVOKED_ON_EXTENSION_URL, valueDate: consent.revokedOn }]
      : []),
  ];
  return {
    resourceType: 'Consent',
    id: consent.id,
    meta: part2Meta(),
    ...(extension.length > 0 ? { extension } : {}),
    status: CONSENT_STATUS[consentState(consent, today)],
    scope: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/consentscope',
          code: 'patient-privacy',
          display: 'Privacy Consent',
        },
      ],
    },
    category: [{ coding: [{ system: LOINC_SYSTEM, code: '59284-0' }] }],
    patient: referenceTo(patientId),
    dateTime: consent.signedOn,
    performer: [{ ...referenceTo(patientId), display: consent.signedBy }],
    policy: [{ uri: PART2_REGULATION_URL }],
    provision: {
      type: 'permit',
      period: {
        start: consent.signedOn,
        ...(consent.expiresOn ? { end: consent.expiresOn } : {}),
      },
      actor: [
        { role: { text: 'Who may disclose' }, reference: { display: consent.discloser } },
        {
          role: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
                code: 'IRCP',
                display: 'information recipient',
              },
            ],
            text: RECIPIENT_KINDS[consent.recipientKind],
          },
          reference: { display: consent.recipientName },
        },
      ],
      purpose: [{ display: consent.purpose }],
      code: [{ text: consent.information }],
    },
  };
}
