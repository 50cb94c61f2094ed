import { z } from 'zod';

/**
 * The FHIR R4 shapes Homegroup's client export relies on, as zod schemas: exactly the elements we
 * send, each as R4 defines it (cardinality, value sets, primitive formats), and nothing else, so a
 * misspelt element fails instead of passing unnoticed. Written from the R4 specification rather
 * than from the builders, so the tests (and the browser test) check the builders against it.
 *
 * JSON rules of FHIR are checked too: no empty strings, no empty arrays, no nulls.
 */

// Primitive types (R4 §2.24.0.1), with the published regular expressions, slightly simplified.
const fhirString = z.string().min(1).regex(/\S/, 'A FHIR string has content.');
const fhirId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a FHIR id.');
const fhirCode = z.string().regex(/^[^\s]+( [^\s]+)*$/, 'Not a FHIR code.');
const fhirUri = z.string().regex(/^\S+$/, 'Not a FHIR uri.');
const fhirDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'Not a FHIR date.');
const fhirDateTime = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/,
    'Not a FHIR dateTime.',
  );
const fhirInstant = z
  .string()
  .regex(
    /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/,
    'Not a FHIR instant.',
  );
const uuidUrn = z
  .string()
  .regex(
    /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'Not a urn:uuid.',
  );
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1);

// Complex types (R4 §2.24.0.2).
export const codingShape = z.strictObject({
  system: fhirUri.optional(),
  version: fhirString.optional(),
  code: fhirCode.optional(),
  display: fhirString.optional(),
});
export const codeableConceptShape = z
  .strictObject({ coding: list(codingShape).optional(), text: fhirString.optional() })
  .refine((c) => c.coding !== undefined || c.text !== undefined, 'A concept has a code or text.');
export const referenceShape = z
  .strictObject({ reference: fhirString.optional(), display: fhirString.optional() })
  .refine((r) => r.reference !== undefined || r.display !== undefined, 'An empty reference.');
export const periodShape = z
  .strictObject({ start: fhirDateTime.optional(), end: fhirDateTime.optional() })
  .refine((p) => !p.start || !p.end || p.start <= p.end, 'A period ends before it starts.');
export const identifierShape = z.strictObject({
  use: z.enum(['usual', 'official', 'temp', 'secondary', 'old']).optional(),
  system: fhirUri,
  value: fhirString,
});
export const humanNameShape = z.strictObject({
  use: z.enum(['usual', 'official', 'temp', 'nickname', 'anonymous', 'old', 'maiden']).optional(),
  text: fhirString.optional(),
  family: fhirString.optional(),
  given: list(fhirString).optional(),
});
export const annotationShape = z.strictObject({
  time: fhirDateTime.optional(),
  text: fhirString,
});
export const extensionShape = z
  .strictObject({
    url: fhirUri,
    valueString: fhirString.optional(),
    valueDate: fhirDate.optional(),
  })
  .refine(
    (e) => (e.valueString === undefined) !== (e.valueDate === undefined),
    'An extension has exactly one value (ext-1).',
  );

/**
 * The security labels every resource of a Part 2 record carries (the HL7 DS4P labels):
 * confidentiality R (restricted), the 42 CFR Part 2 privacy law and the ETH sensitivity
 * (substance use information).
 */
export const REQUIRED_SECURITY_LABELS = [
  { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' },
  { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: '42CFRPart2' },
  { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'ETH' },
] as const;

export function missingSecurityLabels(security: readonly { system?: string; code?: string }[]) {
  return REQUIRED_SECURITY_LABELS.filter(
    (label) => !security.some((s) => s.system === label.system && s.code === label.code),
  ).map((label) => label.code);
}

export const part2MetaShape = z
  .strictObject({
    lastUpdated: fhirInstant.optional(),
    security: list(codingShape),
    extension: list(extensionShape).optional(),
  })
  .superRefine((meta, ctx) => {
    const missing = missingSecurityLabels(meta.security);
    if (missing.length > 0) {
      ctx.addIssue({ code: 'custom', message: `Security labels missing: ${missing.join(', ')}.` });
    }
  });

const resourceBase = { id: fhirId, meta: part2MetaShape };

export const patientShape = z.strictObject({
  resourceType: z.literal('Patient'),
  ...resourceBase,
  identifier: list(identifierShape),
  name: list(humanNameShape),
  birthDate: fhirDate.optional(),
});

export const encounterShape = z.strictObject({
  resourceType: z.literal('Encounter'),
  ...resourceBase,
  status: z.enum([
    'planned',
    'arrived',
    'triaged',
    'in-progress',
    'onleave',
    'finished',
    'cancelled',
    'entered-in-error',
    'unknown',
  ]),
  class: codingShape,
  serviceType: codeableConceptShape.optional(),
  subject: referenceShape,
  period: periodShape,
});

const answerOptionShape = z.strictObject({ valueCoding: codingShape });
export const questionnaireShape = z.strictObject({
  resourceType: z.literal('Questionnaire'),
  ...resourceBase,
  url: fhirUri,
  version: fhirString,
  // inv-0: a computer-friendly name.
  name: z.string().regex(/^[A-Z]([A-Za-z0-9_]){0,254}$/),
  title: fhirString,
  status: z.enum(['draft', 'active', 'retired', 'unknown']),
  subjectType: list(fhirCode).optional(),
  code: list(codingShape).optional(),
  item: list(
    z
      .strictObject({
        linkId: fhirString,
        code: list(codingShape).optional(),
        text: fhirString,
        type: z.enum(['choice', 'integer']),
        required: z.boolean().optional(),
        answerOption: list(answerOptionShape).optional(),
      })
      // que-5: only choice items have answer options.
      .refine((i) => i.type === 'choice' || i.answerOption === undefined, 'que-5'),
  ),
});

const answerShape = z.union([
  z.strictObject({ valueInteger: z.number().int() }),
  z.strictObject({ valueCoding: codingShape }),
]);
export const questionnaireResponseShape = z.strictObject({
  resourceType: z.literal('QuestionnaireResponse'),
  ...resourceBase,
  questionnaire: fhirUri,
  status: z.enum(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']),
  subject: referenceShape,
  authored: fhirDateTime,
  item: list(
    z.strictObject({
      linkId: fhirString,
      text: fhirString.optional(),
      answer: list(answerShape),
    }),
  ),
});

export const observationShape = z.strictObject({
  resourceType: z.literal('Observation'),
  ...resourceBase,
  status: z.enum([
    'registered',
    'preliminary',
    'final',
    'amended',
    'corrected',
    'cancelled',
    'entered-in-error',
    'unknown',
  ]),
  category: list(codeableConceptShape),
  code: codeableConceptShape,
  subject: referenceShape,
  effectiveDateTime: fhirDateTime,
  valueInteger: z.number().int(),
  interpretation: list(codeableConceptShape).optional(),
  derivedFrom: list(referenceShape),
});

export const serviceRequestShape = z.strictObject({
  resourceType: z.literal('ServiceRequest'),
  ...resourceBase,
  status: z.enum([
    'draft',
    'active',
    'on-hold',
    'revoked',
    'completed',
    'entered-in-error',
    'unknown',
  ]),
  intent: z.enum([
    'proposal',
    'plan',
    'directive',
    'order',
    'original-order',
    'reflex-order',
    'filler-order',
    'instance-order',
    'option',
  ]),
  category: list(codeableConceptShape).optional(),
  code: codeableConceptShape,
  subject: referenceShape,
  authoredOn: fhirDateTime,
  note: list(annotationShape).optional(),
});

export const consentShape = z
  .strictObject({
    resourceType: z.literal('Consent'),
    ...resourceBase,
    extension: list(extensionShape).optional(),
    status: z.enum(['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error']),
    scope: codeableConceptShape,
    category: list(codeableConceptShape),
    patient: referenceShape,
    dateTime: fhirDateTime,
    performer: list(referenceShape).optional(),
    policy: list(z.strictObject({ authority: fhirUri.optional(), uri: fhirUri.optional() })),
    provision: z.strictObject({
      type: z.enum(['deny', 'permit']),
      period: periodShape.optional(),
      actor: list(z.strictObject({ role: codeableConceptShape, reference: referenceShape })),
      purpose: list(codingShape).optional(),
      code: list(codeableConceptShape).optional(),
    }),
  })
  // ppc-2: a privacy consent names its patient (checked by the required element above).
  .refine((c) => c.policy.every((p) => p.authority || p.uri), 'ppc-1: a policy or policy rule.');

export const fhirResourceShape = z.discriminatedUnion('resourceType', [
  patientShape,
  encounterShape,
  questionnaireShape,
  questionnaireResponseShape,
  observationShape,
  serviceRequestShape,
  consentShape,
]);

export type FhirCoding = z.infer<typeof codingShape>;
export type FhirCodeableConcept = z.infer<typeof codeableConceptShape>;
export type FhirReference = z.infer<typeof referenceShape>;
export type FhirExtension = z.infer<typeof extensionShape>;
export type FhirMeta = z.infer<typeof part2MetaShape>;
export type FhirPatient = z.infer<typeof patientShape>;
export type FhirEncounter = z.infer<typeof encounterShape>;
export type FhirQuestionnaire = z.infer<typeof questionnaireShape>;
export type FhirQuestionnaireResponse = z.infer<typeof questionnaireResponseShape>;
export type FhirObservation = z.infer<typeof observationShape>;
export type FhirServiceRequest = z.infer<typeof serviceRequestShape>;
export type FhirConsent = z.infer<typeof consentShape>;
export type FhirResource = z.infer<typeof fhirResourceShape>;

const bundleEntryShape = z.strictObject({ fullUrl: uuidUrn, resource: fhirResourceShape });

/** Every `reference` string anywhere inside a value, with the path it was found at. */
export function referencesIn(value: unknown, path = ''): { path: string; reference: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => referencesIn(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const found: { path: string; reference: string }[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'reference' && typeof v === 'string') found.push({ path, reference: v });
    else found.push(...referencesIn(v, path ? `${path}.${key}` : key));
  }
  return found;
}

/**
 * What is wrong across the entries of a bundle: a fullUrl used twice or not matching its
 * resource's id, a reference that resolves to no entry, a questionnaire canonical naming no
 * Questionnaire in the bundle. Empty when nothing is.
 */
export function bundleProblems(bundle: {
  entry?: readonly { fullUrl: string; resource: FhirResource }[];
}): string[] {
  const problems: string[] = [];
  const entries = bundle.entry ?? [];
  const urls = new Set<string>();
  const canonicals = new Set<string>();
  for (const [i, e] of entries.entries()) {
    if (urls.has(e.fullUrl)) problems.push(`entry[${i}]: fullUrl ${e.fullUrl} is used twice.`);
    urls.add(e.fullUrl);
    if (e.fullUrl !== `urn:uuid:${e.resource.id}`) {
      problems.push(`entry[${i}]: fullUrl ${e.fullUrl} is not urn:uuid:${e.resource.id}.`);
    }
    if (e.resource.resourceType === 'Questionnaire') {
      canonicals.add(`${e.resource.url}|${e.resource.version}`);
    }
  }
  for (const [i, e] of entries.entries()) {
    for (const r of referencesIn(e.resource)) {
      if (!urls.has(r.reference)) {
        problems.push(
          `entry[${i}] ${e.resource.resourceType}.${r.path}: ${r.reference} resolves to no entry.`,
        );
      }
    }
    if (
      e.resource.resourceType === 'QuestionnaireResponse' &&
      !canonicals.has(e.resource.questionnaire)
    ) {
      problems.push(
        `entry[${i}]: questionnaire ${e.resource.questionnaire} is not a Questionnaire of the bundle.`,
      );
    }
  }
  return problems;
}

/** A collection Bundle of one client's record, Part 2 labelled, every reference resolvable. */
export const fhirBundleShape = z
  .strictObject({
    resourceType: z.literal('Bundle'),
    id: fhirId,
    meta: part2MetaShape,
    type: z.literal('collection'),
    timestamp: fhirInstant,
    entry: list(bundleEntryShape),
  })
  .superRefine((bundle, ctx) => {
    for (const message of bundleProblems(bundle)) ctx.addIssue({ code: 'custom', message });
  });
export type FhirBundle = z.infer<typeof fhirBundleShape>;

/** The same schema under the name the browser test imports. */
export const bundleShape = fhirBundleShape;
