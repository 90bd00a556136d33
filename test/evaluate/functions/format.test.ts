import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Unknown } from '../../../src/evaluate/value.js';
import { assertUnknown, call, eq, fails, ref } from './helpers.js';

describe('format', () => {
  it('formats strings, numbers and bools as the docs show', () => {
    assert.equal(call('format', 'Hello, %s!', 'Ander'), 'Hello, Ander!');
    assert.equal(call('format', 'There are %d lights', 4), 'There are 4 lights');
    assert.equal(call('format', '%d', '42'), '42');
    assert.equal(call('format', '%t', 'true'), 'true');
    assert.equal(call('format', '100%%'), '100%');
    assert.equal(call('format', '%s', 5), '5');
  });

  it('supports width, precision and flags', () => {
    assert.equal(call('format', '%-5d|%05d|%+d|% d', 42, -42, 5, 5), '42   |-0042|+5| 5');
    assert.equal(call('format', '%x|%X|%o|%b|%#x', 255, 255, 8, 5, 255), 'ff|FF|10|101|0xff');
    assert.equal(call('format', '%.2f|%f|%9.2f|%08.3f', 3.14159, 1, -3.14159, 3.14159), '3.14|1.000000|    -3.14|0003.142');
    assert.equal(call('format', '%e|%E|%.2e', 123456.789, 0.000123, 0), '1.234568e+05|1.230000E-04|0.00e+00');
    assert.equal(call('format', '%g|%g|%g|%.3g|%g', 1000000, 123456, 0.0001, 1234.5678, 0.00001), '1e+06|123456|0.0001|1.23e+03|1e-05');
    assert.equal(call('format', '%5s|%-5s|%.2s|%05s', 'ab', 'cd', 'héllo', 'x'), '   ab|cd   |hé|0000x');
    assert.equal(call('format', '%[2]s %[1]s %s', 'a', 'b'), 'b a b');
  });

  it('%v and %#v and %q', () => {
    assert.equal(call('format', '%v|%v|%v|%v|%v', 'x', 1.5, true, null, -2), 'x|1.5|true|null|-2');
    assert.equal(call('format', '%v', { b: [1, 'a'], a: null }), '{"a":null,"b":[1,"a"]}');
    assert.equal(call('format', '%#v', 'x'), '"x"');
    assert.equal(call('format', '%q', 'say "hi"'), '"say \\"hi\\""');
  });

  it('reports argument and verb errors', () => {
    fails('format', ['%s %s', 'a'], 'format(): not enough arguments for "%s" at 3: need index 2 but have 1 total');
    fails('format', ['%s', 'a', 'b'], 'format(): too many arguments; only 1 used by format string');
    fails('format', ['hello', 'b'], 'format(): too many arguments; no verbs in format string');
    fails('format', ['%d', 1.5], /an integer is required/);
    fails('format', ['%d', 'x'], /a number is required, got string/);
    fails('format', ['%s', null], /null value cannot be formatted/);
    fails('format', ['%s', ['a']], /string required, got list/);
    fails('format', ['%t', 'yes'], /bool required/);
    fails('format', ['%z', 1], /unsupported format verb "z"/);
    fails('format', ['50%'], /invalid format string starting at offset 2/);
    fails('format', ['%999999999d', 1], /larger than 10000/);
  });

  it('is unknown when an argument is unknown', () => {
    assertUnknown(call('format', 'arn:%s', ref('aws_kms_key.k.arn')), ['aws_kms_key.k.arn']);
  });
});

describe('formatlist', () => {
  it('formats element-wise, repeating single values', () => {
    eq(call('formatlist', 'Hello, %s!', ['Valentina', 'Ander', 'Olivia', 'Sam']), [
      'Hello, Valentina!',
      'Hello, Ander!',
      'Hello, Olivia!',
      'Hello, Sam!',
    ]);
    eq(call('formatlist', '%s, %s!', 'Salutations', ['Valentina', 'Ander']), ['Salutations, Valentina!', 'Salutations, Ander!']);
    eq(call('formatlist', 'x'), ['x']);
    eq(call('formatlist', '%s', []), []);
    fails(
      'formatlist',
      ['%s%s', ['a'], ['b', 'c']],
      'formatlist(): argument 2 has length 2, which is inconsistent with argument 1 of length 1',
    );
    fails('formatlist', ['%d', ['a']], /error on format iteration 0: unsupported value/);
  });

  it('keeps known elements when some are unknown', () => {
    const r = call('formatlist', 'arn:%s', ['a', ref('r.b')]) as unknown[];
    assert.equal(r[0], 'arn:a');
    assertUnknown(r[1] as Unknown, ['r.b']);
    assertUnknown(call('formatlist', '%s', ref('r.ids')), ['r.ids']);
  });
});
