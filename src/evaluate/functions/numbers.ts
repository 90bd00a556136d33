// Numeric functions.
import type { Value } from '../value.js';
import { fail, int, list, num, str } from './args.js';
import type { FunctionSpec } from './types.js';

function finite(n: number, what: string): number {
  if (!Number.isFinite(n)) fail(`${what} is not a finite number`);
  return n;
}

function minmax(args: Value[], pick: (a: number, b: number) => number): Value {
  if (args.length === 0) fail('must pass at least one number');
  return args.map((a, i) => num(a, `numbers[${i}]`)).reduce((a, b) => pick(a, b));
}

function sum([l]: Value[]): Value {
  const items = list(l!, 'list');
  if (items.length === 0) fail('cannot sum an empty list');
  return finite(
    items
      .map((v, i) => (v === null ? fail(`argument must be list, set, or tuple of number values; element ${i} is null`) : num(v, 'list')))
      .reduce((a, b) => a + b, 0),
    'the sum',
  );
}

function log([n, b]: Value[]): Value {
  const x = num(n!, 'num');
  const base = num(b!, 'base');
  const r = Math.log(x) / Math.log(base);
  // Terraform yields infinities here (log(0, 10) = -inf); tfguard has no infinite numbers.
  if (!Number.isFinite(r)) fail(`log(${x}, ${base}) is not a finite number`);
  return r;
}

function pow([a, b]: Value[]): Value {
  return finite(num(a!, 'num') ** num(b!, 'power'), 'the result');
}

/** Digits of bases up to 62, as Go's big.Int accepts them. */
function digitValue(c: string, base: number): number {
  const code = c.charCodeAt(0);
  let d = 99;
  if (code >= 48 && code <= 57) d = code - 48;
  else if (code >= 97 && code <= 122) d = code - 97 + 10;
  else if (code >= 65 && code <= 90) d = code - 65 + (base <= 36 ? 10 : 36);
  return d < base ? d : -1;
}

function parseint([s, b]: Value[]): Value {
  const text = str(s!, 'number');
  const base = int(b!, 'base');
  if (base < 2 || base > 62) fail(`invalid value for "base" parameter: base must be a whole number between 2 and 62 inclusive`);
  const m = /^([+-]?)(.+)$/s.exec(text);
  const bad = (): never => fail(`cannot parse ${JSON.stringify(text.slice(0, 80))} as a base ${base} integer`);
  if (!m || m[2]!.length > 1100) bad();
  let n = 0n;
  for (const c of m![2]!) {
    const d = digitValue(c, base);
    if (d < 0) bad();
    n = n * BigInt(base) + BigInt(d);
  }
  const value = Number(n);
  if (!Number.isFinite(value)) fail(`${JSON.stringify(text)} is too large`);
  return m![1] === '-' ? -value : value;
}

export const numberFunctions: Record<string, FunctionSpec> = {
  abs: { fn: ([n]) => Math.abs(num(n!, 'num')), minArgs: 1, maxArgs: 1 },
  ceil: { fn: ([n]) => Math.ceil(num(n!, 'num')), minArgs: 1, maxArgs: 1 },
  floor: { fn: ([n]) => Math.floor(num(n!, 'num')), minArgs: 1, maxArgs: 1 },
  signum: { fn: ([n]) => Math.sign(num(n!, 'num')) || 0, minArgs: 1, maxArgs: 1 },
  min: { fn: (args) => minmax(args, Math.min), minArgs: 1, maxArgs: Infinity },
  max: { fn: (args) => minmax(args, Math.max), minArgs: 1, maxArgs: Infinity },
  sum: { fn: sum, minArgs: 1, maxArgs: 1 },
  log: { fn: log, minArgs: 2, maxArgs: 2 },
  pow: { fn: pow, minArgs: 2, maxArgs: 2 },
  parseint: { fn: parseint, minArgs: 2, maxArgs: 2 },
};
