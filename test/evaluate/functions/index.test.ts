import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNEVALUATED_FUNCTIONS, callFunction, functions } from '../../../src/evaluate/functions/index.js';
import { FunctionError } from '../../../src/evaluate/functions/types.js';
import { Unknown, newObject, type Value } from '../../../src/evaluate/value.js';
import { assertUnknown, call, fails, ref, unknownVar } from './helpers.js';

const REQUIRED = `concat merge lookup element length format join split lower upper replace coalesce coalescelist tostring
  tonumber tobool toset tolist tomap jsonencode jsondecode contains keys values flatten distinct compact startswith endswith
  trimprefix trimsuffix trimspace substr regex regexall one zipmap range abs min max formatlist title trim chomp indent strrev
  reverse sort slice index chunklist setunion setintersection setsubtract setproduct sum ceil floor pow log signum parseint
  base64encode base64decode urlencode md5 sha1 sha256 sha512 cidrsubnet cidrhost cidrnetmask alltrue anytrue transpose`.split(/\s+/);

describe('callFunction', () => {
  it('knows every required function', () => {
    for (const name of REQUIRED) assert.ok(functions.has(name), name);
    for (const name of ['can', 'try', 'file', 'templatefile']) assert.equal(functions.has(name), false, name);
  });

  it('checks arity with a clear message', () => {
    fails('upper', [], 'upper() takes 1 argument, got 0');
    fails('upper', ['a', 'b'], 'upper() takes 1 argument, got 2');
    fails('lookup', [{}], 'lookup() takes 2 or 3 arguments, got 1');
    fails('substr', ['a'], 'substr() takes 3 arguments, got 1');
  });

  it('returns unknown for unknown and provider functions', () => {
    const u = assertUnknown(call('no_such_function', 1));
    assert.deepEqual(u.reasons, [{ kind: 'function', name: 'no_such_function' }]);
    const p = assertUnknown(call('provider::aws::arn_parse', 'arn:aws:s3:::b'));
    assert.deepEqual(p.reasons, [{ kind: 'function', name: 'provider::aws::arn_parse' }]);
    assertUnknown(call('__proto__'));
    assertUnknown(call('constructor'));
  });

  it('leaves functions that read files, the clock or randomness unknown, with the reason', () => {
    for (const name of ['file', 'templatefile', 'fileexists', 'timestamp', 'uuid', 'bcrypt'])
      assert.ok(UNEVALUATED_FUNCTIONS.has(name), name);
    const f = assertUnknown(call('file', 'x.json'));
    assert.deepEqual(f.reasons, [{ kind: 'function', name: 'file', detail: 'reads files; tfguard never reads outside what it scans' }]);
    assert.match(assertUnknown(call('timestamp')).describe(), /^timestamp\(\): depends on the time/);
  });

  it('propagates unknown arguments with every reason and reference', () => {
    const u = assertUnknown(call('upper', ref('aws_s3_bucket.b.id')), ['aws_s3_bucket.b.id']);
    assert.equal(u.reasons.length, 1);
    const j = assertUnknown(call('join', ',', [ref('a.b.c'), unknownVar('v'), ref('d.e.f')]), ['a.b.c', 'd.e.f']);
    assert.deepEqual(j.reasons[1], { kind: 'variable', name: 'v' });
  });

  it('throws only FunctionError for wrong types, for every function', () => {
    const o = newObject();
    o.a = 1;
    const samples: Value[] = [null, true, -1.5, 'x', '', [], [null], [[]], o, ['a', 1], 1e300];
    for (const [name] of functions) {
      const spec = functions.get(name)!;
      const counts = [spec.minArgs, Math.min(spec.maxArgs, spec.minArgs + 1)];
      for (const n of counts) {
        for (const s of samples) {
          try {
            const r = callFunction(
              name,
              Array.from({ length: n }, () => s),
            );
            assert.ok(r === null || ['string', 'number', 'boolean', 'object'].includes(typeof r) || r instanceof Unknown);
          } catch (e) {
            assert.ok(e instanceof FunctionError, `${name}(${JSON.stringify(s)} x${n}) threw ${String(e)}`);
            assert.ok(e.message.startsWith(`${name}()`), e.message);
          }
        }
      }
    }
  });
});
