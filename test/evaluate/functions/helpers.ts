// Shared helpers for the function library tests.
import assert from 'node:assert/strict';
import { callFunction } from '../../../src/evaluate/functions/index.js';
import { FunctionError } from '../../../src/evaluate/functions/types.js';
import { type Value, Unknown, fromJSON, objectFrom, unknown } from '../../../src/evaluate/value.js';

/** Plain JS data as a Value (null-prototype objects), keeping Unknown instances anywhere inside. */
export function toValue(x: unknown): Value {
  if (x instanceof Unknown) return x;
  if (Array.isArray(x)) return x.map(toValue);
  if (x !== null && typeof x === 'object') return objectFrom(Object.entries(x).map(([k, v]) => [k, toValue(v)] as const));
  return fromJSON(x);
}

export function call(name: string, ...args: unknown[]): Value {
  return callFunction(name, args.map(toValue));
}

/** Compare a result with plain JS data. */
export function eq(actual: Value, expected: unknown): void {
  assert.deepEqual(JSON.parse(JSON.stringify(actual)), expected);
}

export function fails(name: string, args: unknown[], message: RegExp | string): void {
  assert.throws(
    () => call(name, ...args),
    (e: unknown) => {
      assert.ok(e instanceof FunctionError, `expected FunctionError, got ${String(e)}`);
      if (typeof message === 'string') assert.equal(e.message, message);
      else assert.match(e.message, message);
      return true;
    },
  );
}

export function ref(address: string): Unknown {
  return new Unknown([{ kind: 'reference', ref: address }], true);
}

export const unknownVar = (name: string): Unknown => unknown({ kind: 'variable', name });

export function assertUnknown(v: Value, refs: string[] = []): Unknown {
  assert.ok(v instanceof Unknown, `expected unknown, got ${JSON.stringify(v)}`);
  assert.deepEqual(v.refs, refs);
  return v;
}

/** An object value inherits nothing: keys from scanned input (`constructor`, `toString`) find only its own properties. */
export function assertNoInheritedKeys(o: unknown): void {
  assert.ok(o !== null && typeof o === 'object');
  for (const k of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', '__defineGetter__'])
    if (!Object.prototype.hasOwnProperty.call(o, k)) assert.equal((o as Record<string, unknown>)[k], undefined, `${k} is inherited`);
}
