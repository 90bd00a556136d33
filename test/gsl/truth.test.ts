// Three-valued results: the truth table of every test over absent/null/""/[]/{}/unknown (the same
// table is in docs/gsl.md), Kleene and/or/not, quantifiers over unknown elements, reasons.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newObject, Unknown, type Value } from '../../src/evaluate/value.js';
import { createWorld, evaluateRule, type Entity } from '../../src/gsl/index.js';
import { compile, entity, put, ref, run, status, variable } from './helpers.js';

const COLUMNS: [string, Value | undefined][] = [
  ['absent', undefined],
  ['null', null],
  ['""', ''],
  ['[]', []],
  ['{}', newObject()],
  ["'x'", 'x'],
  ['false', false],
  ['unknown, set', new Unknown([{ kind: 'reference', ref: 'aws_kms_key.k.arn' }], true)],
  ['unknown', new Unknown([{ kind: 'variable', name: 'v' }])],
];

// Rows: test → result per column (T pass, F fail, U unknown), as documented in docs/gsl.md.
const TABLE: [string, string][] = [
  ['x', 'F F F F F T F T U'],
  ['x isEmpty()', 'T T T T T F F F U'],
  ["x = 'x'", 'F F F F F T F U U'],
  ["x != 'x'", 'T T T T T F T U U'],
  ['x > 1', 'F F F F F F F U U'],
  ["x like '%'", 'F F T F F T T U U'],
  ["x in ('x')", 'F F F F F T F U U'],
  ['x regexMatch /.*/', 'F F T F F T T U U'],
  ["x contain [$ = 'x']", 'F F F F F T F U U'],
  ["x contain-all [$ = 'x']", 'T T F T T T F U U'],
  ["x contain-none [$ = 'x']", 'T T T T T F T U U'],
  ['x length() = 0', 'T T T T T F F F U'],
  ["x after(-1, 'days')", 'F F F F F F F U U'],
];

const SYMBOL = { pass: 'T', fail: 'F', unknown: 'U' } as const;

describe('GSL truth table', () => {
  for (const [test, expected] of TABLE) {
    it(test, () => {
      const rule = compile(`t should have ${test}`);
      const got = COLUMNS.map(([, v]) => {
        const values = newObject();
        if (v !== undefined) values.x = v;
        const e: Entity = { type: 't', id: 't.a', values };
        return SYMBOL[evaluateRule(rule, e, createWorld([e]), { now: 0 }).status];
      });
      assert.equal(got.join(' '), expected, `columns: ${COLUMNS.map((c) => c[0]).join(' | ')}`);
    });
  }
});

describe('Kleene logic', () => {
  const u = () => entity('t', 'x', { a: 1 });
  it('unknown and false is false; unknown and true is unknown', () => {
    assert.equal(status('k = 1 and a = 2', put(u(), 'k', variable('v'))), 'fail');
    assert.equal(status('k = 1 and a = 1', put(u(), 'k', variable('v'))), 'unknown');
  });
  it('unknown or true is true; unknown or false is unknown', () => {
    assert.equal(status('k = 1 or a = 1', put(u(), 'k', variable('v'))), 'pass');
    assert.equal(status('k = 1 or a = 2', put(u(), 'k', variable('v'))), 'unknown');
  });
  it('not unknown is unknown; should not of unknown is unknown', () => {
    assert.equal(status('not k = 1', put(u(), 'k', variable('v'))), 'unknown');
    assert.equal(run('t should not have k = 1', put(u(), 'k', variable('v'))).status, 'unknown');
  });
  it('an unknown where clause: pass when the condition holds, unknown otherwise', () => {
    const e = put(entity('t', 'x', { a: 1 }), 'k', variable('v'));
    assert.equal(run('t where k = 1 should have a = 1', e).status, 'pass');
    const r = run('t where k = 1 should have a = 2', e);
    assert.equal(r.status, 'unknown');
    assert.deepEqual(r.reasonText, ['var.v has no value']);
    assert.equal(run("t where k = 'x'", e).status, 'unknown');
  });
});

describe('unknown values', () => {
  it('a reference makes kms_key_id present: isEmpty() is false, the rule passes', () => {
    const e = put(entity('aws_cloudtrail', 't', {}), 'kms_key_id', ref('aws_kms_key.k.arn'));
    assert.equal(run('aws_cloudtrail should not have kms_key_id isEmpty()', e).status, 'pass');
    assert.equal(run('aws_cloudtrail should have kms_key_id', e).status, 'pass');
  });

  it('a comparison with a reference is unknown, and says which reference', () => {
    const e = put(entity('aws_cloudtrail', 't', {}), 'kms_key_id', ref('aws_kms_key.k.arn'));
    const r = run("aws_cloudtrail should have kms_key_id = 'arn:aws:kms:eu-west-1:1:key/x'", e);
    assert.equal(r.status, 'unknown');
    assert.deepEqual(r.reasons, [{ kind: 'reference', ref: 'aws_kms_key.k.arn' }]);
    assert.deepEqual(r.reasonText, ['aws_kms_key.k.arn is known only after apply']);
    assert.deepEqual(r.blame, [{ address: 'aws_cloudtrail.t', path: 'kms_key_id' }]);
  });

  it('a variable without value leaves isEmpty() unknown, with the variable as reason', () => {
    const e = put(entity('aws_cloudtrail', 't', {}), 'kms_key_id', variable('kms_key'));
    const r = run('aws_cloudtrail should not have kms_key_id isEmpty()', e);
    assert.equal(r.status, 'unknown');
    assert.deepEqual(r.reasonText, ['var.kms_key has no value']);
  });

  it('a path into an unknown block is unknown (and may be absent)', () => {
    const e = put(entity('t', 'x', {}), 'logging', ref('aws_s3_bucket.b.logging'));
    assert.equal(status('logging.target_bucket', e), 'unknown');
    assert.equal(status('logging.target_bucket isEmpty()', e), 'unknown');
  });

  it('quantifiers over lists with unknown elements', () => {
    const list = (...xs: Value[]) => put(entity('t', 'x', { l: xs.map(() => null) }), 'l', xs);
    const v = variable('v');
    assert.equal(status("l contain [$ = 'a']", list('a', v)), 'pass');
    assert.equal(status("l contain [$ = 'a']", list('b', v)), 'unknown');
    assert.equal(status("l contain-all [$ = 'a']", list('b', v)), 'fail');
    assert.equal(status("l contain-all [$ = 'a']", list('a', v)), 'unknown');
    assert.equal(status("l contain-none [$ = 'a']", list('a', v)), 'fail');
    assert.equal(status("l contain-none [$ = 'a']", list('b', v)), 'unknown');
    assert.equal(status("l with [$ = 'a'] length() > 0", list('a', v)), 'pass');
    assert.equal(status("l with [$ = 'a'] length() > 1", list('a', v)), 'unknown');
    assert.equal(status("l with [$ = 'a'] length() > 2", list('a', v)), 'fail');
    assert.equal(status('l length() = 2', list('a', v)), 'pass');
  });

  it('a whole unknown list makes quantifiers unknown and length() a range', () => {
    const e = put(entity('t', 'x', {}), 'l', ref('aws_x.y.list'));
    assert.equal(status("l contain [$ = 'a']", e), 'unknown');
    assert.equal(status('l length() > 0', e), 'pass');
    assert.equal(status('l length() > 3', e), 'unknown');
    assert.equal(status('l length() = 0', e), 'fail');
  });
});

describe('typed comparison', () => {
  it('numbers and numeric strings compare as numbers', () => {
    assert.equal(status('n = 14', { n: '14' }), 'pass');
    assert.equal(status("n = '14.0'", { n: 14 }), 'pass');
    assert.equal(status('n >= 9', { n: '10' }), 'pass');
    assert.equal(status("n > 'abc'", { n: 10 }), 'fail');
  });
  it('booleans equal the strings true/false only', () => {
    assert.equal(status("b = 'true'", { b: true }), 'pass');
    assert.equal(status("b = 'True'", { b: true }), 'fail');
    assert.equal(status('b = 1', { b: true }), 'fail');
    assert.equal(status('s = true', { s: 'true' }), 'pass');
  });
  it('= on text is case-sensitive; like is not', () => {
    assert.equal(status("s = 'Default'", { s: 'default' }), 'fail');
    assert.equal(status("s like 'DEFAULT'", { s: 'default' }), 'pass');
  });
  it('strings order by code units', () => {
    assert.equal(status("s < 'b'", { s: 'a' }), 'pass');
    assert.equal(status("s < 'B'", { s: 'a' }), 'fail');
  });
  it('a list and one value are equal when an element is (as CloudGuard compares them); contain says it explicitly', () => {
    assert.equal(status("cidr_blocks = '0.0.0.0/0'", { cidr_blocks: ['10.0.0.0/8', '0.0.0.0/0'] }), 'pass');
    assert.equal(status("cidr_blocks = '0.0.0.0/0'", { cidr_blocks: ['10.0.0.0/8'] }), 'fail');
    assert.equal(status("cidr_blocks != '0.0.0.0/0'", { cidr_blocks: ['10.0.0.0/8'] }), 'pass');
    assert.equal(status("cidr_blocks = '0.0.0.0/0'", { cidr_blocks: [] }), 'fail');
    assert.equal(status("Principal.AWS = '*'", { Principal: { AWS: ['*'] } }), 'pass');
    assert.equal(status("cidr_blocks contain [$ = '0.0.0.0/0']", { cidr_blocks: ['0.0.0.0/0'] }), 'pass');
  });
  it('the right side may be another attribute or the parent context', () => {
    assert.equal(status('from_port = to_port', { from_port: 22, to_port: 22 }), 'pass');
    assert.equal(status('from_port = to_port', { from_port: 22, to_port: 23 }), 'fail');
    assert.equal(status('rules contain [port = ^.admin_port]', { admin_port: 22, rules: [{ port: 80 }, { port: 22 }] }), 'pass');
    assert.equal(status('rules contain [port = ^.admin_port]', { admin_port: 22, rules: [{ port: 80 }] }), 'fail');
  });
});

describe('quantifiers over empty lists and scalars', () => {
  it('contain is false, contain-all and contain-none are true over an empty list', () => {
    assert.equal(status('l contain [$ = 1]', { l: [] }), 'fail');
    assert.equal(status('l contain-all [$ = 1]', { l: [] }), 'pass');
    assert.equal(status('l contain-none [$ = 1]', { l: [] }), 'pass');
    assert.equal(status('l with [$ = 1]', { l: [] }), 'fail');
  });
  it('a scalar or a single object where a list is expected is a one-element list', () => {
    assert.equal(status("member contain-any [$ like 'user:%']", { member: 'user:a' }), 'pass');
    assert.equal(status('block contain [enabled = true]', { block: { enabled: true } }), 'pass');
    assert.equal(status('block length() = 1', { block: 5 }), 'pass');
  });
});
