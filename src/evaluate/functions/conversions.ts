// Type conversion functions (tostring, tonumber, tobool, tolist, toset, tomap) and the set
// ordering shared by the set functions.
import { type ObjectValue, Unknown, type Value, isObject, newObject } from '../value.js';
import { compareStrings, fail, kindOf, parseNumber, primitiveToString, valueKey } from './args.js';
import type { FunctionSpec } from './types.js';

function cannot(v: Value, to: string): never {
  fail(`invalid value for "v" parameter: cannot convert ${kindOf(v)} to ${to}`);
}

function tostring([v]: Value[]): Value {
  if (v === null || v === undefined) return null;
  const s = primitiveToString(v);
  if (s === undefined) cannot(v, 'string');
  return s;
}

function tonumber([v]: Value[]): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = parseNumber(v);
    if (n === undefined)
      fail(`invalid value for "v" parameter: cannot convert "${v}" to number; given string must be a decimal representation of a number`);
    return n;
  }
  cannot(v, 'number');
}

function tobool([v]: Value[]): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (typeof v === 'string')
    fail(`invalid value for "v" parameter: cannot convert "${v}" to bool; only the strings "true" or "false" are allowed`);
  cannot(v, 'bool');
}

/**
 * Terraform converts the elements of a list, set or map to one type: when strings are mixed with
 * numbers or bools, all become strings. Numbers mixed with bools have no common type. Nulls and
 * unknowns, and lists and objects, are left as they are.
 */
export function unifyElements(items: Value[], what: string): Value[] {
  const kinds = new Set<string>();
  for (const v of items) if (v !== null && !(v instanceof Unknown)) kinds.add(Array.isArray(v) ? 'list' : typeof v);
  if (kinds.size <= 1) return items;
  const primitives = [...kinds].every((k) => k === 'string' || k === 'number' || k === 'boolean');
  if (!primitives || !kinds.has('string'))
    fail(
      `invalid value for "v" parameter: cannot convert to ${what}: all elements must have the same type, found ${[...kinds].sort().join(' and ')}`,
    );
  return items.map((v) => (v === null || v instanceof Unknown ? v : (primitiveToString(v) as string)));
}

function primitiveRank(v: Value): number {
  if (typeof v === 'boolean') return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  return 3;
}

/**
 * A set as tfguard stores it: distinct known elements in Terraform's set order (strings lexically,
 * numbers ascending, false before true; lists and objects keep their first-seen order).
 */
export function makeSet(items: Value[], what = 'set'): Value[] {
  const unified = unifyElements(items, what);
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const v of unified) {
    const k = valueKey(v);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out.sort((a, b) => {
    const ra = primitiveRank(a);
    const rb = primitiveRank(b);
    if (ra !== rb || ra === 3) return ra - rb;
    if (typeof a === 'string') return compareStrings(a, b as string);
    return (a as number) - (b as number);
  });
}

function tolist([v]: Value[]): Value {
  if (v === null || v === undefined) return null;
  if (v instanceof Unknown) return v;
  if (!Array.isArray(v)) cannot(v, 'list');
  return unifyElements(v, 'list');
}

function toset([v]: Value[]): Value {
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v)) cannot(v, 'set');
  return makeSet(v);
}

function tomap([v]: Value[]): Value {
  if (v === null || v === undefined) return null;
  if (v instanceof Unknown) return v;
  if (!isObject(v)) cannot(v, 'map');
  const keys = Object.keys(v);
  const values = unifyElements(
    keys.map((k) => v[k]!),
    'map',
  );
  const out: ObjectValue = newObject();
  keys.forEach((k, i) => (out[k] = values[i]!));
  return out;
}

export const conversionFunctions: Record<string, FunctionSpec> = {
  tostring: { fn: tostring, minArgs: 1, maxArgs: 1 },
  tonumber: { fn: tonumber, minArgs: 1, maxArgs: 1 },
  tobool: { fn: tobool, minArgs: 1, maxArgs: 1 },
  // The structure of a list or map stays known when some elements are not.
  tolist: { fn: tolist, minArgs: 1, maxArgs: 1, handlesUnknown: true },
  toset: { fn: toset, minArgs: 1, maxArgs: 1 },
  tomap: { fn: tomap, minArgs: 1, maxArgs: 1, handlesUnknown: true },
  // Sensitivity is a plan-time marking; the value is the same.
  sensitive: { fn: ([v]) => v ?? null, minArgs: 1, maxArgs: 1, handlesUnknown: true },
  nonsensitive: { fn: ([v]) => v ?? null, minArgs: 1, maxArgs: 1, handlesUnknown: true },
};
