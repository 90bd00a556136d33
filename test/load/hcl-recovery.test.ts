// The HCL parser's own diagnostics (src/load/hcl: escapes, heredoc markers, template directives, the error budget)
// and its recovery: a broken value is reported once, its attribute kept with an `invalid` value (so no check reads it
// as missing), and the next line read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHcl } from '../../src/load/hcl/index.js';
import { messages } from './helpers.js';

const parse = (src: string) => parseHcl('main.tf', src);
const diags = (src: string) => messages(parse(src).diagnostics);
const kinds = (src: string) => parse(src).body.attributes.map((a) => `${a.name}:${a.expr.kind}`);

describe('HCL parser diagnostics', () => {
  it('an unknown escape in a quoted string', () => {
    assert.deepEqual(diags('a = "x\\qy"\n'), ['syntax main.tf:1:7: invalid escape sequence "\\q" in a string']);
    assert.deepEqual(diags('a = "\\u00e9\\U0001F600\\n\\t\\"\\\\"\n'), []);
  });

  it("text after a heredoc marker, and a closing marker without a line break (both rejected by HashiCorp's parser)", () => {
    assert.deepEqual(diags('a = <<EOT # c\nx\nEOT\nb = 1\n'), [
      'syntax main.tf:1:11: expected a new line after the heredoc marker EOT, found "#"',
    ]);
    assert.deepEqual(kinds('a = <<EOT # c\nx\nEOT\nb = 1\n'), ['a:invalid', 'b:literal']);
    assert.deepEqual(diags('a = <<EOT\nx\nEOT'), [
      'syntax main.tf:1:5: unclosed heredoc: no line containing only "EOT" closes the heredoc started here',
    ]);
    assert.deepEqual(diags('a = <<\nb = 1\n'), ["syntax main.tf:1:5: expected a heredoc marker after '<<', such as <<EOT"]);
  });

  it('template directives that do not pair', () => {
    assert.deepEqual(diags('a = "%{ endif }"\n'), ['syntax main.tf:1:6: %{ endif } without an %{ if } before it in this template']);
    assert.deepEqual(diags('a = "%{ if x }y"\n'), ['syntax main.tf:1:6: missing %{ endif } for the %{ if } at line 1, column 6']);
    assert.deepEqual(diags('a = "%{ foo }"\n'), ['syntax main.tf:1:9: expected if, else, endif, for or endfor after \'%{\', found "foo"']);
    assert.deepEqual(diags('a = "%{ for k, v in x }${k}%{ endfor }%{ if c }y%{ else }n%{ endif }"\n'), []);
  });

  it('a stray closing brace at the top', () => {
    assert.deepEqual(diags('}\na = 1\n'), ['syntax main.tf:1:1: unexpected "}": there is no block open here to close']);
    assert.deepEqual(kinds('}\na = 1\n'), ['a:literal']);
  });

  it('a block inside an object names the key', () => {
    assert.deepEqual(diags('a = [{\n  p {\n  }\n}]\nb = 1\n'), [
      'syntax main.tf:2:5: expected \'=\' or \':\' after the object key "p", found "{": a block cannot stand inside an expression',
    ]);
    assert.deepEqual(kinds('a = [{\n  p {\n  }\n}]\nb = 1\n'), ['a:invalid', 'b:literal']);
  });

  it('keeps a broken attribute with an invalid value and reads the next line', () => {
    assert.deepEqual(diags('a = [1 2]\nb = 3\n'), ["syntax main.tf:1:8: expected ',' or ']' after a list element, found \"2\""]);
    assert.deepEqual(kinds('a = [1 2]\nb = 3\n'), ['a:invalid', 'b:literal']);
    assert.deepEqual(diags('a = (1\nb = 2\n'), [
      'syntax main.tf:2:1: missing \')\' to close the parenthesis opened at line 1, column 5, found "b"',
    ]);
    assert.deepEqual(kinds('a = (1\nb = 2\n'), ['a:invalid', 'b:literal']);
  });

  it('a bracket left open stops at the next top-level block', () => {
    const f = parse('a = [1,\nresource "x" "y" {\n  z = 1\n}\n');
    assert.deepEqual(messages(f.diagnostics), ["syntax main.tf:2:1: missing ']' to close the list opened at line 1, column 5"]);
    assert.deepEqual(
      f.body.blocks.map((b) => [b.type, ...b.labels, b.body.attributes.length]),
      [['resource', 'x', 'y', 1]],
    );
    // Inside brackets, skipping goes to where they close, not to the end of the line.
    assert.deepEqual(kinds('a = [{\n  x = 1 2\n  y = 3\n}]\nb = 1\n'), ['a:invalid', 'b:literal']);
  });

  it('reports ten syntax errors, then says how many more there were', () => {
    const f = parse(Array.from({ length: 13 }, (_, i) => `a${i} = [1 2]`).join('\n') + '\n');
    const ms = messages(f.diagnostics);
    assert.equal(ms.length, 11);
    assert.equal(ms[10], 'syntax main.tf: 3 more syntax errors in this file were not reported (tfguard reports the first 10)');
    assert.equal(f.body.attributes.length, 13);
  });

  it('names, numbers and calls as HCL reads them', () => {
    const f = parse('a = provider::aws::arn_parse("x").region\nb = 1e3 + 1.5E-1\nc = x.0.1\nd = "$$${x}"\n');
    assert.deepEqual(messages(f.diagnostics), []);
    const [a, b, c, d] = f.body.attributes.map((x) => x.expr);
    assert.equal(a?.kind === 'getattr' && a.object.kind === 'call' && a.object.name, 'provider::aws::arn_parse');
    assert.ok(b?.kind === 'binary' && b.left.kind === 'literal' && b.left.value === 1000);
    assert.ok(c?.kind === 'index' && c.object.kind === 'index' && c.key.kind === 'literal' && c.key.value === 1);
    // `$$${x}`: `$` then the escape `$${`, a literal (as HashiCorp's parser reads it).
    assert.deepEqual(d?.kind === 'literal' && d.value, '$${x}');
  });
});
