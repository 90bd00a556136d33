import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Unknown } from '../../../src/evaluate/value.js';
import { assertNoInheritedKeys, assertUnknown, call, eq, fails, ref } from './helpers.js';

describe('conversion functions', () => {
  it('tostring, tonumber, tobool', () => {
    assert.equal(call('tostring', 'hello'), 'hello');
    assert.equal(call('tostring', 5), '5');
    assert.equal(call('tostring', 2.5), '2.5');
    assert.equal(call('tostring', 1e21), '1000000000000000000000');
    assert.equal(call('tostring', 1.5e-7), '0.00000015');
    assert.equal(call('tostring', true), 'true');
    assert.equal(call('tostring', null), null);
    fails('tostring', [[]], 'tostring(): invalid value for "v" parameter: cannot convert list to string');
    assert.equal(call('tonumber', 1), 1);
    assert.equal(call('tonumber', '1'), 1);
    assert.equal(call('tonumber', '-2.5e1'), -25);
    assert.equal(call('tonumber', null), null);
    fails('tonumber', ['no'], /cannot convert "no" to number/);
    fails('tonumber', [' 1'], /cannot convert " 1" to number/);
    assert.equal(call('tobool', true), true);
    assert.equal(call('tobool', 'false'), false);
    assert.equal(call('tobool', null), null);
    fails('tobool', ['no'], /only the strings "true" or "false" are allowed/);
    fails('tobool', [1], /cannot convert number to bool/);
    assertUnknown(call('tostring', ref('r.id')), ['r.id']);
  });

  it('tolist and tomap unify primitive types and keep unknown elements', () => {
    eq(call('tolist', ['a', 'b', 'c']), ['a', 'b', 'c']);
    eq(call('tolist', ['a', 1, true]), ['a', '1', 'true']);
    fails('tolist', [[1, true]], /all elements must have the same type, found boolean and number/);
    fails('tolist', [{ a: 1 }], /cannot convert object to list/);
    const l = call('tolist', ['a', ref('r.x')]) as unknown[];
    assert.ok(l[1] instanceof Unknown);
    eq(call('tomap', { a: 'foo', b: true }), { a: 'foo', b: 'true' });
    fails('tomap', [['a']], /cannot convert list to map/);
    assertNoInheritedKeys(call('tomap', { a: 1 }));
  });

  it('toset sorts strings lexically, numbers numerically, and removes duplicates', () => {
    eq(call('toset', ['c', 'b', 'b', 'a']), ['a', 'b', 'c']);
    eq(call('toset', ['a', 'b', 3]), ['3', 'a', 'b']);
    eq(call('toset', [10, 9, 10]), [9, 10]);
    eq(call('toset', ['b', 'B', 'ä', 'a']), ['B', 'a', 'b', 'ä']);
    assertUnknown(call('toset', ['a', ref('r.x')]), ['r.x']);
  });

  it('sensitive and nonsensitive return their argument', () => {
    assert.equal(call('sensitive', 'x'), 'x');
    const u = ref('r.password');
    assert.equal(call('nonsensitive', u), u);
  });
});

describe('set functions', () => {
  it('union, intersection, difference, product', () => {
    eq(call('setunion', ['a', 'b'], ['b', 'c'], ['d']), ['a', 'b', 'c', 'd']);
    eq(call('setintersection', ['a', 'b'], ['b', 'c'], ['b', 'd']), ['b']);
    eq(call('setsubtract', ['a', 'b', 'c'], ['a', 'c']), ['b']);
    eq(call('setproduct', ['development', 'staging'], ['app1', 'app2']), [
      ['development', 'app1'],
      ['development', 'app2'],
      ['staging', 'app1'],
      ['staging', 'app2'],
    ]);
    eq(call('setproduct', ['a'], []), []);
    fails('setproduct', [['a']], 'setproduct() takes at least 2 arguments, got 1');
    const big = Array.from({ length: 1100 }, (_, i) => i);
    fails('setproduct', [big, big], /more than 1024000/);
    fails('setunion', [['a'], 'b'], /list required, got string/);
  });
});
