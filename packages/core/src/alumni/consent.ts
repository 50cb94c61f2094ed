import { readableDate } from '../dates';
import type { RecipientKind } from './vocabulary';

/**
 * The notice that goes with every disclosure made under a Part 2 consent (42 CFR 2.32). Written
 * here in plain words; the wording a facility's counsel approves can replace it.
 */
export const PART2_NOTICE =
  'This information has been disclosed to you from records protected by federal confidentiality ' +
  'rules (42 CFR part 2). The federal rules prohibit you from making any further disclosure of ' +
  'information in this record that identifies a patient as having or having had a substance use ' +
  'disorder, unless further disclosure is expressly permitted by the written consent of the ' +
  'patient or as otherwise permitted by 42 CFR part 2. The rules restrict any use of the ' +
  'information to investigate or prosecute, with regard to a crime, any patient with a substance ' +
  'use disorder.';

/** The elements a written consent must name, as the form asks for them. */
export interface ConsentElements {
  discloser: string;
  information: string;
  recipientKind: RecipientKind;
  recipientName: string;
  purpose: string;
  rightToRevokeExplained: boolean;
  expiresOn: string | null;
  expiryEvent: string | null;
  signedBy: string;
  signedOn: string;
}

type Problems = Partial<Record<keyof ConsentElements, string>>;

/** Every missing or contradictory element, keyed by field, in words for the person recording it. */
export function consentProblems(consent: ConsentElements, today: string): Problems {
  const problems: Problems = {};
  const blank = (value: string | null) => !value || value.trim() === '';
  if (blank(consent.discloser)) problems.discloser = 'Say who may disclose (usually the facility).';
  if (blank(consent.information)) {
    problems.information = 'Say exactly what information may be disclosed.';
  }
  if (blank(consent.recipientName)) {
    problems.recipientName = 'Name the person (or class of people) who may receive it.';
  }
  if (blank(consent.purpose)) problems.purpose = 'Say what the disclosure is for.';
  if (!consent.rightToRevokeExplained) {
    problems.rightToRevokeExplained =
      'The client must be told they can revoke this consent in writing.';
  }
  if (blank(consent.signedBy)) problems.signedBy = 'Give the name the client signed with.';
  if (consent.signedOn > today) {
    problems.signedOn = 'The signature date cannot be in the future.';
  }
  if (!consent.expiresOn && blank(consent.expiryEvent)) {
    problems.expiresOn = 'Give an expiry date or the event that ends the consent.';
  } else if (consent.expiresOn && consent.expiresOn < consent.signedOn) {
    problems.expiresOn = `The consent cannot expire (${readableDate(consent.expiresOn)}) before it was signed (${readableDate(consent.signedOn)}).`;
  }
  return problems;
}

export interface ConsentStatusFacts {
  signedOn: string;
  expiresOn: string | null;
  revokedOn: string | null;
}

export type ConsentState = 'active' | 'expired' | 'revoked' | 'not_yet_signed';

export function consentState(consent: ConsentStatusFacts, on: string): ConsentState {
  if (consent.revokedOn && consent.revokedOn <= on) return 'revoked';
  if (consent.signedOn > on) return 'not_yet_signed';
  if (consent.expiresOn && consent.expiresOn < on) return 'expired';
  return 'active';
}

/**
 * Why a disclosure on `on` cannot be made under this consent, or null when it may. The words
 * name the date that blocks it, so the coordinator knows what to do next.
 */
export function disclosureRefusal(consent: ConsentStatusFacts, on: string): string | null {
  switch (consentState(consent, on)) {
    case 'revoked':
      return `The client revoked this consent on ${readableDate(consent.revokedOn ?? on)}. Nothing may be disclosed under it; record a new consent first.`;
    case 'expired':
      return `This consent expired on ${readableDate(consent.expiresOn ?? on)}. Record a new signed consent before contacting anyone about the client.`;
    case 'not_yet_signed':
      return `This consent was signed on ${readableDate(consent.signedOn)}, after the date of the disclosure.`;
    case 'active':
      return null;
  }
}
