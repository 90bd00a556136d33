import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, fails } from './helpers.js';

describe('number functions', () => {
  it('abs, ceil, floor, signum, min, max, sum', () => {
    assert.equal(call('abs', -12.4), 12.4);
    assert.equal(call('abs', '-3'), 3);
    assert.equal(call('ceil', 4.1), 5);
    assert.equal(call('floor', -4.9), -5);
    assert.equal(call('signum', -13), -1);
    assert.equal(call('signum', 0), 0);
    assert.equal(call('min', 12, 54, 3), 3);
    assert.equal(call('max', 12, '54', 3), 54);
    assert.equal(call('sum', [10, 13, 6, 4.5]), 33.5);
    fails('sum', [[]], 'sum(): cannot sum an empty list');
    fails('max', [], 'max() takes at least 1 argument, got 0');
    fails('abs', ['abc'], /a number is required, got string "abc"/);
    fails('abs', [true], /number required, got boolean/);
  });

  it('pow and log, refusing infinities', () => {
    assert.equal(call('pow', 3, 2), 9);
    assert.equal(call('pow', 4, 0), 1);
    assert.equal(call('log', 16, 2), 4);
    assert.ok(Math.abs((call('log', 50, 10) as number) - 1.69897) < 1e-5);
    fails('log', [0, 10], /not a finite number/);
    fails('pow', [10, 1000], /not a finite number/);
  });

  it('parseint in bases 2 to 62', () => {
    assert.equal(call('parseint', '100', 10), 100);
    assert.equal(call('parseint', 'FF', 16), 255);
    assert.equal(call('parseint', '-10', 16), -16);
    assert.equal(call('parseint', '1011111011101111', 2), 48879);
    assert.equal(call('parseint', 'aA', 62), 656);
  });

  it('parseint refuses invalid digits and bases', () => {
    fails('parseint', ['12', 2], 'parseint(): cannot parse "12" as a base 2 integer');
    fails('parseint', ['', 10], /cannot parse "" as a base 10 integer/);
    fails('parseint', ['1', 1], /between 2 and 62/);
    fails('parseint', ['1'.repeat(5000), 10], /cannot parse/);
  });
});
