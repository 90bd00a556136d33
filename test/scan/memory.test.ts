// src/common/memory.ts: the full collection a large scan runs between loading and the checks frees what is no longer
// reachable.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { collectGarbage } from '../../src/common/memory.js';

it('collectGarbage frees unreachable memory at once', () => {
  let garbage: string[] | undefined = Array.from({ length: 400_000 }, (_, i) => `value number ${i} `.repeat(4));
  const before = process.memoryUsage().heapUsed;
  assert.ok(garbage.length > 0);
  garbage = undefined;
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  assert.equal(garbage, undefined);
  assert.ok(before - after > 40 * 2 ** 20, `freed ${((before - after) / 2 ** 20).toFixed(0)} MB`);
});
