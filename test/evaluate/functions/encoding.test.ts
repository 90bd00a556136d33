import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNoInheritedKeys, assertUnknown, call, eq, fails, ref } from './helpers.js';

describe('encoding functions', () => {
  it('jsonencode sorts keys and escapes like Go', () => {
    assert.equal(call('jsonencode', { hello: 'world' }), '{"hello":"world"}');
    assert.equal(call('jsonencode', { b: 1, a: [true, null, 1.5] }), '{"a":[true,null,1.5],"b":1}');
    assert.equal(call('jsonencode', '<a&b>'), '"\\u003ca\\u0026b\\u003e"');
    assert.equal(call('jsonencode', 1e21), '1000000000000000000000');
    assert.equal(call('jsonencode', null), 'null');
    assertUnknown(call('jsonencode', { a: ref('r.arn') }), ['r.arn']);
  });

  it('jsondecode builds null-prototype values and refuses bad or deep JSON', () => {
    eq(call('jsondecode', '{"hello": "world", "n": [1, true, null]}'), { hello: 'world', n: [1, true, null] });
    assert.equal(call('jsondecode', 'true'), true);
    const o = call('jsondecode', '{"__proto__": {"x": 1}}') as Record<string, unknown>;
    assertNoInheritedKeys(o);
    assert.equal((o.__proto__ as Record<string, unknown>).x, 1);
    assert.deepEqual(Object.keys(o), ['__proto__']);
    fails('jsondecode', ['{"a":'], /^jsondecode\(\): invalid JSON: /);
    assert.throws(
      () => call('jsondecode', '['.repeat(100_000)),
      /JSON nested more than 500 deep, over the nesting depth limit of 500; raise it with --max-depth/,
    );
    eq(call('jsondecode', '"[[[[["'), '[[[[[');
  });

  it('base64 and urlencode', () => {
    assert.equal(call('base64encode', 'Hello World'), 'SGVsbG8gV29ybGQ=');
    assert.equal(call('base64decode', 'SGVsbG8gV29ybGQ='), 'Hello World');
    assert.equal(call('base64decode', 'w6k='), 'é');
    fails('base64decode', ['SGVsbG8'], /not valid base64/);
    fails('base64decode', ['/w=='], /not valid UTF-8/);
    assert.equal(call('urlencode', 'Hello World!'), 'Hello+World%21');
    assert.equal(call('urlencode', 'foo:bar@localhost?foo=bar&bar=baz'), 'foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz');
    assert.equal(call('urlencode', 'é~'), '%C3%A9~');
  });

  it('hashes and uuidv5', () => {
    assert.equal(call('md5', 'hello world'), '5eb63bbbe01eeed093cb22bb8f5acdc3');
    assert.equal(call('sha1', 'hello world'), '2aae6c35c94fcfb415dbe95f408b9ce91ee846ed');
    assert.equal(call('sha256', 'hello world'), 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
    assert.equal((call('sha512', 'hello world') as string).slice(0, 16), '309ecc489c12d6eb');
    assert.equal(call('base64sha256', 'hello world'), 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=');
    assert.equal(call('uuidv5', 'dns', 'www.terraform.io'), 'a5008fae-b28c-5ba5-96cd-82b4c53552d6');
    assert.equal(call('uuidv5', 'url', 'https://www.terraform.io/'), '9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5');
    fails('uuidv5', ['nope', 'x'], /doesn't support namespace prefix "nope"/);
  });
});
