import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyRecord, fromJSON, isObject, newObject } from '../../src/evaluate/value.js';

describe('object values', () => {
  it('inherit nothing, and keys of scanned input are plain data', () => {
    const o = newObject();
    for (const k of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', '__defineGetter__', 'isPrototypeOf'])
      assert.equal(o[k], undefined, k);
    assert.equal('toString' in o, false);
    o['__proto__'] = 'x';
    o['constructor'] = 1;
    assert.deepEqual(Object.keys(o), ['__proto__', 'constructor']);
    assert.equal(JSON.stringify(o), '{"__proto__":"x","constructor":1}');
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });

  it('share one prototype that cannot be changed', () => {
    const a = newObject();
    const b = emptyRecord<number>();
    const proto = Object.getPrototypeOf(a) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(b), proto);
    assert.equal(Object.getPrototypeOf(proto), null);
    assert.throws(() => {
      proto.polluted = true;
    }, TypeError);
    assert.equal(a.polluted, undefined);
  });

  it('fromJSON copies parsed JSON into them, `__proto__` keys included', () => {
    const v = fromJSON(JSON.parse('{"__proto__": {"a": 1}, "k": [{"constructor": 2}]}'));
    assert.ok(isObject(v));
    assert.deepEqual(Object.keys(v), ['__proto__', 'k']);
    const inner = v.__proto__;
    assert.ok(isObject(inner));
    assert.equal(inner.a, 1);
    assert.equal(inner.toString, undefined);
    const k = v.k as unknown[];
    assert.equal((k[0] as Record<string, unknown>).constructor, 2);
  });
});
