import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHcl } from '../../src/load/hcl/index.js';
import { messages } from './helpers.js';

const diags = (src: string) => messages(parseHcl('main.tf', src).diagnostics);

describe('HCL diagnostics', () => {
  it('attribute name without = (and the good blocks are kept)', () => {
    const f = parseHcl('main.tf', 'variable "ok" {}\nresource "a" "b" {\n  x = 1\n  foo\n}\n');
    assert.deepEqual(messages(f.diagnostics), ['syntax main.tf:5:1: expected \'=\' or a block body after attribute name "foo", found "}"']);
    assert.equal(f.body.blocks[0]!.type, 'variable');
  });

  it('missing closing brace names the opening line', () => {
    assert.deepEqual(diags('resource "a" "b" {\n  x = 1\n'), [
      'syntax main.tf:3:1: missing \'}\' to close the block "resource a b" opened at line 1, column 18',
    ]);
  });

  it('unterminated string', () => {
    assert.deepEqual(diags('a = "abc\nb = 2\n'), [
      "syntax main.tf:1:5: unterminated string: this '\"' has no closing '\"' on the same line",
    ]);
  });

  it('unclosed heredoc', () => {
    assert.deepEqual(diags('a = <<EOT\nhello\n'), [
      'syntax main.tf:1:5: unclosed heredoc: no line containing only "EOT" closes the heredoc started here',
    ]);
  });

  it('unclosed list and call', () => {
    assert.deepEqual(diags('a = [1, 2\nb = 3\n'), ["syntax main.tf:2:1: missing ']' to close the list opened at line 1, column 5"]);
    assert.deepEqual(diags('a = f(1, 2\n'), [
      "syntax main.tf:2:1: missing ')' to close the function call opened at line 1, column 5, found the end of the file",
    ]);
  });

  it('hexadecimal numbers', () => {
    assert.deepEqual(diags('a = 0x1F\n'), ['syntax main.tf:1:5: invalid number "0x1F": HCL numbers are decimal']);
  });

  it('missing newline between arguments', () => {
    assert.deepEqual(diags('b = 1 c = 2\n'), ['syntax main.tf:1:7: missing newline after argument: found "c" on the same line']);
  });

  it('closing brace on the line of the last argument or block', () => {
    assert.deepEqual(diags('a {\n  b = "x"}\n'), ['syntax main.tf:2:10: missing newline after argument: found "}" on the same line']);
    assert.deepEqual(diags('d {\n  e {\n  }}\n'), [
      'syntax main.tf:3:4: missing newline after block definition: found "}" on the same line',
    ]);
  });

  it('dotted numbers such as IP addresses', () => {
    assert.deepEqual(diags('c = 10.11.10.12/32\n'), ['syntax main.tf:1:5: invalid number "10.11.10.12"']);
  });

  it('single-line block with more than one attribute', () => {
    assert.deepEqual(diags('x { a = 1\n}\n'), [
      "syntax main.tf:2:1: a block whose body starts on the '{' line must hold a single attribute and close with '}' on that line, found \"}\"",
    ]);
  });

  it('JSON object in a native file', () => {
    assert.deepEqual(diags('{"a": 1}\n'), [
      'syntax main.tf:1:1: expected attributes and blocks, found a JSON-style object: native HCL files cannot be a single { … } object',
    ]);
  });

  it('duplicate attributes, at any depth', () => {
    assert.deepEqual(diags('a = 1\nb = 2\na = 3\nx {\n  k = 1\n  k = 2\n}\n'), [
      'duplicate-attribute main.tf:3:1: attribute "a" is set twice: it was already set on line 1',
      'duplicate-attribute main.tf:6:3: attribute "k" is set twice: it was already set on line 5',
    ]);
  });

  it('interpolation in a block label', () => {
    assert.deepEqual(diags('resource "a" "${var.x}" {}\n'), [
      'interpolated-label main.tf:1:14: block labels cannot contain interpolation, found "${var.x}"',
    ]);
    assert.deepEqual(diags('resource "a" "$${x}" {}\n'), []);
  });

  it('empty interpolation', () => {
    assert.deepEqual(diags('a = "${}"\n'), ['syntax main.tf:1:6: empty interpolation "${}": expected an expression inside']);
  });

  it('generic fallback names the unexpected token', () => {
    assert.deepEqual(diags('= 1\n'), ['syntax main.tf:1:1: expected an attribute name or a block type, found "="']);
  });

  it('never throws on odd input, and guards deep nesting', () => {
    for (const s of ['}}}}', '"', '<<', '${', 'a = [[[[', '\u0000', 'a = "\\q"', 'x = ' + '('.repeat(5000) + '1' + ')'.repeat(5000)]) {
      const f = parseHcl('odd.tf', s);
      assert.ok(Array.isArray(f.diagnostics));
    }
    const deep = parseHcl('deep.tf', 'x = ' + '['.repeat(1000) + ']'.repeat(1000) + '\n');
    assert.equal(deep.diagnostics.length, 1);
    assert.match(
      messages(deep.diagnostics)[0]!,
      /^syntax deep\.tf:1:\d+: expression nested deeper than tfguard's parser reads \(2000 units: .*\); tfguard does not analyse it$/,
    );
    assert.equal(deep.body.attributes[0]!.expr.kind, 'tuple');
    const ok = parseHcl('ok.tf', 'x = ' + Array.from({ length: 300 }, (_, i) => `a${i}`).join(' && ') + '\n');
    assert.deepEqual(messages(ok.diagnostics), []);
  });
});
