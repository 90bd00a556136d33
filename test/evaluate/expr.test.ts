import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EvalError } from '../../src/evaluate/convert.js';
import { evaluate, type Scope } from '../../src/evaluate/expr.js';
import { ReferenceUnknown } from '../../src/evaluate/reference.js';
import { Unknown, type Value, fromJSON, isUnknown, unknown } from '../../src/evaluate/value.js';
import type { Expr } from '../../src/load/ast.js';
import { parseHclExpression } from '../../src/load/hcl/index.js';

const vars: Record<string, Value> = {
  s: 'abc',
  n: 3,
  list: fromJSON(['a', 'b']),
  objs: fromJSON([
    { id: 1, tags: { k: 'x' } },
    { id: 2, tags: { k: 'y' } },
  ]),
  m: fromJSON({ b: 2, a: 1 }),
  nothing: null,
  u: unknown({ kind: 'variable', name: 'u' }),
};

const scope: Scope = {
  resolveRoot(name) {
    if (name === 'var') return fromJSON({});
    if (name === 'aws_kms_key') return new ReferenceUnknown('aws_kms_key');
    return undefined;
  },
  resolveMember(root, name) {
    return root === 'var' ? vars[name] : undefined;
  },
};

function ev(text: string): Value {
  const { expr, diagnostics } = parseHclExpression('test.tf', text);
  assert.deepEqual(diagnostics, [], `parse errors in ${text}`);
  return evaluate(expr, scope);
}

function plain(v: Value): unknown {
  return JSON.parse(JSON.stringify(v));
}

describe('expression evaluation', () => {
  it('renders templates, directives and numbers as Terraform does', () => {
    assert.equal(ev('"x-${var.s}-${var.n}-${1.5}-${true}"'), 'x-abc-3-1.5-true');
    assert.equal(ev('"%{ for v in var.list }${v};%{ endfor }"'), 'a;b;');
    assert.equal(ev('"%{ if var.n > 2 }big%{ else }small%{ endif }"'), 'big');
    // A template that is a single interpolation keeps the value's type.
    assert.deepEqual(plain(ev('"${var.list}"')), ['a', 'b']);
  });

  it('evaluates operators with Terraform conversions and precedence', () => {
    assert.equal(ev('1 + 2 * 3'), 7);
    assert.equal(ev('"5" + 1'), 6);
    assert.equal(ev('1 == "1"'), false);
    assert.equal(ev('!(var.n >= 3) || var.s == "abc"'), true);
    assert.equal(ev('-var.n % 2'), -1);
  });

  it('short-circuits && and || around unknowns', () => {
    assert.equal(ev('false && var.u'), false);
    assert.equal(ev('var.u && false'), false);
    assert.equal(ev('var.u || true'), true);
    assert.ok(isUnknown(ev('var.u && true')));
  });

  it('keeps a conditional on an unknown known only when both branches agree', () => {
    assert.equal(ev('var.u ? "same" : "same"'), 'same');
    const v = ev('var.u ? "a" : "b"');
    assert.ok(v instanceof Unknown);
    assert.equal(v.nonEmpty, true);
    assert.equal(v.describe(), 'var.u has no value');
  });

  it('evaluates for expressions, filters and grouping', () => {
    assert.deepEqual(plain(ev('[for s in var.list : upper(s) if s != "b"]')), ['A']);
    assert.deepEqual(plain(ev('{for k, v in var.m : k => v * 10}')), { a: 10, b: 20 });
    assert.deepEqual(plain(ev('{for o in var.objs : o.tags.k => o.id...}')), { x: [1], y: [2] });
    assert.throws(() => ev('{for o in ["a", "a"] : o => o}'), /duplicate key "a"/);
  });

  it('evaluates splats, index and attribute access', () => {
    assert.deepEqual(plain(ev('var.objs[*].id')), [1, 2]);
    assert.deepEqual(plain(ev('var.objs.*.tags.k')), ['x', 'y']);
    assert.deepEqual(plain(ev('var.nothing[*].id')), []);
    assert.equal(ev('var.objs[1].tags["k"]'), 'y');
    assert.equal(ev('var.list.0'), 'a');
    assert.throws(
      () => ev('var.list[5]'),
      (e: unknown) => e instanceof EvalError && /index 5 is out of range for a list of 2 elements/.test(e.message),
    );
    assert.throws(() => ev('var.m.c'), /no attribute "c"/);
  });

  it('keeps references unknown and remembers the whole address', () => {
    const v = ev('aws_kms_key.k.arn');
    assert.ok(v instanceof Unknown);
    assert.deepEqual(v.refs, ['aws_kms_key.k.arn']);
    assert.equal(v.nonEmpty, true);
    assert.deepEqual((ev('aws_kms_key.k[0].arn') as Unknown).refs, ['aws_kms_key.k[0].arn']);
    assert.deepEqual((ev('aws_kms_key.k[*].arn') as Unknown).refs, ['aws_kms_key.k[*].arn']);
    const t = ev('"${aws_kms_key.k.arn}:*"') as Unknown;
    assert.deepEqual(t.refs, ['aws_kms_key.k.arn']);
    assert.equal(t.nonEmpty, true);
  });

  it('handles try() and can()', () => {
    assert.equal(ev('try(var.m.c, "fallback")'), 'fallback');
    assert.equal(ev('can(var.list[5])'), false);
    assert.equal(ev('can(var.list[0])'), true);
    assert.ok(isUnknown(ev('try(var.u, "x")')));
    assert.throws(() => ev('try(var.m.c, var.m.d)'), /no expression succeeded/);
  });

  it('calls functions, expands final arguments, and leaves unknown functions unknown', () => {
    assert.throws(() => ev('max(var.list...)'), /max\(\): .*number is required/);
    assert.equal(ev('min([3, 1, 2]...)'), 1);
    assert.equal(ev('lookup(var.m, "a", 0)'), 1);
    const f = ev('provider::aws::arn_parse("x")');
    assert.ok(f instanceof Unknown);
    assert.match(f.describe(), /provider::aws::arn_parse/);
    const file = ev('file("secret.txt")');
    assert.ok(file instanceof Unknown);
  });

  it('propagates unknowns through functions with their reasons', () => {
    const v = ev('upper(var.u)') as Unknown;
    assert.equal(v.describe(), 'var.u has no value');
    assert.equal(ev('length([var.u, 1])'), 2);
  });

  it('refuses runaway nesting instead of overflowing the stack', () => {
    const at = { line: 1, column: 1, offset: 0 };
    const range = { start: at, end: at };
    let expr: Expr = { kind: 'literal', value: 1, range };
    for (let i = 0; i < 600; i++) expr = { kind: 'tuple', items: [expr], range };
    assert.throws(
      () => evaluate(expr, scope),
      /an expression nested more than 500 deep, over the nesting depth limit of 500; raise it with --max-depth/,
    );
    // Parentheses and conditionals in tail position cost no stack: a chain of 5,000 evaluates.
    let chain: Expr = { kind: 'literal', value: 'z', range };
    for (let i = 0; i < 5000; i++)
      chain = {
        kind: 'parens',
        expr: { kind: 'conditional', cond: { kind: 'literal', value: false, range }, then: expr, else: chain, range },
        range,
      };
    assert.equal(evaluate(chain, scope), 'z');
  });
});

describe('numbers in strings', () => {
  it('renders very large and very small numbers without exponents', () => {
    assert.equal(ev('"n=${1e21}"'), 'n=1000000000000000000000');
    assert.equal(ev('"n=${1.5e-25}"'), 'n=0.00000000000000000000000015');
  });
});
