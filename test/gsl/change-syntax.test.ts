// `@change` (a key only tfguard sets: the planned change of a plan resource) and dotted entity types
// (`aws.cloudtrail.event`, `data.aws_s3_bucket`): lexing, parsing, evaluation and error messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileRule, createWorld, runRule } from '../../src/gsl/index.js';
import { compile, entity, run } from './helpers.js';

const updated = entity('aws_cloudtrail', 't', {
  enable_logging: false,
  '@change': { actions: ['update'], before: { enable_logging: true }, after: { enable_logging: false } },
});

describe('@change', () => {
  it('is a path root: @change.actions, @change.before.x, @change.after.x', () => {
    assert.equal(run("aws_cloudtrail should have @change.actions contain [$ = 'update']", updated).status, 'pass');
    assert.equal(
      run('aws_cloudtrail should not have @change.before.enable_logging = true and @change.after.enable_logging = false', updated).status,
      'fail',
    );
  });

  it('blames the paths under @change', () => {
    const r = run('aws_cloudtrail where @change.before.enable_logging = true and @change.after.enable_logging = false', updated);
    assert.equal(r.status, 'fail');
    assert.deepEqual(
      r.blame.map((b) => b.path),
      ['@change.before.enable_logging', '@change.after.enable_logging'],
    );
  });

  it("is the same key as $['@change']", () => {
    assert.equal(run("aws_cloudtrail should have $['@change'].actions contain [$ = 'update']", updated).status, 'pass');
  });

  it('is absent on resources that are not from a plan, so queries on it do not match', () => {
    const hcl = entity('aws_cloudtrail', 'h', { enable_logging: false });
    const r = run("aws_cloudtrail where @change.actions contain [$ = 'delete']", hcl);
    assert.equal(r.status, 'pass');
    assert.equal(r.excluded, true);
  });

  it('a lone @ is an error that says how to write it', () => {
    const r = compileRule('aws_cloudtrail should have @ x', 'rule.gsl');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.errors[0]!.message, 'unexpected `@`');
    assert.equal(r.errors[0]!.column, 28);
    assert.match(r.errors[0]!.hint ?? '', /@change/);
  });
});

describe('dotted entity types', () => {
  const event = entity('aws.cloudtrail.event', 'e', { eventName: 'StopLogging' });
  const trail = entity('aws_cloudtrail', 't', { name: 'x' });
  const world = createWorld([event, trail]);

  it('aws.cloudtrail.event is one entity type, matched case-insensitively', () => {
    assert.deepEqual(compile('aws.cloudtrail.event where eventName = "StopLogging"').entities, ['aws.cloudtrail.event']);
    const results = runRule(compile('AWS.CloudTrail.Event where eventName = "StopLogging"'), world);
    assert.deepEqual(
      results.map((r) => [r.entity, r.status]),
      [['aws.cloudtrail.event.e', 'fail']],
    );
  });

  it('inside List<...>', () => {
    const rule = compile('List<aws.cloudtrail.event> should have items length() = 2');
    assert.deepEqual(rule.entities, ['aws.cloudtrail.event']);
    assert.equal(rule.aggregate, true);
    assert.equal(runRule(rule, world)[0]!.status, 'fail');
  });

  it('data.<type> names data sources', () => {
    assert.deepEqual(compile('data.aws_s3_bucket should have bucket').entities, ['data.aws_s3_bucket']);
  });

  it('a dot with spaces around it is not part of the entity type', () => {
    const r = compileRule('aws . cloudtrail should have x', 'rule.gsl');
    assert.equal(r.ok, false);
  });
});
