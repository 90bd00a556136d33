// Literals, paths, dates and the function registry, evaluated.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileRule, createWorld, defaultFunctions, evaluateRule, T, F } from '../../src/gsl/index.js';
import { entity, NOW, run, status } from './helpers.js';

describe('literals', () => {
  it('single and double quotes, with escapes', () => {
    assert.equal(status('s = "it\'s"', { s: "it's" }), 'pass');
    assert.equal(status("s = 'it\\'s'", { s: "it's" }), 'pass');
    assert.equal(status("s = 'a\\nb\\t\\\\ \\u00e9'", { s: 'a\nb\t\\ é' }), 'pass');
    assert.equal(status('s = "say \\"hi\\""', { s: 'say "hi"' }), 'pass');
  });
  it('numbers: negative, decimal, exponent', () => {
    assert.equal(status('n = -1', { n: -1 }), 'pass');
    assert.equal(status('n = 1.5', { n: 1.5 }), 'pass');
    assert.equal(status('n = 1e3', { n: 1000 }), 'pass');
    assert.equal(status('n > -0.5', { n: 0 }), 'pass');
  });
  it('true and false in any case', () => {
    assert.equal(status('b = TRUE', { b: true }), 'pass');
    assert.equal(status('b = False', { b: false }), 'pass');
  });
  it('a multi-line rule', () => {
    const e = entity('t', 'x', { a: 1, b: 'x' });
    assert.equal(run("t\n  where a = 1\n  should have\n    b = 'x'", e).status, 'pass');
  });
});

describe('paths', () => {
  it('list indexes and quoted keys', () => {
    const v = { ingress: [{ ports: [22, 80] }, { ports: [443] }], tags: { 'kubernetes.io/role': 'elb', with: 'k' } };
    assert.equal(status('ingress.1.ports.0 = 443', v), 'pass');
    assert.equal(status("tags['kubernetes.io/role'] = 'elb'", v), 'pass');
    assert.equal(status("$['tags'].with = 'k'", v), 'pass');
    assert.equal(status('ingress[0].ports[1] = 80', v), 'pass');
    assert.equal(status('ingress.5.ports isEmpty()', v), 'pass');
  });
  it('a path through a list of blocks holds when it holds for any block', () => {
    const v = { ingress: [{ from_port: 22 }, { from_port: 443 }] };
    assert.equal(status('ingress.from_port = 443', v), 'pass');
    assert.equal(status('ingress.from_port != 443', v), 'fail');
    assert.equal(status('ingress contain-all [from_port = 443]', v), 'fail');
    assert.equal(status('ingress.from_port length() = 2', v), 'pass');
  });
  it('isEmpty() through a list of blocks: every value empty', () => {
    assert.equal(status('ingress.cidr_blocks isEmpty()', { ingress: [{ cidr_blocks: [] }, { cidr_blocks: ['1.2.3.4/32'] }] }), 'fail');
    assert.equal(status('ingress.cidr_blocks isEmpty()', { ingress: [{ cidr_blocks: [] }, {}] }), 'pass');
    assert.equal(status('ingress.cidr_blocks isEmpty()', { ingress: [] }), 'pass');
  });
  it('quantifiers over a path through blocks see every element of every block', () => {
    const v = { ingress: [{ cidr_blocks: ['10.0.0.0/8'] }, { cidr_blocks: ['0.0.0.0/0', '10.1.0.0/16'] }] };
    assert.equal(status("ingress.cidr_blocks contain [$ = '0.0.0.0/0']", v), 'pass');
    assert.equal(status("ingress.cidr_blocks contain-all [$ like '10.%']", v), 'fail');
    assert.equal(status("ingress.cidr_blocks contain-none [$ = '0.0.0.0/0']", v), 'fail');
  });
  it('$ is the element; ^ the context around it; ^^ the one around that', () => {
    const v = { name: 'web', rules: [{ port: 22, hosts: ['a', 'web'] }] };
    assert.equal(status('rules contain [hosts contain [$ = ^^.name]]', v), 'pass');
    assert.equal(status('rules contain [hosts contain [$ = ^.port]]', v), 'fail');
    assert.equal(status('rules contain [$.port = 22]', v), 'pass');
    assert.equal(status("rules contain [^.name = 'web']", v), 'pass');
  });
  it('scanned keys are data: __proto__ and constructor are ordinary attributes', () => {
    assert.equal(status("$['__proto__'] isEmpty()", {}), 'pass');
    assert.equal(status('constructor isEmpty()', {}), 'pass');
    assert.equal(status("toString = 'x'", { toString: 'x' }), 'pass');
  });
});

describe('dates (now = 2024-06-15T12:00:00Z)', () => {
  const d = (v: unknown, test: string) => status(`d ${test}`, { d: v });
  it('ISO-8601 dates and timestamps', () => {
    assert.equal(d('2024-06-14T13:00:00Z', "after(-1, 'days')"), 'pass');
    assert.equal(d('2024-06-14T11:00:00Z', "after(-1, 'days')"), 'fail');
    assert.equal(d('2024-06-14T13:00:00+02:00', "after(-1, 'day')"), 'fail');
    assert.equal(d('2024-06-15', "before(0, 'days')"), 'pass');
    assert.equal(d('2024-07-10 00:00:00', "before(30, 'days')"), 'pass');
  });
  it('epoch seconds and milliseconds', () => {
    assert.equal(d(NOW / 1000 - 30, "after(-1, 'minutes')"), 'pass');
    assert.equal(d(NOW - 90_000, "after(-1, 'minutes')"), 'fail');
    assert.equal(d(String(NOW / 1000 - 30), "after(-1, 'minutes')"), 'pass');
  });
  it('calendar units', () => {
    assert.equal(d('2024-03-16T00:00:00Z', "after(-3, 'months')"), 'pass');
    assert.equal(d('2024-03-15T00:00:00Z', "after(-3, 'months')"), 'fail');
    assert.equal(d('2023-06-16T00:00:00Z', "after(-1, 'years')"), 'pass');
    assert.equal(d('2024-06-15T11:00:00Z', "after(-2, 'hours')"), 'pass');
    assert.equal(d('2024-06-09T00:00:00Z', "after(-1, 'weeks')"), 'pass');
    assert.equal(d('2024-06-15T11:59:31Z', "after(-30, 'seconds')"), 'pass');
  });
  it('text that is not a date is false, not an error', () => {
    assert.equal(d('yesterday', "after(-1, 'days')"), 'fail');
    assert.equal(d('2024-13-45', "after(-1, 'days')"), 'fail');
  });
  it('now defaults to the current time', () => {
    const rule = compileRule("t should have d after(-1, 'minutes')", 'x');
    assert.ok(rule.ok);
    const e = entity('t', 'x', { d: new Date().toISOString() });
    assert.equal(evaluateRule(rule.rule, e, createWorld([e])).status, 'pass');
    assert.equal(evaluateRule(rule.rule, e, createWorld([e]), { now: new Date(Date.now() + 3_600_000) }).status, 'fail');
  });
});

describe('function registry', () => {
  it('a registered test function is evaluated, per value', () => {
    const reg = defaultFunctions().register({
      name: 'isArn',
      signature: 'x isArn()',
      minArgs: 0,
      maxArgs: 0,
      argKinds: [],
      receiver: 'attribute',
      kind: 'test',
      test: (input) => (typeof input.value === 'string' && input.value.startsWith('arn:') ? T : F),
    });
    const r = compileRule('t should have kms_key_id isArn()', 'x', { functions: reg });
    assert.ok(r.ok);
    const good = entity('t', 'a', { kms_key_id: 'arn:aws:kms:k' });
    const bad = entity('t', 'b', { kms_key_id: 'k' });
    assert.equal(evaluateRule(r.rule, good, createWorld([good])).status, 'pass');
    assert.equal(evaluateRule(r.rule, bad, createWorld([bad])).status, 'fail');
  });
  it('isFilterPatternEqual ignores whitespace outside quotes only', () => {
    assert.equal(status("p isFilterPatternEqual('{ $.a = 1 && $.b = 2 }')", { p: '{$.a=1&&$.b=2}' }), 'pass');
    assert.equal(status('p isFilterPatternEqual(\'{ $.a = "x y" }\')', { p: '{ $.a = "xy" }' }), 'fail');
    assert.equal(status("p isFilterPatternEqual('{ $.a = 1 }')", { p: '{ $.a = 2 }' }), 'fail');
  });
});

describe('evaluation cost', () => {
  it('compiles once and evaluates thousands of entities without re-parsing (loose bound: nothing quadratic)', () => {
    const r = compileRule(
      'aws_cloudtrail should not have (cloud_watch_logs_role_arn isEmpty() or cloud_watch_logs_group_arn isEmpty())',
      'x',
    );
    assert.ok(r.ok);
    const entities = Array.from({ length: 5000 }, (_, i) =>
      entity('aws_cloudtrail', `t${i}`, { cloud_watch_logs_role_arn: 'a', cloud_watch_logs_group_arn: i % 10 ? 'g' : '' }),
    );
    const w = createWorld(entities);
    const start = performance.now();
    const results = entities.map((e) => evaluateRule(r.rule, e, w));
    const ms = performance.now() - start;
    assert.equal(results.filter((x) => x.status === 'fail').length, 500);
    assert.ok(results.every((x) => x.trace === undefined));
    assert.ok(ms < 3000, `took ${ms} ms`);
  });
});
