import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertUnknown, call, eq, fails, ref } from './helpers.js';

describe('string functions', () => {
  it('join converts numbers and refuses nulls', () => {
    assert.equal(call('join', '-', ['foo', 'bar', 'baz']), 'foo-bar-baz');
    assert.equal(call('join', ', ', ['foo']), 'foo');
    assert.equal(call('join', ',', [1, 2.5, true]), '1,2.5,true');
    assert.equal(call('join', ',', ['a'], ['b', 'c']), 'a,b,c');
    fails('join', [',', ['a', null]], 'join(): element 1 is null; cannot concatenate null values');
    fails('join', [','], 'join() takes at least 2 arguments, got 1');
    assertUnknown(call('join', ',', ['a', ref('r.id')]), ['r.id']);
  });

  it('split, lower, upper, title', () => {
    eq(call('split', ',', 'foo,bar,baz'), ['foo', 'bar', 'baz']);
    eq(call('split', ',', 'foo'), ['foo']);
    eq(call('split', ',', ''), ['']);
    eq(call('split', '', 'a😀'), ['a', '😀']);
    assert.equal(call('lower', 'HELLO'), 'hello');
    assert.equal(call('lower', 'АЛЛО!'), 'алло!');
    assert.equal(call('upper', 'hello'), 'HELLO');
    assert.equal(call('upper', 5), '5');
    assert.equal(call('title', 'hello world'), 'Hello World');
    assert.equal(call('title', 'hello-world foo_bar'), 'Hello-World Foo_bar');
    fails('upper', [['a']], 'upper(): invalid value for "str" parameter: string required, got list');
    fails('upper', [null], /argument must not be null/);
  });

  it('trim family and chomp, indent, strrev', () => {
    assert.equal(call('trim', '?!hello?!', '!?'), 'hello');
    assert.equal(call('trim', 'foobar', 'far'), 'oob');
    assert.equal(call('trimprefix', 'helloworld', 'hello'), 'world');
    assert.equal(call('trimprefix', 'helloworld', 'cat'), 'helloworld');
    assert.equal(call('trimsuffix', 'helloworld', 'world'), 'hello');
    assert.equal(call('trimspace', '  hello\n\n'), 'hello');
    assert.equal(call('chomp', 'hello\n'), 'hello');
    assert.equal(call('chomp', 'hello\r\n'), 'hello');
    assert.equal(call('chomp', 'hello\n\n'), 'hello');
    assert.equal(call('chomp', 'he\nllo'), 'he\nllo');
    assert.equal(call('indent', 2, '[\n  foo,\n  bar,\n]\n'), '[\n    foo,\n    bar,\n  ]\n  ');
    fails('indent', [-1, 'a'], /must not be negative/);
    fails('indent', [9_000_000, 'a\nb'], /longer than/);
    assert.equal(call('strrev', 'hello'), 'olleh');
    assert.equal(call('strrev', 'a☃e\u0301'), 'e\u0301☃a');
  });

  it('startswith, endswith, strcontains', () => {
    assert.equal(call('startswith', 'hello world', 'hello'), true);
    assert.equal(call('startswith', 'hello world', 'world'), false);
    assert.equal(call('endswith', 'hello world', 'world'), true);
    assert.equal(call('strcontains', 'hello world', 'wor'), true);
  });

  it('substr counts graphemes, with negative offsets and length -1', () => {
    assert.equal(call('substr', 'hello world', 1, 4), 'ello');
    assert.equal(call('substr', '🤔🤷', 0, 1), '🤔');
    assert.equal(call('substr', 'hello world', -5, -1), 'world');
    assert.equal(call('substr', 'hello world', 6, 10), 'world');
    assert.equal(call('substr', 'hello', 10, 1), '');
    assert.equal(call('substr', 'hello', -10, 2), 'he');
    assert.equal(call('substr', 'hello', 1, 0), '');
    fails('substr', ['hello', 0.5, 1], /whole number/);
  });

  it('replace with plain substrings and /regex/ with $1 and ${name}', () => {
    assert.equal(call('replace', '1 + 2 + 3', '+', '-'), '1 - 2 - 3');
    assert.equal(call('replace', 'hello world', '/w.*d/', 'everybody'), 'hello everybody');
    assert.equal(call('replace', 'key=value', '/(\\w+)=(\\w+)/', '$2=$1'), 'value=key');
    assert.equal(call('replace', 'key=value', '/(?P<k>\\w+)=(?P<v>\\w+)/', '${v}:${k} $$'), 'value:key $');
    assert.equal(call('replace', 'abc', '/b*/', 'X'), 'XaXcX');
    assert.equal(call('replace', 'ab', '', '-'), '-a-b-');
    assert.equal(call('replace', 'a/b', '/', '_'), 'a_b');
    fails('replace', ['a', '/(/', 'b'], /invalid regexp pattern: missing closing \)/);
  });
});
