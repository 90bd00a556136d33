// Schema validation of one check file, with errors that name the file, line and column of the
// offending field and say what was expected.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Diagnostic } from '../load/ast.js';
import { nearest } from '../gsl/errors.js';
import { CHECK_SCHEMA } from './schema.js';
import { type YamlSource, keyRange, nodeRange, pointerPath } from './yaml-source.js';

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (!validator) validator = new Ajv({ allErrors: true, strict: true, verbose: true }).compile(CHECK_SCHEMA);
  return validator;
}

/** `tests.0.expect` → `tests[0].expect` */
export function fieldName(path: (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || 'the check';
}

function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** Known field names of the mapping at a schema location, for "did you mean" hints. */
function knownFields(parentSchema: unknown): string[] {
  const props = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

const PATTERN_HINTS: Record<string, string> = {
  id: 'an ID is letters, digits, `_` and `-` in dot-separated parts, such as TFG.AWS.CLOUDTRAIL.1',
  mitre: 'write tactic:technique as Panther does, such as TA0005:T1562 (or T1562.001 for a sub-technique)',
  references: 'each reference is an http:// or https:// URL',
};

function describe(err: ErrorObject, data: unknown, src: YamlSource): Diagnostic {
  const path = pointerPath(err.instancePath);
  const field = fieldName(path);
  let value: unknown = data;
  for (const p of path) value = (value as Record<string | number, unknown> | undefined)?.[p];
  const base = { severity: 'error' as const, code: 'check-schema', file: src.file };
  switch (err.keyword) {
    case 'required': {
      const missing = (err.params as { missingProperty: string }).missingProperty;
      return {
        ...base,
        range: nodeRange(src, path),
        message: `${field === 'the check' ? 'the check' : field} is missing the required field \`${missing}\``,
        hint: `add \`${missing}:\` (see docs/checks.md)`,
      };
    }
    case 'additionalProperties': {
      const extra = (err.params as { additionalProperty: string }).additionalProperty;
      const known = knownFields(err.parentSchema);
      const near = known.length ? nearest(extra, known) : undefined;
      return {
        ...base,
        range: keyRange(src, path, extra) ?? nodeRange(src, path),
        message: `unknown field \`${extra}\` in ${field}`,
        hint:
          extra === 'line' && known.includes('terraform')
            ? 'tests no longer give a line number: end the line of the snippet where the finding must stand with `# expect`'
            : near
              ? `did you mean \`${near}\`?`
              : known.length
                ? `the fields are: ${known.join(', ')}`
                : 'remove it',
      };
    }
    case 'enum': {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const near = typeof value === 'string' ? nearest(value, allowed) : undefined;
      return {
        ...base,
        range: nodeRange(src, path),
        message: `${field} must be one of ${allowed.join(', ')}; found ${jsonType(value)}`,
        ...(near ? { hint: `did you mean \`${near}\`?` } : {}),
      };
    }
    case 'type': {
      const want = (err.params as { type: string }).type;
      const article = want === 'object' ? 'a mapping' : want === 'array' ? 'a list' : `a ${want}`;
      return { ...base, range: nodeRange(src, path), message: `${field} must be ${article}; found ${jsonType(value)}` };
    }
    case 'pattern': {
      const top = path.find((p) => typeof p === 'string') as string | undefined;
      return {
        ...base,
        range: nodeRange(src, path),
        message: `${field} has an invalid form: ${jsonType(value)}`,
        hint: PATTERN_HINTS[top ?? ''] ?? `it must match ${(err.params as { pattern: string }).pattern}`,
      };
    }
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      return { ...base, range: nodeRange(src, path), message: `${field} must not be empty` };
    case 'minimum':
      return {
        ...base,
        range: nodeRange(src, path),
        message: `${field} must be at least ${(err.params as { limit: number }).limit}; found ${jsonType(value)}`,
      };
    default:
      return { ...base, range: nodeRange(src, path), message: `${field} ${err.message ?? 'is not valid'}` };
  }
}

/** Validate parsed check data against the schema; [] when valid. */
export function schemaErrors(data: unknown, src: YamlSource): Diagnostic[] {
  const v = validate();
  if (v(data)) return [];
  const errors = v.errors ?? [];
  // A `type` error makes the sibling keyword errors of the same path noise.
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'type' || !typed.has(e.instancePath)).map((e) => describe(e, data, src));
}
