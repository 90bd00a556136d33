// src/common/memory.ts: the full collections a large scan runs (between root modules, and between loading and the
// checks) free what is no longer reachable.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { HeapWatch, collectGarbage } from '../../src/common/memory.js';

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

it('HeapWatch collects once the heap has grown by its step since the last collection, not before', () => {
  const watch = new HeapWatch();
  // Less than the step: nothing happens (the garbage stays until V8 collects it).
  watch.afterRoot();
  let garbage: string[] | undefined = Array.from({ length: 1_200_000 }, (_, i) => `value number ${i} `.repeat(4));
  const grown = process.memoryUsage().heapUsed;
  assert.ok(garbage.length > 0);
  garbage = undefined;
  watch.afterRoot();
  const after = process.memoryUsage().heapUsed;
  assert.equal(garbage, undefined);
  assert.ok(grown - after > 100 * 2 ** 20, `freed ${((grown - after) / 2 ** 20).toFixed(0)} MB`);
});
