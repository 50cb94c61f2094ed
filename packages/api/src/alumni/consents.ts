import {
  consentProblems,
  consentState,
  dateInTimeZone,
  disclosureRefusal,
  PART2_NOTICE,
  readableDate,
} from '@homegroup/core';
import type { ConsentInput, DisclosureInput, RevokeConsentInput } from '@homegroup/validators';
import { recordStaffAction } from '../audit';
import type { Context, StaffContext } from '../context';
import { AppError, refuseField, refuseFields } from '../errors';
import { alumniClient } from './alumni-client';

/** Records a signed Part 2 consent; every element the rule names must be there. */
export async function recordConsent(ctx: Context, staff: StaffContext, input: ConsentInput) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  refuseFields(consentProblems(input, today));
  return ctx.db.transaction().execute(async (trx) => {
    const client = await alumniClient(trx, staff, input.clientId);
    const consent = await trx
      .insertInto('consents')
      .values({
        facilityId: staff.facility.id,
        clientId: client.id,
        discloser: input.discloser,
        information: input.information,
        recipientKind: input.recipientKind,
        recipientName: input.recipientName,
        purpose: input.purpose,
        rightToRevokeExplained: input.rightToRevokeExplained,
        expiresOn: input.expiresOn,
        expiryEvent: input.expiryEvent,
        signedBy: input.signedBy,
        signedOn: input.signedOn,
        revokedOn: null,
        revokedBy: null,
        revocationNote: null,
        recordedBy: staff.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordStaffAction(ctx, staff, trx, {
      action: 'create',
      entityType: 'consent',
      entityId: consent.id,
      clientId: client.id,
      detail: { recipientKind: input.recipientKind, expiresOn: input.expiresOn },
    });
    return { consentId: consent.id };
  });
}

/** The client revoked a consent in writing; nothing may be disclosed under it from that date. */
export async function revokeConsent(ctx: Context, staff: StaffContext, input: RevokeConsentInput) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  if (input.revokedOn > today)
    refuseField('revokedOn', 'The revocation date cannot be in the future.');
  return ctx.db.transaction().execute(async (trx) => {
    const consent = await trx
      .selectFrom('consents')
      .selectAll()
      .where('id', '=', input.consentId)
      .where('facilityId', '=', staff.facility.id)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!consent) throw new AppError('NOT_FOUND', 'No consent with that link at this facility.');
    if (consent.revokedOn) {
      throw new AppError(
        'CONFLICT',
        `This consent was already revoked on ${readableDate(consent.revokedOn)}.`,
      );
    }
    if (input.revokedOn < consent.signedOn) {
      refuseField(
        'revokedOn',
        `A consent cannot be revoked before it was signed (${readableDate(consent.signedOn)}).`,
      );
    }
    await trx
      .updateTable('consents')
      .set({ revokedOn: input.revokedOn, revokedBy: staff.userId, revocationNote: input.note })
      .where('id', '=', consent.id)
      .execute();
    await recordStaffAction(ctx, staff, trx, {
      action: 'update',
      entityType: 'consent',
      entityId: consent.id,
      clientId: consent.clientId,
      detail: { operation: 'revoke', revokedOn: input.revokedOn },
    });
    return { revoked: true };
  });
}

/**
 * A warm hand-off (or other disclosure) under a consent: refused unless the consent is this
 * client's and active on the day; logged with the Part 2 notice, and audited as a disclosure.
 */
export async function recordDisclosure(ctx: Context, staff: StaffContext, input: DisclosureInput) {
  const today = dateInTimeZone(ctx.now(), staff.facility.timeZone);
  if (input.disclosedOn > today)
    refuseField('disclosedOn', 'The date of the contact cannot be in the future.');
  return ctx.db.transaction().execute(async (trx) => {
    const client = await alumniClient(trx, staff, input.clientId);
    const consent = await trx
      .selectFrom('consents')
      .selectAll()
      .where('id', '=', input.consentId)
      .where('clientId', '=', client.id)
      .where('facilityId', '=', staff.facility.id)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!consent) {
      refuseField(
        'consentId',
        'Choose one of this client’s consents. A disclosure needs a signed consent naming the recipient.',
      );
    }
    const refusal = disclosureRefusal(consent, input.disclosedOn);
    if (refusal) refuseField('consentId', refusal);
    if (input.referralId) {
      const referral = await trx
        .selectFrom('referrals')
        .select('id')
        .where('id', '=', input.referralId)
        .where('clientId', '=', client.id)
        .executeTakeFirst();
      if (!referral) refuseField('referralId', 'Choose one of this client’s referrals.');
    }
    const disclosure = await trx
      .insertInto('disclosures')
      .values({
        facilityId: staff.facility.id,
        clientId: client.id,
        consentId: consent.id,
        referralId: input.referralId,
        kind: 'warm_handoff',
        recipientName: input.recipientName,
        information: input.information,
        purpose: input.purpose,
        notice: PART2_NOTICE,
        disclosedOn: input.disclosedOn,
        madeBy: staff.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordStaffAction(ctx, staff, trx, {
      action: 'disclose',
      entityType: 'disclosure',
      entityId: disclosure.id,
      clientId: client.id,
      detail: { consentId: consent.id, recipient: input.recipientName, on: input.disclosedOn },
    });
    return { disclosureId: disclosure.id, notice: PART2_NOTICE };
  });
}

export function consentView(
  c: {
    id: string;
    discloser: string;
    information: string;
    recipientKind: string;
    recipientName: string;
    purpose: string;
    expiresOn: string | null;
    expiryEvent: string | null;
    signedBy: string;
    signedOn: string;
    revokedOn: string | null;
    revocationNote: string | null;
    recordedAt: Date;
  },
  today: string,
) {
  return { ...c, recordedAt: c.recordedAt.toISOString(), state: consentState(c, today) };
}
