// Set functions. Sets are arrays in Terraform's set order (see makeSet).
import type { Value } from '../value.js';
import { MAX_ELEMENTS, fail, list, valueKey } from './args.js';
import { makeSet } from './conversions.js';
import type { FunctionSpec } from './types.js';

function sets(args: Value[]): Value[][] {
  return args.map((a, i) => makeSet(list(a, `sets[${i}]`)));
}

function setunion(args: Value[]): Value {
  return makeSet(sets(args).flat());
}

function setintersection(args: Value[]): Value {
  const [first, ...rest] = sets(args);
  const others = rest.map((s) => new Set(s.map((v) => valueKey(v))));
  return first!.filter((v) => others.every((o) => o.has(valueKey(v))));
}

function setsubtract([a, b]: Value[]): Value {
  const [left, right] = sets([a!, b!]);
  const remove = new Set(right!.map((v) => valueKey(v)));
  return left!.filter((v) => !remove.has(valueKey(v)));
}

function setproduct(args: Value[]): Value {
  const lists = args.map((a, i) => list(a, `sets[${i}]`));
  const total = lists.reduce((n, l) => n * l.length, 1);
  if (total > MAX_ELEMENTS) fail(`the product would have ${total} elements, more than ${MAX_ELEMENTS}`);
  let out: Value[][] = [[]];
  for (const l of lists) out = out.flatMap((prefix) => l.map((v) => [...prefix, v]));
  return out;
}

export const setFunctions: Record<string, FunctionSpec> = {
  setunion: { fn: setunion, minArgs: 1, maxArgs: Infinity },
  setintersection: { fn: setintersection, minArgs: 1, maxArgs: Infinity },
  setsubtract: { fn: setsubtract, minArgs: 2, maxArgs: 2 },
  setproduct: { fn: setproduct, minArgs: 2, maxArgs: Infinity },
};
