// Comparisons of one value with a literal, in three-valued logic. Conversions follow Terraform's own
// (a string "14" equals the number 14, "true" equals true); everything else of a different type is unequal.
import { Unknown, valueEquals, type Value } from '../evaluate/value.js';
import type { CmpOp } from './ast.js';
import { Count, Members, type Datum } from './functions/types.js';
import { F, T, U, type Truth } from './truth.js';

export type Scalar = string | number | boolean;

const NUMBER_TEXT = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** A number, or a string holding one; undefined otherwise. */
export function asNumber(v: Datum): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && NUMBER_TEXT.test(v)) return Number(v);
  return undefined;
}

/** Scalars as text (Terraform converts numbers and booleans to strings this way). */
export function asText(v: Datum): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function scalarEquals(a: Scalar, b: Scalar): boolean {
  if (typeof a === typeof b) return a === b;
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const bool = typeof a === 'boolean' ? a : (b as boolean);
    const other = typeof a === 'boolean' ? b : a;
    return typeof other === 'string' && other === String(bool);
  }
  const x = asNumber(a);
  const y = asNumber(b);
  return x !== undefined && y !== undefined && x === y;
}

/** `=` between a datum and a literal or another datum. */
export function equals(a: Datum, b: Datum): Truth {
  if (a instanceof Unknown || b instanceof Unknown) return U;
  if (a instanceof Count) return countCompare(a, '=', b);
  if (b instanceof Count) return countCompare(b, '=', a);
  if (a === undefined || b === undefined || a instanceof Members || b instanceof Members) return F;
  if (a === null || b === null) return a === b ? T : F;
  if (typeof a !== 'object' && typeof b !== 'object') return scalarEquals(a, b) ? T : F;
  // A list and one value, as CloudGuard compares them: equal when an element is (`Principal.AWS = '*'` for ["*"]).
  if (Array.isArray(a) !== Array.isArray(b) && (typeof a !== 'object' || typeof b !== 'object')) {
    const [items, one] = Array.isArray(a) ? [a, b] : [b as Value[], a];
    let r: Truth = F;
    for (const x of items) {
      const t = equals(x, one);
      if (t === T) return T;
      if (t === U) r = U;
    }
    return r;
  }
  const r = valueEquals(a as Value, b as Value);
  return r === undefined ? U : r ? T : F;
}

function countCompare(c: Count, op: CmpOp, other: Datum): Truth {
  if (other instanceof Unknown) return U;
  const n = other instanceof Count ? (other.min === other.max ? other.min : undefined) : asNumber(other);
  if (n === undefined) return other instanceof Count ? U : F;
  const lo = c.min;
  const hi = c.max;
  switch (op) {
    case '=':
      return lo === hi && lo === n ? T : n < lo || n > hi ? F : U;
    case '!=':
      return lo === hi && lo === n ? F : n < lo || n > hi ? T : U;
    case '<':
      return hi < n ? T : lo >= n ? F : U;
    case '<=':
      return hi <= n ? T : lo > n ? F : U;
    case '>':
      return lo > n ? T : hi <= n ? F : U;
    case '>=':
      return lo >= n ? T : hi < n ? F : U;
  }
}

/** `<`, `<=`, `>`, `>=`: numbers (or numeric strings) numerically, other strings by code units. */
export function order(a: Datum, op: CmpOp, b: Datum): Truth {
  if (a instanceof Unknown || b instanceof Unknown) return U;
  if (a instanceof Count) return countCompare(a, op, b);
  if (b instanceof Count) return countCompare(b, flip(op), a);
  const x = asNumber(a);
  const y = asNumber(b);
  let c: number;
  if (x !== undefined && y !== undefined) c = x - y;
  else if (typeof a === 'string' && typeof b === 'string') c = a < b ? -1 : a > b ? 1 : 0;
  else return F;
  switch (op) {
    case '<':
      return c < 0 ? T : F;
    case '<=':
      return c <= 0 ? T : F;
    case '>':
      return c > 0 ? T : F;
    case '>=':
      return c >= 0 ? T : F;
    default:
      return F;
  }
}

function flip(op: CmpOp): CmpOp {
  return op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : op;
}

/** `like`: `%` matches any text (also none), everything else literally, ignoring case. */
export function likeToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('%')
    .map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${body}$`, 'iu');
}

/** Apply a text test (like, regexMatch) to a datum: scalars as text; absent and others false. */
export function textTest(v: Datum, re: RegExp): Truth {
  if (v instanceof Unknown) return U;
  const s = asText(v);
  return s !== undefined && re.test(s) ? T : F;
}
