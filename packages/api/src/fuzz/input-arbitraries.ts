import fc from 'fast-check';
import { type ZodType, z } from 'zod';

/** The JSON Schema subset zod writes for this app's inputs. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  propertyNames?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
}

/** A procedure's input schema as JSON Schema (the shape a browser would send). */
export function inputJsonSchema(schema: ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Ids to use for fields of a given name (e.g. `clientId` → some client's ids). */
export type IdPools = Partial<Record<string, readonly string[]>>;

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

const isoDate = fc
  .date({
    min: new Date('2025-06-01T00:00:00Z'),
    max: new Date('2026-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

const readableUnit = fc.constantFrom(...'abcdefghij klmnop ABC 0123.,-'.split(''));

function idFor(key: string, pools: IdPools) {
  const singular = key.endsWith('Ids') ? `${key.slice(0, -1)}` : key;
  const pool = pools[singular];
  return pool && pool.length > 0 ? fc.constantFrom(...pool) : fc.uuid({ version: 4 });
}

/**
 * Values that fit the schema's types and bounds (refinements the schema cannot express may still
 * refuse some). Id fields draw from `pools`, so a test can aim every id at chosen records.
 */
export function validArbitrary(
  schema: JsonSchema,
  pools: IdPools = {},
  key = '',
): fc.Arbitrary<unknown> {
  if (schema.anyOf) {
    return fc.oneof(...schema.anyOf.map((s) => validArbitrary(s, pools, key)));
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1000, -1_000_000),
        max: Math.min(schema.maximum ?? 1000, 1_000_000),
      });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1000,
        max: schema.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'string': {
      if (schema.format === 'uuid') return idFor(key, pools);
      if (schema.pattern === DATE_PATTERN) return isoDate;
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      const minLength = schema.minLength ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
      // Generated at the right length (a filter alone would rarely reach a long minimum).
      return fc
        .string({ unit: readableUnit, minLength, maxLength })
        .filter((s) => s.trim().length >= minLength);
    }
    case 'array': {
      const item = schema.items ?? {};
      const minLength = schema.minItems ?? 0;
      return fc.array(validArbitrary(item, pools, key), {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)),
      });
    }
    case 'object': {
      const props = schema.properties ?? {};
      if (Object.keys(props).length === 0 && schema.additionalProperties) {
        const value =
          typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
        return fc.dictionary(
          validArbitrary(
            schema.propertyNames ?? { type: 'string', maxLength: 20 },
          ) as fc.Arbitrary<string>,
          validArbitrary(value, pools),
          { maxKeys: 3 },
        );
      }
      const record = Object.fromEntries(
        Object.entries(props).map(([k, s]) => [k, validArbitrary(s, pools, k)]),
      );
      const required = (schema.required ?? []).filter((k) => k in props);
      return fc.record(record, { requiredKeys: required });
    }
    default:
      return fc.constantFrom(null, 'x', 1, {});
  }
}

/** Strings a hostile or broken client might send. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  'x'.repeat(100_000),
  '\u0000',
  'before\u0000after',
  '\u0001\u0007\u001b[31m',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  '\uD800',
  '👩‍👩‍👧‍👦'.repeat(50),
  'Z\u0351\u0352\u0353\u0354',
  "' or '1'='1",
  "'); drop table clients; --",
  '1; select pg_sleep(10)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'NaN',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '-0001-01-01',
  '2026-1-1',
  '24:00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
];

export const HOSTILE_NUMBERS: readonly number[] = [
  -1,
  0,
  -0,
  0.5,
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 53 + 2,
  -(2 ** 31) - 1,
  2 ** 31,
];

const wrongType = fc.constantFrom<unknown>(null, true, 42, 'text', [], {}, [1, 'a'], {
  a: { b: {} },
});

const hostileLeaf = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  wrongType,
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/**
 * Inputs near the schema's shape, with any field (or the whole input) replaced by a hostile value:
 * long, empty and control-character strings, odd Unicode, SQL and HTML fragments, numbers out of
 * range, impossible dates, wrong types and unknown fields.
 */
export function hostileArbitrary(schema: JsonSchema, pools: IdPools = {}): fc.Arbitrary<unknown> {
  const leafy = (s: JsonSchema, key: string): fc.Arbitrary<unknown> => {
    if (s.type === 'object' && s.properties) {
      const record = Object.fromEntries(
        Object.entries(s.properties).map(([k, p]) => [k, leafy(p, k)]),
      );
      return fc
        .tuple(
          fc.record(record, { requiredKeys: [] }),
          fc.option(
            fc.tuple(fc.constantFrom('extra', '__proto__', 'facilityId', 'role'), hostileLeaf),
          ),
        )
        .map(([obj, extra]) => (extra ? { ...obj, [extra[0]]: extra[1] } : obj));
    }
    if (s.type === 'array') {
      return fc.oneof(
        fc.array(leafy(s.items ?? {}, key), { maxLength: 4 }),
        fc.array(validArbitrary(s.items ?? {}, pools, key), { minLength: 50, maxLength: 300 }),
        hostileLeaf,
      );
    }
    return fc.oneof(
      { weight: 2, arbitrary: validArbitrary(s, pools, key) },
      { weight: 2, arbitrary: hostileLeaf },
    );
  };
  return fc.oneof(
    { weight: 6, arbitrary: leafy(schema, '') },
    { weight: 1, arbitrary: hostileLeaf },
  );
}

type Path = (string | number)[];

function setAt(value: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setAt(copy[head as number], rest, leaf);
    return copy;
  }
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return { ...obj, [head]: setAt(obj[head], rest, leaf) };
}

/** Every field of a schema (and of the first item of each list), with its schema. */
function fieldsOf(schema: JsonSchema, path: Path = []): [Path, JsonSchema][] {
  const inner = schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
  if (inner.type === 'object' && inner.properties) {
    return Object.entries(inner.properties).flatMap(([k, s]) => fieldsOf(s, [...path, k]));
  }
  if (inner.type === 'array' && inner.items) {
    return [[path, inner], ...fieldsOf(inner.items, [...path, 0])];
  }
  return [[path, inner]];
}

/**
 * Systematic cases: a well-formed input with one field at a time replaced by each hostile value
 * of its kind (every hostile string in a text field, every bad number in a numeric one) and by
 * values of the wrong type.
 */
export function oneFieldHostile(schema: JsonSchema, pools: IdPools = {}, seed = 1): unknown[] {
  const base = fc.sample(validArbitrary(schema, pools), { numRuns: 1, seed })[0];
  const withFirstItems = fieldsOf(schema)
    .filter(([path]) => path.length > 0)
    .reduce<unknown>((acc, [path, s]) => {
      if (s.type !== 'array' || !s.items) return acc;
      const item = fc.sample(validArbitrary(s.items, pools, String(path.at(-1))), {
        numRuns: 1,
        seed,
      })[0];
      return setAt(acc, path, [item]);
    }, base);
  const cases: unknown[] = [];
  for (const [path, s] of fieldsOf(schema)) {
    if (path.length === 0) continue;
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    const values: readonly unknown[] =
      type === 'string'
        ? HOSTILE_STRINGS
        : type === 'integer' || type === 'number'
          ? HOSTILE_NUMBERS
          : [];
    for (const v of [...values, null, 'text', 12, [], {}])
      cases.push(setAt(withFirstItems, path, v));
  }
  return cases;
}
