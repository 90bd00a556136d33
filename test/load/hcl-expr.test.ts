import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SPLAT_ELEMENT } from '../../src/load/ast.js';
import { parseHcl, parseHclExpression } from '../../src/load/hcl/index.js';
import { at, attr, messages, shape } from './helpers.js';

function expr(src: string): unknown {
  const f = parseHcl('t.tf', `x = ${src}\n`);
  assert.deepEqual(messages(f.diagnostics), []);
  return shape(attr(f, 'x'));
}

const v = (name: string) => ({ kind: 'variable', name });
const lit = (value: unknown) => ({ kind: 'literal', value });

describe('HCL expressions', () => {
  it('literals', () => {
    assert.deepEqual(expr('42'), lit(42));
    assert.deepEqual(expr('1.5'), lit(1.5));
    assert.deepEqual(expr('1e3'), lit(1000));
    assert.deepEqual(expr('2E-2'), lit(0.02));
    assert.deepEqual(expr('1.5e3'), lit(1500));
    assert.deepEqual(expr('true'), lit(true));
    assert.deepEqual(expr('false'), lit(false));
    assert.deepEqual(expr('null'), lit(null));
    assert.deepEqual(expr('"plain"'), lit('plain'));
    assert.deepEqual(expr('""'), lit(''));
  });

  it('string escapes', () => {
    assert.deepEqual(expr('"a\\nb\\rc\\td\\"e\\\\f"'), lit('a\nb\rc\td"e\\f'));
    assert.deepEqual(expr('"\\u00e9\\U0001F600"'), lit('é😀'));
    assert.deepEqual(expr('"$${x} %%{y}"'), lit('${x} %{y}'));
    assert.deepEqual(expr('"  spaced  "'), lit('  spaced  '));
  });

  it('templates with interpolation', () => {
    assert.deepEqual(expr('"a-${var.x}-b"'), {
      kind: 'template',
      heredoc: false,
      parts: [
        { kind: 'text', value: 'a-' },
        { kind: 'interp', expr: { kind: 'getattr', object: v('var'), name: 'x' }, stripLeft: false, stripRight: false },
        { kind: 'text', value: '-b' },
      ],
    });
    assert.deepEqual(expr('"${x}"'), {
      kind: 'template',
      heredoc: false,
      parts: [{ kind: 'interp', expr: v('x'), stripLeft: false, stripRight: false }],
    });
  });

  it('template directives and strip markers', () => {
    assert.deepEqual(expr('"a %{~ if c ~} yes %{~ else ~} no %{~ endif ~} b"'), {
      kind: 'template',
      heredoc: false,
      parts: [
        { kind: 'text', value: 'a' },
        { kind: 'if', cond: v('c'), then: [{ kind: 'text', value: 'yes' }], else: [{ kind: 'text', value: 'no' }] },
        { kind: 'text', value: 'b' },
      ],
    });
    assert.deepEqual(expr('"%{ for k, i in l }${i}, %{ endfor }"'), {
      kind: 'template',
      heredoc: false,
      parts: [
        {
          kind: 'for',
          keyVar: 'k',
          valueVar: 'i',
          collection: v('l'),
          body: [
            { kind: 'interp', expr: v('i'), stripLeft: false, stripRight: false },
            { kind: 'text', value: ', ' },
          ],
        },
      ],
    });
    assert.deepEqual(expr('"x  ${~ y ~}  z"'), {
      kind: 'template',
      heredoc: false,
      parts: [
        { kind: 'text', value: 'x' },
        { kind: 'interp', expr: v('y'), stripLeft: true, stripRight: true },
        { kind: 'text', value: 'z' },
      ],
    });
  });

  it('collections', () => {
    assert.deepEqual(expr('[1, "a", [],]'), { kind: 'tuple', items: [lit(1), lit('a'), { kind: 'tuple', items: [] }] });
    assert.deepEqual(expr('{ a = 1, "b": 2, (c) = 3 }'), {
      kind: 'object',
      items: [
        { key: v('a'), keyIsIdent: true, value: lit(1) },
        { key: lit('b'), keyIsIdent: false, value: lit(2) },
        { key: { kind: 'parens', expr: v('c') }, keyIsIdent: false, value: lit(3) },
      ],
    });
  });

  it('traversals, indexes and splats', () => {
    assert.deepEqual(expr('a.b[0].c'), {
      kind: 'getattr',
      name: 'c',
      object: { kind: 'index', key: lit(0), object: { kind: 'getattr', name: 'b', object: v('a') } },
    });
    assert.deepEqual(expr('a.0'), { kind: 'index', object: v('a'), key: lit(0) });
    assert.deepEqual(expr('a[*].id'), {
      kind: 'splat',
      full: true,
      object: v('a'),
      each: { kind: 'getattr', object: v(SPLAT_ELEMENT), name: 'id' },
    });
    assert.deepEqual(expr('a[*]'), { kind: 'splat', full: true, object: v('a'), each: v(SPLAT_ELEMENT) });
    // an attribute-only splat stops at an index: the index applies to the result
    assert.deepEqual(expr('a.*.b[0]'), {
      kind: 'index',
      key: lit(0),
      object: { kind: 'splat', full: false, object: v('a'), each: { kind: 'getattr', object: v(SPLAT_ELEMENT), name: 'b' } },
    });
    assert.deepEqual(expr('a[*].b[0]'), {
      kind: 'splat',
      full: true,
      object: v('a'),
      each: { kind: 'index', key: lit(0), object: { kind: 'getattr', object: v(SPLAT_ELEMENT), name: 'b' } },
    });
  });

  it('function calls', () => {
    assert.deepEqual(expr('lookup(m, "k", null)'), {
      kind: 'call',
      name: 'lookup',
      args: [v('m'), lit('k'), lit(null)],
      expandFinal: false,
    });
    assert.deepEqual(expr('concat(a, b...)'), { kind: 'call', name: 'concat', args: [v('a'), v('b')], expandFinal: true });
    assert.deepEqual(expr('provider::aws::arn_parse(x)'), {
      kind: 'call',
      name: 'provider::aws::arn_parse',
      args: [v('x')],
      expandFinal: false,
    });
    assert.deepEqual(expr('timestamp()'), { kind: 'call', name: 'timestamp', args: [], expandFinal: false });
  });

  it('operators with HCL precedence', () => {
    const bin = (op: string, left: unknown, right: unknown) => ({ kind: 'binary', op, left, right });
    assert.deepEqual(expr('1 + 2 * 3'), bin('+', lit(1), bin('*', lit(2), lit(3))));
    assert.deepEqual(expr('a || b && c'), bin('||', v('a'), bin('&&', v('b'), v('c'))));
    assert.deepEqual(expr('a == 1 && b != 2'), bin('&&', bin('==', v('a'), lit(1)), bin('!=', v('b'), lit(2))));
    assert.deepEqual(expr('a < b == c >= d'), bin('==', bin('<', v('a'), v('b')), bin('>=', v('c'), v('d'))));
    assert.deepEqual(expr('1 - 2 - 3'), bin('-', bin('-', lit(1), lit(2)), lit(3)));
    assert.deepEqual(
      expr('-a.b % 2'),
      bin('%', { kind: 'unary', op: '-', operand: { kind: 'getattr', object: v('a'), name: 'b' } }, lit(2)),
    );
    assert.deepEqual(expr('!x'), { kind: 'unary', op: '!', operand: v('x') });
    assert.deepEqual(expr('(1 + 2) * 3'), bin('*', { kind: 'parens', expr: bin('+', lit(1), lit(2)) }, lit(3)));
  });

  it('conditionals', () => {
    assert.deepEqual(expr('a ? b ? 1 : 2 : 3'), {
      kind: 'conditional',
      cond: v('a'),
      then: { kind: 'conditional', cond: v('b'), then: lit(1), else: lit(2) },
      else: lit(3),
    });
    assert.deepEqual(expr('a ? b : c ? d : e'), {
      kind: 'conditional',
      cond: v('a'),
      then: v('b'),
      else: { kind: 'conditional', cond: v('c'), then: v('d'), else: v('e') },
    });
  });

  it('for expressions', () => {
    assert.deepEqual(expr('[for s in l : upper(s) if s != ""]'), {
      kind: 'for',
      valueVar: 's',
      collection: v('l'),
      valueExpr: { kind: 'call', name: 'upper', args: [v('s')], expandFinal: false },
      grouping: false,
      cond: { kind: 'binary', op: '!=', left: v('s'), right: lit('') },
    });
    assert.deepEqual(expr('{for k, x in m : x.g => k...}'), {
      kind: 'for',
      keyVar: 'k',
      valueVar: 'x',
      collection: v('m'),
      keyExpr: { kind: 'getattr', object: v('x'), name: 'g' },
      valueExpr: v('k'),
      grouping: true,
    });
  });

  it('exact ranges (1-based line and column)', () => {
    const f = parseHcl('t.tf', 'x = {\n  a = foo(b.c[0], "s")\n}\n');
    const o = attr(f, 'x');
    assert.equal(at(o.range), '1:5-3:2');
    assert.equal(o.kind, 'object');
    if (o.kind !== 'object') return;
    const call = o.items[0]!.value;
    assert.equal(at(call.range), '2:7-2:23');
    assert.equal(at(o.items[0]!.key.range), '2:3-2:4');
    if (call.kind !== 'call') throw new Error('not a call');
    assert.equal(at(call.args[0]!.range), '2:11-2:17');
    assert.equal(at(call.args[1]!.range), '2:19-2:22');
    assert.equal(call.args[0]!.range.start.offset, 16);
  });

  it('columns count UTF-16 code units', () => {
    const f = parseHcl('t.tf', 'a = "é😀" # é😀\nb = "x"\n  é = 1 # ok\n');
    const b = f.body.attributes;
    assert.equal(at(b[0]!.expr.range), '1:5-1:10');
    assert.deepEqual(shape(b[0]!.expr), lit('é😀'));
    assert.equal(at(f.comments[0]!.range), '1:11-1:16');
    assert.equal(f.comments[0]!.range.start.offset, 10);
    const e = b.find((x) => x.name === 'é')!;
    assert.equal(at(e.nameRange), '3:3-3:4');
    assert.equal(e.nameRange.start.offset, 26);
    const line = 'tags = { n = "😀😀" }, y = 1';
    const g = parseHcl('t.tf', `z = [1]\n${line.slice(0, line.indexOf(','))}\n`);
    const tags = attr(g, 'tags');
    assert.equal(at(tags.range), '2:8-2:22');
  });

  it('parseHclExpression offsets ranges to the given position', () => {
    const r = parseHclExpression('cli', '["a", b]', { line: 1, column: 10, offset: 9 });
    assert.deepEqual(r.diagnostics, []);
    assert.equal(at(r.expr.range), '1:10-1:18');
    assert.equal(r.expr.range.start.offset, 9);
    const r2 = parseHclExpression('cli', '{\n  k = 1\n}');
    assert.equal(at(r2.expr.range), '1:1-3:2');
    const bad = parseHclExpression('cli', '[1,');
    assert.equal(bad.diagnostics.length > 0, true);
    assert.equal(bad.diagnostics[0]!.code, 'syntax');
    const two = parseHclExpression('cli', '1\n2');
    assert.deepEqual(messages(two.diagnostics), ['syntax cli:2:1: expected a single expression, found more text after it']);
  });
});
