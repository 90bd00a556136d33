// JSON-schema (ajv) errors as diagnostics at the YAML node they concern, worded for people: what the field must be,
// what was found, and the nearest known name for a typo. Check files and the configuration file both use it.
import type { ErrorObject } from 'ajv';
import type { Diagnostic, DiagnosticCode } from './diagnostics.js';
import { nearest } from './did-you-mean.js';
import { type YamlSource, keyRange, nodeRange, pointerPath } from '../common/yaml-source.js';

export interface SchemaWording {
  code: DiagnosticCode;
  /** What the whole document is called: "the check", "the configuration". */
  subject: string;
  /** What a mapping's entries are called: "field", "key". */
  noun: string;
  /** The page that lists the fields, named in the hint for a missing one. */
  docs: string;
  /** Hints for `pattern` errors, by the top-level field. */
  patternHints?: Readonly<Record<string, string>>;
  /** A hint for an unknown field, before the nearest-name one (e.g. a field that was renamed). */
  unknownHint?: (extra: string, known: readonly string[]) => string | undefined;
  /** The hint when an unknown field is near no known name. */
  unknownFallback?: (known: readonly string[]) => string;
}

/** `tests.0.expect` → `tests[0].expect` */
export function fieldName(path: readonly (string | number)[], subject: string): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || subject;
}

function shown(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** Known field names of the mapping at a schema location. */
function knownFields(parentSchema: unknown): string[] {
  const props = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

function describe(err: ErrorObject, data: unknown, src: YamlSource, w: SchemaWording): Diagnostic {
  const path = pointerPath(err.instancePath);
  const field = fieldName(path, w.subject);
  let value: unknown = data;
  for (const p of path) value = (value as Record<string | number, unknown> | undefined)?.[p];
  const base = { severity: 'error' as const, code: w.code, file: src.file, range: nodeRange(src, path) };
  switch (err.keyword) {
    case 'required': {
      const missing = (err.params as { missingProperty: string }).missingProperty;
      return { ...base, message: `${field} is missing the required ${w.noun} \`${missing}\``, hint: `add \`${missing}:\` (see ${w.docs})` };
    }
    case 'additionalProperties': {
      const extra = (err.params as { additionalProperty: string }).additionalProperty;
      const known = knownFields(err.parentSchema);
      const near = known.length ? nearest(extra, known) : undefined;
      const hint =
        w.unknownHint?.(extra, known) ??
        (near
          ? `did you mean \`${near}\`?`
          : (w.unknownFallback?.(known) ?? (known.length ? `the ${w.noun}s are: ${known.join(', ')}` : 'remove it')));
      return { ...base, range: keyRange(src, path, extra) ?? base.range, message: `unknown ${w.noun} \`${extra}\` in ${field}`, hint };
    }
    case 'enum': {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const near = typeof value === 'string' ? nearest(value, allowed) : undefined;
      return {
        ...base,
        message: `${field} must be one of ${allowed.join(', ')}; found ${shown(value)}`,
        ...(near ? { hint: `did you mean \`${near}\`?` } : {}),
      };
    }
    case 'type': {
      const want = (err.params as { type: string }).type;
      const article = want === 'object' ? 'a mapping' : want === 'array' ? 'a list' : `a ${want}`;
      const hint =
        want === 'array' && path.length === 1 ? { hint: `write it as a list: \`${String(path[0])}: [${JSON.stringify(value)}]\`` } : {};
      return { ...base, message: `${field} must be ${article}; found ${shown(value)}`, ...hint };
    }
    case 'pattern': {
      const top = path.find((p) => typeof p === 'string') as string | undefined;
      return {
        ...base,
        message: `${field} has an invalid form: ${shown(value)}`,
        hint: w.patternHints?.[top ?? ''] ?? `it must match ${(err.params as { pattern: string }).pattern}`,
      };
    }
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      return { ...base, message: `${field} must not be empty` };
    case 'minimum':
      return { ...base, message: `${field} must be at least ${(err.params as { limit: number }).limit}; found ${shown(value)}` };
    default:
      return { ...base, message: `${field} ${err.message ?? 'is not valid'}` };
  }
}

/** The diagnostics for a validator's errors; a `type` error hides the other errors of its path (noise). */
export function schemaDiagnostics(errors: readonly ErrorObject[], data: unknown, src: YamlSource, wording: SchemaWording): Diagnostic[] {
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'type' || !typed.has(e.instancePath)).map((e) => describe(e, data, src, wording));
}
