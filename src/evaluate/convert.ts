// Terraform's implicit conversions between primitive values, shared by operators and templates.
import { numStr } from './functions/args.js';
import { Unknown, type Value, isObject } from './value.js';
import { QuietError, named } from './quiet-error.js';

/** An error Terraform would report while evaluating (a bad type, a missing key); without a stack trace. */
export class EvalError extends QuietError {}
named(EvalError, 'EvalError');

/** Render a number as Terraform does in strings: no exponent, all digits (shared with the functions). */
export function numberToString(n: number): string {
  if (!Number.isFinite(n)) throw new EvalError(`cannot convert ${n} to string`);
  return numStr(n);
}

/** Convert a primitive to a string for templates and string parameters. Unknown passes through. */
export function toStringValue(v: Value, what: string): string | Unknown {
  if (v instanceof Unknown) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) throw new EvalError(`${what}: the value is null; a string is required`);
  throw new EvalError(`${what}: cannot use ${Array.isArray(v) ? 'a list' : 'an object'} where a string is required`);
}

/** Convert to a number as Terraform does for arithmetic: numbers, and strings that spell numbers. */
export function toNumberValue(v: Value, what: string): number | Unknown {
  if (v instanceof Unknown) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t !== '' && /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
    throw new EvalError(`${what}: "${v}" is not a number`);
  }
  if (v === null) throw new EvalError(`${what}: the value is null; a number is required`);
  throw new EvalError(`${what}: a number is required, got ${describeType(v)}`);
}

export function toBoolValue(v: Value, what: string): boolean | Unknown {
  if (v instanceof Unknown) return v;
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v === null) throw new EvalError(`${what}: the value is null; a bool is required`);
  throw new EvalError(`${what}: a bool is required, got ${describeType(v)}`);
}

export function describeType(v: Value): string {
  if (v === null) return 'null';
  if (v instanceof Unknown) return 'an unknown value';
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return 'an object';
  return `a ${typeof v}`;
}
