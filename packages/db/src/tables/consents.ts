import type { RecipientKind } from '@homegroup/core';
import type { Generated, Insertable, Selectable } from 'kysely';

/** A written 42 CFR Part 2 consent to disclose, with every element the rule requires. */
export interface ConsentsTable {
  id: Generated<string>;
  facilityId: string;
  clientId: string;
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
  revokedOn: string | null;
  revokedBy: string | null;
  revocationNote: string | null;
  recordedBy: string;
  recordedAt: Generated<Date>;
}
export type Consent = Selectable<ConsentsTable>;
export type NewConsent = Insertable<ConsentsTable>;

/** One disclosure made under a consent: the disclosure log. */
export interface DisclosuresTable {
  id: Generated<string>;
  facilityId: string;
  clientId: string;
  consentId: string;
  referralId: string | null;
  kind: 'warm_handoff' | 'other';
  recipientName: string;
  information: string;
  purpose: string;
  notice: string;
  disclosedOn: string;
  madeBy: string;
  recordedAt: Generated<Date>;
}
export type Disclosure = Selectable<DisclosuresTable>;
