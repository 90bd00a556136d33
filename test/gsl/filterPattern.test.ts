// CloudWatch Logs filter patterns: parsing, comparison by meaning, CIS conformance, and the GSL functions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileRule, createWorld } from '../../src/gsl/index.js';
import { filterPatternsEqual, patternOf } from '../../src/gsl/functions/filterPattern.js';
import { FilterPatternError, parseFilterPattern } from '../../src/gsl/functions/filterPatternParse.js';
import { compilePattern, conforms, implies } from '../../src/gsl/functions/filterPatternLogic.js';
import { entity, put, ref, run, status, variable } from './helpers.js';

const CONFIG =
  '{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }';
const ROOT = '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }';
const UNAUTH_12 = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }';
const UNAUTH_15 =
  '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }';

function parseError(src: string): { message: string; offset: number } {
  try {
    parseFilterPattern(src);
  } catch (e) {
    assert.ok(e instanceof FilterPatternError);
    return { message: e.message, offset: e.offset };
  }
  return assert.fail(`parsed: ${src}`);
}

describe('filter pattern parser', () => {
  it('parses comparisons, NOT EXISTS, IS NULL, numbers and wildcards', () => {
    assert.deepEqual(parseFilterPattern('{ $.a = "x" }'), { kind: 'atom', selector: '$.a', op: '=', value: { type: 'string', text: 'x' } });
    assert.deepEqual(parseFilterPattern('{$.a!=x}'), {
      kind: 'not',
      arg: { kind: 'atom', selector: '$.a', op: '=', value: { type: 'string', text: 'x' } },
    });
    assert.deepEqual(parseFilterPattern('{ $.b NOT EXISTS }'), { kind: 'not', arg: { kind: 'atom', selector: '$.b', op: 'exists' } });
    assert.deepEqual(parseFilterPattern('{ $.b IS NULL }'), { kind: 'atom', selector: '$.b', op: 'null' });
    assert.deepEqual(parseFilterPattern('{ $.n >= 1.50 }'), {
      kind: 'atom',
      selector: '$.n',
      op: '>=',
      value: { type: 'number', text: '1.5' },
    });
    assert.deepEqual(parseFilterPattern('{ $.c = *Op }'), {
      kind: 'atom',
      selector: '$.c',
      op: '=',
      value: { type: 'string', text: '*Op' },
    });
  });
  it('&& binds tighter than ||', () => {
    const f = parseFilterPattern('{ $.a = 1 || $.b = 2 && $.c = 3 }');
    assert.equal(f.kind, 'or');
    assert.equal(f.kind === 'or' && f.args[1]!.kind, 'and');
  });
  it('reports what it found and where', () => {
    assert.deepEqual(parseError('ERROR'), { message: 'not a JSON filter pattern: it must start with `{`', offset: 0 });
    assert.deepEqual(parseError('{ $.a = "x }'), { message: 'unterminated string: a `"` is missing', offset: 8 });
    assert.deepEqual(parseError('{ $.a = x'), { message: 'expected `}`, found the end of the pattern', offset: 9 });
    assert.deepEqual(parseError('{ $.a x }'), {
      message: 'expected an operator (=, !=, <, >, <=, >=, IS NULL, NOT EXISTS) after `$.a`, found `x`',
      offset: 6,
    });
    assert.deepEqual(parseError('{ ($.a = x }'), { message: 'expected `)`, found `}`', offset: 11 });
    assert.deepEqual(parseError('{ $.a NOT THERE }'), { message: 'expected `EXISTS` after `NOT`, found `THERE`', offset: 10 });
    assert.deepEqual(parseError('{ $.a = x } y'), { message: 'unexpected `y` after the closing `}`', offset: 12 });
    assert.deepEqual(parseError('{ a = x }'), { message: 'expected a selector such as `$.eventName` or `(`, found `a`', offset: 2 });
  });
  it('refuses nesting deeper than 64 levels', () => {
    const deep = '{ ' + '('.repeat(70) + '$.a = 1' + ')'.repeat(70) + ' }';
    assert.match(parseError(deep).message, /nested deeper than 64 levels/);
  });
});

describe('isFilterPatternEqual by meaning', () => {
  it('spacing, quotes, order of || and && terms and redundant parentheses do not matter', () => {
    const variant =
      '{(($.eventName = "PutConfigurationRecorder") || $.eventName=PutDeliveryChannel || ($.eventName = DeleteDeliveryChannel) || ($.eventName = StopConfigurationRecorder)) && $.eventSource = "config.amazonaws.com"}';
    assert.ok(filterPatternsEqual(CONFIG, variant));
    assert.ok(
      filterPatternsEqual(ROOT, '{($.eventType!=AwsServiceEvent)&&(($.userIdentity.invokedBy NOT EXISTS))&&($.userIdentity.type=Root)}'),
    );
  });
  it('distributes && over ||', () => {
    const distributed =
      '{ ($.eventSource = config.amazonaws.com && $.eventName = StopConfigurationRecorder) || ($.eventSource = config.amazonaws.com && $.eventName = DeleteDeliveryChannel) || ($.eventSource = config.amazonaws.com && ($.eventName = PutDeliveryChannel || $.eventName = PutConfigurationRecorder)) }';
    assert.ok(filterPatternsEqual(CONFIG, distributed));
  });
  it('a pattern missing a required event is not equal', () => {
    const missing =
      '{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }';
    assert.equal(filterPatternsEqual(CONFIG, missing), false);
  });
  it('|| for && is not equal, nor is != for =', () => {
    assert.equal(
      filterPatternsEqual(
        ROOT,
        '{ $.userIdentity.type = "Root" || $.userIdentity.invokedBy NOT EXISTS || $.eventType != "AwsServiceEvent" }',
      ),
      false,
    );
    assert.equal(filterPatternsEqual('{ $.a = x }', '{ $.a != x }'), false);
  });
  it('numbers compare by value, text by exact case', () => {
    assert.ok(filterPatternsEqual('{ $.n = 1 }', '{ $.n = 1.0 }'));
    assert.equal(filterPatternsEqual('{ $.n = "1" }', '{ $.n = 1 }'), false);
    assert.equal(filterPatternsEqual('{ $.a = Root }', '{ $.a = root }'), false);
  });
  it('knows that one field has one value', () => {
    // A = x already excludes A = y: the second conjunct adds nothing.
    assert.ok(filterPatternsEqual('{ $.a = x && $.a != y }', '{ $.a = x }'));
    assert.ok(filterPatternsEqual('{ $.a = x && $.a EXISTS }', '{ $.a = x }'));
    assert.ok(filterPatternsEqual('{ $.a = x && $.a = *x }', '{ $.a = x }'));
    assert.equal(filterPatternsEqual('{ $.a = x && $.a = y }', '{ $.a = x }'), false);
  });
  it('non-JSON patterns compare as text without whitespace', () => {
    assert.ok(filterPatternsEqual('ERROR  Exception', 'ERROR Exception'.replace(' ', '   ')));
    assert.equal(filterPatternsEqual('"ERROR"', '{ $.level = ERROR }'), false);
    assert.equal(patternOf('[ip, user]'), null);
  });
});

describe('isFilterPatternConformant', () => {
  const c = (p: string, narrow: string, broad = narrow): boolean => {
    const pp = patternOf(p);
    return pp !== null && conforms(pp, compilePattern(narrow), compilePattern(broad));
  };
  it('accepts the CIS pattern of every version between the narrowest and the broadest', () => {
    assert.ok(c(UNAUTH_12, UNAUTH_15, UNAUTH_12));
    assert.ok(c(UNAUTH_15, UNAUTH_15, UNAUTH_12));
    assert.ok(implies(compilePattern(UNAUTH_15), compilePattern(UNAUTH_12)));
    assert.equal(implies(compilePattern(UNAUTH_12), compilePattern(UNAUTH_15)), false);
  });
  it('accepts added events', () => {
    assert.ok(
      c(
        '{ $.eventName = CreateTrail || $.eventName = UpdateTrail || $.eventName = DeleteTrail || $.eventName = StartLogging || $.eventName = StopLogging || $.eventName = PutEventSelectors }',
        '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
      ),
    );
  });
  it('refuses a missing event, a widened condition and a dropped condition', () => {
    assert.equal(c('{ ($.eventSource = config.amazonaws.com) && ($.eventName=StopConfigurationRecorder) }', CONFIG), false);
    assert.equal(
      c(
        '{ ($.eventSource = config.amazonaws.com) || (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }',
        CONFIG,
      ),
      false,
    );
    assert.equal(c('{ $.userIdentity.type = "Root" || $.eventType != "AwsServiceEvent" }', ROOT), false);
    assert.equal(
      c('{ $.userIdentity.type = "Root" && $.eventType != "AwsServiceEvent" }', ROOT),
      false,
      'dropping a condition widens the pattern',
    );
    assert.equal(c('{ $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }', ROOT), false);
    assert.equal(c('{ $.errorCode = "AccessDenied*" }', UNAUTH_15, UNAUTH_12), false);
  });
});

describe('the GSL functions', () => {
  it('isFilterPatternEqual: pass, fail, unknown for a variable', () => {
    assert.equal(status(`p isFilterPatternEqual('${CONFIG}')`, { p: CONFIG.replace(/ /g, '') }), 'pass');
    assert.equal(status("p isFilterPatternEqual('{ $.a = x }')", { p: '{ $.a = y }' }), 'fail');
    assert.equal(status("p isFilterPatternEqual('{ $.a = x }')", put(entity('t', 'x', {}), 'p', variable('pattern'))), 'unknown');
    assert.equal(status("p isFilterPatternEqual('{ $.a = x }')", {}), 'fail');
  });
  it('isFilterPatternConformant: an invalid argument is a compile error at the argument', () => {
    const r = compileRule("t should have p isFilterPatternConformant('{ $.a = }')", 'x.yaml');
    assert.equal(r.ok, false);
    assert.match(
      !r.ok ? r.errors[0]!.rendered : '',
      /x\.yaml:1:43: error: .*not a CloudWatch Logs JSON filter pattern: expected a value after `=`, found `}` \(at character 9\)/,
    );
  });
  it('isFilterPatternConformant over an entity', () => {
    assert.equal(status(`p isFilterPatternConformant('${ROOT}')`, { p: ROOT }), 'pass');
    assert.equal(status(`p isFilterPatternConformant('${ROOT}')`, { p: 'ERROR' }), 'fail');
    assert.equal(status(`p isFilterPatternConformant('${ROOT}')`, put(entity('t', 'x', {}), 'p', variable('pattern'))), 'unknown');
  });
});

describe('arnName()', () => {
  it('takes the name out of log group, SNS, S3 and slash ARNs; leaves other text alone', async () => {
    const { arnResourceName } = await import('../../src/gsl/functions/arn.js');
    assert.equal(arnResourceName('arn:aws:logs:us-east-1:123456789012:log-group:trail-logs:*'), 'trail-logs');
    assert.equal(arnResourceName('arn:aws:logs:us-east-1:123456789012:log-group:trail-logs'), 'trail-logs');
    assert.equal(arnResourceName('arn:aws:sns:us-east-1:123456789012:alerts'), 'alerts');
    assert.equal(arnResourceName('arn:aws:s3:::my-bucket'), 'my-bucket');
    assert.equal(arnResourceName('arn:aws:iam::123456789012:role/path/cloudtrail'), 'cloudtrail');
    assert.equal(arnResourceName('trail-logs'), undefined);
    assert.equal(arnResourceName('arn:aws:s3:::'), undefined);
  });
  it('follows a literal ARN to the resource of that name, and a reference as before', () => {
    const group = entity('aws_cloudwatch_log_group', 'g', { name: 'trail-logs' });
    const lit = entity('t', 'x', { a: 'arn:aws:logs:us-east-1:123456789012:log-group:trail-logs:*' });
    const other = entity('t', 'y', { a: 'arn:aws:logs:us-east-1:123456789012:log-group:elsewhere:*' });
    const logic = 't should have a arnName() references(aws_cloudwatch_log_group, name) length() > 0';
    assert.equal(run(logic, lit, createWorld([lit, group])).status, 'pass');
    assert.equal(run(logic, other, createWorld([other, group])).status, 'fail');
    const byRef = put(entity('t', 'z', {}), 'a', ref('aws_cloudwatch_log_group.g.arn'));
    assert.equal(run(logic, byRef, createWorld([byRef, group])).status, 'pass');
  });
});
