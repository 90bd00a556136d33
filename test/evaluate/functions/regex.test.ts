import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, eq, fails } from './helpers.js';

describe('regex and regexall', () => {
  it('return a string, a list of captures, or an object of named captures', () => {
    assert.equal(call('regex', '[a-z]+', '53453453.345345aaabbbccc23454'), 'aaabbbccc');
    eq(call('regex', '(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)', '2019-02-01'), ['2019', '02', '01']);
    eq(call('regex', '^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?', 'https://terraform.io/docs/'), {
      scheme: 'https',
      authority: 'terraform.io',
    });
    eq(call('regex', '(a)|(b)', 'b'), [null, 'b']);
    eq(call('regexall', '[a-z]+', '1234abcd5678efgh9'), ['abcd', 'efgh']);
    eq(call('regexall', '[a-z]+', '123'), []);
    eq(call('regexall', '(\\w)=(\\d)', 'a=1 b=2'), [
      ['a', '1'],
      ['b', '2'],
    ]);
    eq(call('regexall', 'a*', 'baaac'), ['', 'aaa', '']);
  });

  it('translates RE2 syntax', () => {
    assert.equal(call('regex', '(?i)hello', 'say HeLLo'), 'HeLLo');
    assert.equal(call('regex', '(?i:ab)c', 'ABc'), 'ABc');
    fails('regex', ['(?i:ab)c', 'ABC'], /did not match/);
    assert.equal(call('regex', '(?s)a.b', 'a\nb'), 'a\nb');
    fails('regex', ['a.b', 'a\nb'], /did not match/);
    eq(call('regexall', '(?m)^\\w+$', 'one\ntwo'), ['one', 'two']);
    assert.equal(call('regex', '[[:digit:]]+', 'ab123'), '123');
    assert.equal(call('regex', '\\pL+', '12αβγ'), 'αβγ');
    assert.equal(call('regex', '\\p{Greek}+', 'abc αβγ'), 'αβγ');
    assert.equal(call('regex', '\\Q.*\\E', 'a.*b'), '.*');
    assert.equal(call('regex', '\\x{1F600}|\\x41', 'xA'), 'A');
    assert.equal(call('regex', '.', '😀x'), '😀');
    assert.equal(call('regex', '[^a]', '😀'), '😀');
    assert.equal(call('regex', '[😀-😂]+', 'x😁😂'), '😁😂');
    assert.equal(call('regex', '\\s+', 'a \t b'), ' \t ');
    assert.equal(call('regex', '\\d{2,3}?', '12345'), '12');
    assert.equal(call('regex', '^[a-z]{1,63}$', 'abc'), 'abc');
    assert.equal(call('regex', '\\.', 'a.b'), '.');
    assert.equal(call('regex', '\\Aab\\z', 'ab'), 'ab');
  });

  it('refuses what RE2 refuses, and what tfguard cannot run safely', () => {
    fails('regex', ['(a)\\1', 'aa'], /backreferences are not supported \(RE2 has none\)/);
    fails('regex', ['a(?=b)', 'ab'], /lookahead and lookbehind assertions are not supported/);
    fails('regex', ['(?<!a)b', 'ab'], /lookahead and lookbehind/);
    fails('regex', ['a**', 'a'], /invalid nested repetition operator/);
    fails('regex', ['*a', 'a'], /missing argument to repetition operator/);
    fails('regex', ['[z-a]', 'a'], /invalid character class range/);
    fails('regex', ['a{1001}', 'a'], /invalid repeat count/);
    fails('regex', ['[abc', 'a'], /missing closing \]/);
    fails('regex', ['a\\', 'a'], /trailing backslash/);
    fails('regex', ['\\y', 'a'], /invalid escape sequence/);
    fails('regex', ['(?P<x>a)(b)', 'ab'], /cannot mix both named and unnamed capture groups/);
    fails('regex', ['(?P<x>a)(?P<x>b)', 'ab'], /duplicate capture group name/);
    fails('regex', ['(?m)^a\\z', 'a'], /cannot combine multi-line anchors/);
    fails('regex', ['x', 'y'], 'regex(): pattern did not match any part of the given string');
  });

  it('does not hang on hostile patterns', () => {
    const start = Date.now();
    fails('regex', ['(a+)+$', `${'a'.repeat(50_000)}b`], /did not match/);
    fails('regex', ['(x+x+)+y', 'x'.repeat(5000)], /did not match/);
    fails('regex', ['((a{1,1000}){1000}){1000}', 'a'], /(linear time|too large)/);
    fails('regex', ['(?:(?:a{1000}){1000}){1000}', 'a'], /too large/);
    fails('regex', ['('.repeat(300) + ')'.repeat(300), 'a'], /nests too deeply/);
    assert.ok(Date.now() - start < 2000, `took ${Date.now() - start} ms`);
  });
});
