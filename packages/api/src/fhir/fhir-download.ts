import { clientIdInput } from '@homegroup/validators';
import { recordAudit, recordStaffAction } from '../audit';
import { withAccess } from '../auth/require-access';
import type { Context } from '../context';
import { AppError } from '../errors';
import { clientFhirBundle } from './client-bundle';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** A record number as part of a file name: letters, digits, dot, dash and underscore only. */
function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/**
 * The FHIR R4 Bundle of one client behind `/export/fhir/:clientId`: the same session and role
 * checks as the procedures before any byte is sent, scoped to the staff member's facility (a
 * client elsewhere is "not found"), and audited as an export, or as a failed one.
 */
export async function fhirBundleDownload(ctx: Context, clientId: string) {
  return withAccess(ctx, 'export.fhirBundle', async (staff) => {
    const parsed = clientIdInput.safeParse({ clientId });
    if (!parsed.success) {
      throw new AppError(
        'BAD_INPUT',
        parsed.error.issues[0]?.message ?? 'That is not a client link.',
      );
    }
    const bundle = await clientFhirBundle(ctx, staff, parsed.data.clientId);
    const patient = bundle?.entry[0]?.resource;
    if (!bundle || patient?.resourceType !== 'Patient') {
      await recordAudit(ctx.db, {
        action: 'export',
        entityType: 'fhir_bundle',
        entityId: parsed.data.clientId,
        clientId: null,
        actorStaffUserId: staff.userId,
        facilityId: staff.facility.id,
        outcome: 'failure',
        sourceIp: ctx.request.ip,
        detail: { requestedClientId: parsed.data.clientId },
      });
      throw new AppError('NOT_FOUND', 'No client with that link at this facility.');
    }
    const counts: Record<string, number> = {};
    for (const e of bundle.entry) {
      counts[e.resource.resourceType] = (counts[e.resource.resourceType] ?? 0) + 1;
    }
    await recordStaffAction(ctx, staff, ctx.db, {
      action: 'export',
      entityType: 'fhir_bundle',
      entityId: bundle.id,
      clientId: patient.id,
      detail: { resources: counts },
    });
    const recordNumber = patient.identifier[0]?.value ?? patient.id;
    return {
      filename: `client-${fileSafe(recordNumber)}-fhir.json`,
      contentType: FHIR_JSON,
      chunks: [`${JSON.stringify(bundle, null, 2)}\n`],
    };
  });
}
