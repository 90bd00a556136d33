// `references(type [, attr])` on literal names goes through an index per world: the same answers as comparing with
// every candidate (typed equality, unknown identifying values, order), and linear cost over many entities.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWorld, runRule } from '../../src/gsl/index.js';
import { compile, entity, put, variable } from './helpers.js';

describe('references() by literal value', () => {
  it('typed equality: a number names a numeric string and the reverse; a boolean its text', () => {
    const rule = compile('aws_x should have target references(aws_y, key) length() = 2');
    const world = createWorld([
      entity('aws_x', 'a', { target: 22 }),
      entity('aws_y', 'one', { key: '22' }),
      entity('aws_y', 'two', { key: '22.0' }),
      entity('aws_y', 'three', { key: 'x22' }),
    ]);
    assert.equal(runRule(rule, world)[0]!.status, 'pass');
    const bool = compile('aws_x should have target references(aws_y, key) contain [key = true]');
    const w2 = createWorld([entity('aws_x', 'a', { target: 'true' }), entity('aws_y', 'b', { key: true })]);
    assert.equal(runRule(bool, w2)[0]!.status, 'pass');
  });

  it('an unknown identifying value may be the one named: unknown, not pass or fail', () => {
    const rule = compile("aws_x should have target references(aws_y) contain [name = 'b']");
    const y = put(entity('aws_y', 'u', { name: null }), 'name', variable('n'));
    const world = createWorld([entity('aws_x', 'a', { target: 'b' }), y]);
    assert.equal(runRule(rule, world)[0]!.status, 'unknown');
  });

  it('members come in the order of the entities, whatever the index order', () => {
    const rule = compile("aws_x should have target references(aws_y, tags.k) contain-all [name != 'z']");
    const world = createWorld([
      entity('aws_x', 'a', { target: '1' }),
      entity('aws_y', 'p', { name: 'p', tags: { k: 1 } }),
      entity('aws_y', 'q', { name: 'q', tags: { k: '1' } }),
      entity('aws_y', 'z', { name: 'z', tags: { k: 'one' } }),
    ]);
    const r = runRule(rule, world)[0]!;
    assert.equal(r.status, 'pass');
  });

  it('is linear: 3,000 entities each naming one of 3,000 others', () => {
    const n = 3000;
    const es = [];
    for (let i = 0; i < n; i++) es.push(entity('aws_x', `a${i}`, { target: `b${i}` }), entity('aws_y', `b${i}`, { bucket: `b${i}` }));
    const rule = compile('aws_x should have target references(aws_y) length() = 1');
    const t = performance.now();
    const results = runRule(rule, createWorld(es));
    const ms = performance.now() - t;
    assert.ok(results.every((r) => r.status === 'pass'));
    assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
  });
});
