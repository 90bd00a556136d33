import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Unknown } from '../../../src/evaluate/value.js';
import { assertNoInheritedKeys, assertUnknown, call, eq, fails, ref, unknownVar } from './helpers.js';

describe('collection functions', () => {
  it('length counts graphemes, elements and keys', () => {
    assert.equal(call('length', []), 0);
    assert.equal(call('length', ['a', 'b']), 2);
    assert.equal(call('length', { a: 'b' }), 1);
    assert.equal(call('length', 'hello'), 5);
    assert.equal(call('length', '👾🕹️'), 2);
    assert.equal(call('length', 'e\u0301'), 1);
    fails('length', [null], 'length(): invalid value for "value" parameter: argument must not be null');
    fails('length', [5], /argument must be a string, a collection type, or a structural type, got number/);
  });

  it('length stays known for lists and objects with unknown elements', () => {
    assert.equal(call('length', ['a', ref('aws_s3_bucket.b.id')]), 2);
    assert.equal(call('length', { a: ref('x.y.z') }), 1);
    assertUnknown(call('length', ref('aws_s3_bucket.b.tags')), ['aws_s3_bucket.b.tags']);
  });

  it('concat joins lists and keeps unknown elements in place', () => {
    eq(call('concat', ['a', ''], ['b', 'c']), ['a', '', 'b', 'c']);
    eq(call('concat'), []);
    const r = call('concat', ['a'], [ref('aws_kms_key.k.arn')]);
    assert.ok(Array.isArray(r) && r[0] === 'a' && r[1] instanceof Unknown);
    assertUnknown(call('concat', ['a'], ref('data.x.y.ids')), ['data.x.y.ids']);
    fails('concat', [['a'], 'b'], 'concat(): all arguments must be lists or tuples; argument 2 is string');
  });

  it('merge is shallow and right-wins, skipping null', () => {
    eq(call('merge', { a: 'b', c: 'd' }, { e: 'f', c: 'z' }), { a: 'b', c: 'z', e: 'f' });
    eq(call('merge', { a: { x: 1 } }, null, { a: { y: 2 } }), { a: { y: 2 } });
    eq(call('merge'), {});
    const r = call('merge', { tags: ref('var.t') }, { name: 'n' }) as Record<string, unknown>;
    assert.ok(r.tags instanceof Unknown);
    assert.equal(r.name, 'n');
    assertNoInheritedKeys(r);
    assertUnknown(call('merge', { a: 1 }, ref('module.m.tags')), ['module.m.tags']);
    fails('merge', [{ a: 1 }, ['x']], 'merge(): arguments must be maps or objects; argument 2 is list');
  });

  it('merge keeps keys such as __proto__ as plain data', () => {
    const r = call('merge', JSON.parse('{"__proto__": {"polluted": true}}'), { b: 1 }) as Record<string, unknown>;
    assert.deepEqual(Object.keys(r).sort(), ['__proto__', 'b']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('lookup finds keys, falls back to the default, or fails', () => {
    assert.equal(call('lookup', { a: 'ay', b: 'bee' }, 'a', 'what?'), 'ay');
    assert.equal(call('lookup', { a: 'ay', b: 'bee' }, 'c', 'what?'), 'what?');
    fails('lookup', [{ a: 1 }, 'c'], 'lookup(): lookup failed to find key "c"');
    fails('lookup', [{ a: 1 }], 'lookup() takes 2 or 3 arguments, got 1');
    fails('lookup', [null, 'a'], /argument must not be null/);
    fails('lookup', [{}, 'toString'], /failed to find key "toString"/);
    assert.equal(call('lookup', { a: 'x', b: ref('r.b') }, 'a'), 'x');
    assertUnknown(call('lookup', { a: 'x' }, ref('r.k')), ['r.k']);
  });

  it('element wraps around and rejects empty lists and negative indexes', () => {
    assert.equal(call('element', ['a', 'b', 'c'], 1), 'b');
    assert.equal(call('element', ['a', 'b', 'c'], 3), 'a');
    assert.equal(call('element', ['a', 'b'], '3'), 'b');
    fails('element', [[], 0], 'element(): cannot use element function with an empty list');
    fails('element', [['a'], -1], 'element(): cannot use element function with a negative index');
    fails('element', [['a'], 1.5], /whole number/);
    assert.equal(call('element', ['a', ref('r.b')], 0), 'a');
  });

  it('contains is known when a known element matches', () => {
    assert.equal(call('contains', ['a', 'b', 'c'], 'a'), true);
    assert.equal(call('contains', ['a', 'b', 'c'], 'd'), false);
    assert.equal(call('contains', [1, 2], '1'), false);
    assert.equal(call('contains', [['a']], ['a']), true);
    assert.equal(call('contains', ['a', ref('r.x')], 'a'), true);
    assertUnknown(call('contains', ['a', ref('r.x')], 'b'), ['r.x']);
    assertUnknown(call('contains', ['a'], ref('r.v')), ['r.v']);
  });

  it('keys and values follow lexical key order', () => {
    eq(call('keys', { b: 2, a: 1, c: 3 }), ['a', 'b', 'c']);
    eq(call('values', { b: 2, a: 1, c: 3 }), [1, 2, 3]);
    eq(call('keys', { b: ref('x.y'), a: 1 }), ['a', 'b']);
    const v = call('values', { b: ref('x.y'), a: 1 }) as unknown[];
    assert.equal(v[0], 1);
    assert.ok(v[1] instanceof Unknown);
    fails('keys', [['a']], /map required, got list/);
  });

  it('flatten goes deep; distinct keeps first occurrences in order', () => {
    eq(call('flatten', [['a', 'b'], [], ['c']]), ['a', 'b', 'c']);
    eq(call('flatten', [[['a', 'b'], []], ['c']]), ['a', 'b', 'c']);
    eq(call('flatten', [{ a: 1 }, [null]]), [{ a: 1 }, null]);
    eq(call('distinct', ['a', 'b', 'a', 'c', 'd', 'b']), ['a', 'b', 'c', 'd']);
    eq(call('distinct', [1, '1', { a: 1 }, { a: 1 }]), [1, '1', { a: 1 }]);
    assertUnknown(call('flatten', [['a'], [ref('r.ids')]]), ['r.ids']);
    let deep: unknown = [];
    for (let i = 0; i < 400; i++) deep = [deep];
    fails('flatten', [deep], /nested too deeply/);
  });

  it('compact removes empty strings and nulls', () => {
    eq(call('compact', ['a', '', 'b', null, 'c']), ['a', 'b', 'c']);
    eq(call('compact', [1, '']), ['1']);
    fails('compact', [[['a']]], /element 0: string required, got list/);
  });

  it('coalesce skips null and empty strings; known first argument is known', () => {
    assert.equal(call('coalesce', 'a', 'b'), 'a');
    assert.equal(call('coalesce', '', 'b'), 'b');
    assert.equal(call('coalesce', null, 1, 2), 1);
    assert.equal(call('coalesce', null, 1, 'x'), '1');
    fails('coalesce', [null, ''], 'coalesce(): no non-null, non-empty-string arguments');
    assert.equal(call('coalesce', 'a', unknownVar('x')), 'a');
    const arn = ref('aws_kms_key.k.arn');
    assert.equal(call('coalesce', null, arn, 'x'), arn);
    assertUnknown(call('coalesce', unknownVar('name'), 'dflt'));
  });

  it('coalescelist returns the first non-empty list', () => {
    eq(call('coalescelist', ['a', 'b'], ['c', 'd']), ['a', 'b']);
    eq(call('coalescelist', [], ['c', 'd']), ['c', 'd']);
    fails('coalescelist', [[], []], 'coalescelist(): no non-null arguments');
    fails('coalescelist', ['a'], /must be lists or tuples; argument 1 is string/);
    assertUnknown(call('coalescelist', [], ref('r.ids')), ['r.ids']);
    eq(call('coalescelist', ['a'], ref('r.ids')), ['a']);
  });

  it('one returns the only element, null, or fails', () => {
    assert.equal(call('one', []), null);
    assert.equal(call('one', ['hello']), 'hello');
    fails('one', [['a', 'b']], /either zero or one elements, got 2/);
    assert.ok(call('one', [ref('r.x')]) instanceof Unknown);
  });

  it('zipmap builds an object and keeps unknown values', () => {
    eq(call('zipmap', ['a', 'b'], [1, 2]), { a: 1, b: 2 });
    fails('zipmap', [['a'], [1, 2]], 'zipmap(): number of keys (1) does not match number of values (2)');
    const r = call('zipmap', ['a'], [ref('r.x')]) as Record<string, unknown>;
    assert.ok(r.a instanceof Unknown);
    assertUnknown(call('zipmap', [ref('r.k')], [1]), ['r.k']);
  });

  it('range follows Terraform and refuses huge results', () => {
    eq(call('range', 3), [0, 1, 2]);
    eq(call('range', 1, 4), [1, 2, 3]);
    eq(call('range', 1, 8, 2), [1, 3, 5, 7]);
    eq(call('range', 1, 4, 0.5), [1, 1.5, 2, 2.5, 3, 3.5]);
    eq(call('range', 4, 1), [4, 3, 2]);
    eq(call('range', 10, 5, -2), [10, 8, 6]);
    eq(call('range', 0), []);
    fails('range', [1, 2, 0], 'range(): step must not be zero');
    fails('range', [1, 4, -1], /step must be positive/);
    fails('range', [1e12], /more than 1024000 values/);
    fails('range', [], 'range() takes 1 to 3 arguments, got 0');
  });

  it('reverse, sort, slice, index, chunklist', () => {
    eq(call('reverse', [1, 2, 3]), [3, 2, 1]);
    eq(call('sort', ['e', 'd', 'a', 'x']), ['a', 'd', 'e', 'x']);
    eq(call('sort', [10, 9, 'B', 'a']), ['10', '9', 'B', 'a']);
    fails('sort', [['a', null]], /element 1 is null/);
    eq(call('slice', ['a', 'b', 'c', 'd'], 1, 3), ['b', 'c']);
    fails('slice', [['a'], 0, 2], /must not be greater than the length of the list \(1\)/);
    fails('slice', [['a', 'b'], 2, 1], /must be less than or equal to "end_index"/);
    assert.equal(call('index', ['a', 'b', 'c'], 'b'), 1);
    fails('index', [['a'], 'z'], 'index(): item not found');
    eq(call('chunklist', ['a', 'b', 'c', 'd', 'e'], 2), [['a', 'b'], ['c', 'd'], ['e']]);
    eq(call('chunklist', ['a', 'b'], 0), [['a', 'b']]);
    fails('chunklist', [['a'], -1], /must be positive/);
  });

  it('alltrue and anytrue, known when one element decides', () => {
    assert.equal(call('alltrue', ['true', true]), true);
    assert.equal(call('alltrue', [true, false]), false);
    assert.equal(call('alltrue', []), true);
    assert.equal(call('anytrue', ['true', false]), true);
    assert.equal(call('anytrue', []), false);
    assert.equal(call('alltrue', [false, ref('r.enabled')]), false);
    assert.equal(call('anytrue', [true, ref('r.enabled')]), true);
    assertUnknown(call('alltrue', [true, ref('r.enabled')]), ['r.enabled']);
    fails('alltrue', [['yes']], /element 0: bool required, got string/);
  });

  it('transpose and matchkeys', () => {
    eq(call('transpose', { a: ['1', '2'], b: ['2', '3'] }), { 1: ['a'], 2: ['a', 'b'], 3: ['b'] });
    eq(call('matchkeys', ['i-123', 'i-abc', 'i-def'], ['us-west', 'us-east', 'us-east'], ['us-east']), ['i-abc', 'i-def']);
    fails('matchkeys', [['a'], [], []], /length of keys and values should be equal/);
  });
});
