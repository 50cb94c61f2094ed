import { REFERRAL_STATUSES, type ReferralStatus } from '@homegroup/core';
import type { FhirServiceRequest } from './fhir-shapes';
import { referenceTo } from './ids';
import { part2Meta } from './security-labels';

/** A referral to a community meeting (or an alternative programme), with its history. */
export interface ReferralFacts {
  id: string;
  /** The meeting's name, or the alternative programme's. */
  targetName: string;
  alternativeDetails: string | null;
  status: ReferralStatus;
  createdAt: Date;
  events: readonly { status: ReferralStatus; occurredOn: string; note: string | null }[];
}

/**
 * A referral's status as a request's: open while the alumnus may still go (suggested, accepted,
 * first meeting), completed once they attend regularly, revoked when they declined, unknown when
 * contact was lost (whether they go is not known).
 */
export const SERVICE_REQUEST_STATUS: Record<ReferralStatus, FhirServiceRequest['status']> = {
  suggested: 'active',
  accepted: 'active',
  first_attended: 'active',
  attending: 'completed',
  declined: 'revoked',
  lost_contact: 'unknown',
};

/**
 * R4 has no 'referral' intent; the referral shows in the category (SNOMED CT "Patient referral").
 * The intent is 'plan': the facility means the alumnus to go and follows it up, but a community
 * meeting needs no order or authorization to welcome them.
 */
export const REFERRAL_CATEGORY = {
  coding: [{ system: 'http://snomed.info/sct', code: '3457005', display: 'Patient referral' }],
  text: 'Referral to a community mutual-help meeting',
};

export function serviceRequestResource(
  referral: ReferralFacts,
  patientId: string,
): FhirServiceRequest {
  const notes = [
    ...(referral.alternativeDetails?.trim() ? [{ text: referral.alternativeDetails.trim() }] : []),
    ...referral.events.map((e) => ({
      time: e.occurredOn,
      text: e.note?.trim()
        ? `${REFERRAL_STATUSES[e.status]}: ${e.note.trim()}`
        : REFERRAL_STATUSES[e.status],
    })),
  ];
  return {
    resourceType: 'ServiceRequest',
    id: referral.id,
    meta: part2Meta(),
    status: SERVICE_REQUEST_STATUS[referral.status],
    intent: 'plan',
    category: [REFERRAL_CATEGORY],
    code: { text: referral.targetName },
    subject: referenceTo(patientId),
    authoredOn: referral.createdAt.toISOString(),
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}
