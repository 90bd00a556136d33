// Functions over lists, sets, tuples, maps and objects.
import { type ObjectValue, Unknown, type Value, containsUnknown, isObject, mergeUnknown, newObject, valueEquals } from '../value.js';
import {
  MAX_DEPTH,
  MAX_ELEMENTS,
  compareStrings,
  fail,
  graphemeCount,
  int,
  kindOf,
  list,
  num,
  obj,
  own,
  primitiveToString,
  sortedKeys,
  str,
  strList,
  unknownOf,
  valueKey,
} from './args.js';
import { unifyElements } from './conversions.js';
import type { FunctionSpec } from './types.js';

function length([v]: Value[]): Value {
  if (v instanceof Unknown) return mergeUnknown([v]);
  if (typeof v === 'string') return graphemeCount(v);
  if (Array.isArray(v)) return v.length;
  if (isObject(v)) return Object.keys(v).length;
  if (v === null) fail('invalid value for "value" parameter: argument must not be null');
  fail(`invalid value for "value" parameter: argument must be a string, a collection type, or a structural type, got ${kindOf(v!)}`);
}

/** The unknown among whole arguments, if any (their structure is then unknown). */
function unknownArgs(args: Value[]): Unknown | undefined {
  const u = args.filter((a) => a instanceof Unknown);
  return u.length ? mergeUnknown(u) : undefined;
}

function concat(args: Value[]): Value {
  const out: Value[] = [];
  args.forEach((a, i) => {
    if (a instanceof Unknown) return;
    if (!Array.isArray(a)) fail(`all arguments must be lists or tuples; argument ${i + 1} is ${kindOf(a)}`);
    if (out.length + a.length > MAX_ELEMENTS) fail(`the result would have more than ${MAX_ELEMENTS} elements`);
    out.push(...a);
  });
  return unknownArgs(args) ?? out;
}

function merge(args: Value[]): Value {
  const out = newObject();
  args.forEach((a, i) => {
    if (a === null || a instanceof Unknown) return;
    if (!isObject(a)) fail(`arguments must be maps or objects; argument ${i + 1} is ${kindOf(a)}`);
    for (const k of Object.keys(a)) out[k] = a[k]!;
  });
  return unknownArgs(args) ?? out;
}

function lookup([m, k, dflt]: Value[]): Value {
  if (m instanceof Unknown || k instanceof Unknown) return mergeUnknown([m!, k!]);
  const map = obj(m!, 'inputMap');
  const key = str(k!, 'key');
  if (own(map, key)) return map[key]!;
  if (dflt !== undefined) return dflt;
  fail(`lookup failed to find key ${JSON.stringify(key)}`);
}

function element([l, i]: Value[]): Value {
  if (l instanceof Unknown || i instanceof Unknown) return mergeUnknown([l!, i!]);
  const items = list(l!, 'list');
  const index = int(i!, 'index');
  if (index < 0) fail('cannot use element function with a negative index');
  if (items.length === 0) fail('cannot use element function with an empty list');
  return items[index % items.length]!;
}

function contains([l, v]: Value[]): Value {
  if (l instanceof Unknown || containsUnknown(v!)) return mergeUnknown([l!, v!]);
  const items = list(l!, 'list');
  const unknowns: Value[] = [];
  for (const item of items) {
    const eq = valueEquals(item, v!);
    if (eq === true) return true;
    if (eq === undefined) unknowns.push(item);
  }
  return unknowns.length ? unknownOf(unknowns) : false;
}

function keys([m]: Value[]): Value {
  if (m instanceof Unknown) return mergeUnknown([m]);
  return sortedKeys(obj(m!, 'inputMap'));
}

function values([m]: Value[]): Value {
  if (m instanceof Unknown) return mergeUnknown([m]);
  const map = obj(m!, 'mapping');
  return sortedKeys(map).map((k) => map[k]!);
}

function flattenInto(items: Value[], out: Value[], depth: number): void {
  if (depth > MAX_DEPTH) fail('the list is nested too deeply');
  for (const v of items) {
    if (Array.isArray(v)) flattenInto(v, out, depth + 1);
    else out.push(v);
    if (out.length > MAX_ELEMENTS) fail(`the result would have more than ${MAX_ELEMENTS} elements`);
  }
}

function flatten([l]: Value[]): Value {
  const out: Value[] = [];
  flattenInto(list(l!, 'list'), out, 0);
  return out;
}

function distinct([l]: Value[]): Value {
  const seen = new Set<string>();
  return list(l!, 'list').filter((v) => {
    const k = valueKey(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function compact([l]: Value[]): Value {
  return list(l!, 'list').flatMap((v, i) => {
    if (v === null || v === '') return [];
    const s = primitiveToString(v);
    if (s === undefined) fail(`invalid value for "list" parameter: element ${i}: string required, got ${kindOf(v)}`);
    return [s];
  });
}

function coalesce(args: Value[]): Value {
  const known = args.filter((a) => a !== null && !(a instanceof Unknown));
  const toString = known.some((a) => typeof a === 'string') && known.every((a) => primitiveToString(a) !== undefined);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a instanceof Unknown) {
      // A value known to be present and non-empty is the answer even though its content is not known.
      if (a.nonEmpty) return a;
      return mergeUnknown(args.slice(i));
    }
    if (a === null || a === '') continue;
    return toString ? primitiveToString(a)! : a;
  }
  fail('no non-null, non-empty-string arguments');
}

function coalescelist(args: Value[]): Value {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a instanceof Unknown) return mergeUnknown(args.slice(i));
    if (a === null) continue;
    if (!Array.isArray(a)) fail(`all arguments must be lists or tuples; argument ${i + 1} is ${kindOf(a)}`);
    if (a.length > 0) return a;
  }
  fail('no non-null arguments');
}

function one([l]: Value[]): Value {
  if (l instanceof Unknown) return mergeUnknown([l]);
  const items = list(l!, 'list');
  if (items.length > 1) fail(`must be a list, set, or tuple value with either zero or one elements, got ${items.length} elements`);
  return items.length ? items[0]! : null;
}

function zipmap([k, v]: Value[]): Value {
  if (k instanceof Unknown || containsUnknown(k!) || v instanceof Unknown) return unknownOf([k!, v!]);
  const ks = strList(k!, 'keys');
  const vs = list(v!, 'values');
  if (ks.length !== vs.length) fail(`number of keys (${ks.length}) does not match number of values (${vs.length})`);
  const out = newObject();
  ks.forEach((key, i) => (out[key] = vs[i]!));
  return out;
}

function range(args: Value[]): Value {
  const nums = args.map((a, i) => num(a, ['start', 'limit', 'step'][args.length === 1 ? 1 : i]!));
  const [start, limit] = nums.length === 1 ? [0, nums[0]!] : [nums[0]!, nums[1]!];
  const step = nums[2] ?? (start <= limit ? 1 : -1);
  if (step === 0) fail('step must not be zero');
  if (start < limit && step < 0) fail('step must be positive when start is less than limit');
  if (start > limit && step > 0) fail('step must be negative when start is greater than limit');
  const count = Math.max(0, Math.ceil((limit - start) / step));
  if (count > MAX_ELEMENTS) fail(`more than ${MAX_ELEMENTS} values were requested`);
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(start + i * step);
  return out;
}

function reverse([l]: Value[]): Value {
  if (l instanceof Unknown) return mergeUnknown([l]);
  return [...list(l!, 'list')].reverse();
}

function sort([l]: Value[]): Value {
  const items = list(l!, 'list');
  items.forEach((v, i) => v === null && fail(`given list element ${i} is null; a null string cannot be sorted`));
  return strList(items, 'list').sort(compareStrings);
}

function slice([l, s, e]: Value[]): Value {
  if (l instanceof Unknown || s instanceof Unknown || e instanceof Unknown) return mergeUnknown([l!, s!, e!]);
  const items = list(l!, 'list');
  const start = int(s!, 'start_index');
  const end = int(e!, 'end_index');
  if (start < 0) fail('invalid value for "start_index" parameter: must be greater than or equal to 0');
  if (end > items.length)
    fail(`invalid value for "end_index" parameter: must not be greater than the length of the list (${items.length})`);
  if (start > end) fail('invalid value for "start_index" parameter: must be less than or equal to "end_index"');
  return items.slice(start, end);
}

function index([l, v]: Value[]): Value {
  const items = list(l!, 'list');
  const i = items.findIndex((x) => valueEquals(x, v!) === true);
  if (i < 0) fail('item not found');
  return i;
}

function chunklist([l, s]: Value[]): Value {
  const items = list(l!, 'list');
  const size = int(s!, 'size');
  if (size < 0) fail('the size argument must be positive');
  if (size === 0) return [items];
  const out: Value[] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function boolList(l: Value, param: string): (boolean | null | Unknown)[] {
  return list(l, param).map((v, i) => {
    if (v === null || typeof v === 'boolean' || v instanceof Unknown) return v;
    if (v === 'true' || v === 'false') return v === 'true';
    fail(`invalid value for "${param}" parameter: element ${i}: bool required, got ${kindOf(v)}`);
  });
}

function alltrue([l]: Value[]): Value {
  if (l instanceof Unknown) return mergeUnknown([l]);
  const items = boolList(l!, 'list');
  // A null element counts as false, like Terraform.
  if (items.some((v) => v === false || v === null)) return false;
  return items.some((v) => v instanceof Unknown) ? unknownOf(items as Value[]) : true;
}

function anytrue([l]: Value[]): Value {
  if (l instanceof Unknown) return mergeUnknown([l]);
  const items = boolList(l!, 'list');
  if (items.some((v) => v === true)) return true;
  return items.some((v) => v instanceof Unknown) ? unknownOf(items as Value[]) : false;
}

function transpose([m]: Value[]): Value {
  const map = obj(m!, 'values');
  const out: ObjectValue = newObject();
  for (const k of sortedKeys(map)) {
    for (const v of strList(map[k]!, 'values')) {
      const arr = own(out, v) ? (out[v] as Value[]) : (out[v] = []);
      arr.push(k);
    }
  }
  return out;
}

function matchkeys([v, k, search]: Value[]): Value {
  const vs = list(v!, 'values');
  const ks = unifyElements(list(k!, 'keys'), 'list');
  const wanted = new Set(unifyElements(list(search!, 'searchset'), 'list').map((x) => valueKey(x)));
  if (vs.length !== ks.length) fail('length of keys and values should be equal');
  return vs.filter((_, i) => wanted.has(valueKey(ks[i]!)));
}

export const collectionFunctions: Record<string, FunctionSpec> = {
  length: { fn: length, minArgs: 1, maxArgs: 1, handlesUnknown: true },
  concat: { fn: concat, minArgs: 0, maxArgs: Infinity, handlesUnknown: true },
  merge: { fn: merge, minArgs: 0, maxArgs: Infinity, handlesUnknown: true },
  lookup: { fn: lookup, minArgs: 2, maxArgs: 3, handlesUnknown: true },
  element: { fn: element, minArgs: 2, maxArgs: 2, handlesUnknown: true },
  contains: { fn: contains, minArgs: 2, maxArgs: 2, handlesUnknown: true },
  keys: { fn: keys, minArgs: 1, maxArgs: 1, handlesUnknown: true },
  values: { fn: values, minArgs: 1, maxArgs: 1, handlesUnknown: true },
  flatten: { fn: flatten, minArgs: 1, maxArgs: 1 },
  distinct: { fn: distinct, minArgs: 1, maxArgs: 1 },
  compact: { fn: compact, minArgs: 1, maxArgs: 1 },
  coalesce: { fn: coalesce, minArgs: 1, maxArgs: Infinity, handlesUnknown: true },
  coalescelist: { fn: coalescelist, minArgs: 1, maxArgs: Infinity, handlesUnknown: true },
  one: { fn: one, minArgs: 1, maxArgs: 1, handlesUnknown: true },
  zipmap: { fn: zipmap, minArgs: 2, maxArgs: 2, handlesUnknown: true },
  range: { fn: range, minArgs: 1, maxArgs: 3 },
  reverse: { fn: reverse, minArgs: 1, maxArgs: 1, handlesUnknown: true },
  sort: { fn: sort, minArgs: 1, maxArgs: 1 },
  slice: { fn: slice, minArgs: 3, maxArgs: 3, handlesUnknown: true },
  index: { fn: index, minArgs: 2, maxArgs: 2 },
  chunklist: { fn: chunklist, minArgs: 2, maxArgs: 2 },
  alltrue: { fn: alltrue, minArgs: 1, maxArgs: 1, handlesUnknown: true },
  anytrue: { fn: anytrue, minArgs: 1, maxArgs: 1, handlesUnknown: true },
  transpose: { fn: transpose, minArgs: 1, maxArgs: 1 },
  matchkeys: { fn: matchkeys, minArgs: 3, maxArgs: 3 },
};
