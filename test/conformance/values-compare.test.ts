// The value-conformance comparison (values-compare.ts) on small inline inputs, with hcl2json's output written
// by hand in the shape research/parsers.md §3.3 describes. The corpus run itself is values.ts (not npm test).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate } from '../../src/evaluate/expr.js';
import { CONSTANT_SCOPE } from '../../src/evaluate/variables.js';
import { parseHcl } from '../../src/load/hcl/index.js';
import { attr } from '../load/helpers.js';
import { EXPLAINED, type Json, classifyLeaf, compareBody, escapeTemplateSequences, isConstantExpr, newStats } from './values-compare.js';

function run(src: string, oracle: Json) {
  const f = parseHcl('t.tf', src);
  assert.deepEqual(f.diagnostics, []);
  const stats = newStats();
  compareBody(f, f.body, oracle, '', stats, (e) => evaluate(e, CONSTANT_SCOPE));
  return stats;
}

describe('isConstantExpr', () => {
  it('takes literals, heredocs, negative numbers, tuples and objects of constants', () => {
    const f = parseHcl('t.tf', 'a = 1\nb = "s"\nc = -2\nd = [1, "x", null, { k = true, "q" = [] }]\ne = <<EOT\nhi\nEOT\n');
    for (const n of ['a', 'b', 'c', 'd', 'e']) assert.equal(isConstantExpr(attr(f, n)), true, n);
  });
  it('leaves out parentheses, interpolations, operators, calls, references and computed keys', () => {
    const f = parseHcl('t.tf', 'a = (1)\nb = "${"x"}"\nc = 1 + 1\nd = max(1)\ne = var.x\nf = { (k) = 1 }\ng = -true\nh = [var.x]\n');
    for (const n of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) assert.equal(isConstantExpr(attr(f, n)), false, n);
  });
});

describe('classifyLeaf', () => {
  it('names each explained class', () => {
    assert.equal(escapeTemplateSequences('a${b}%{c}'), 'a$${b}%%{c}');
    assert.equal(classifyLeaf('x${y}', 'x$${y}'), 'escaped-template-sequence');
    for (const c of ['escaped-template-sequence', 'block-shadowed-by-attribute']) assert.ok(EXPLAINED[c], c);
  });
  it('leaves real differences unexplained', () => {
    assert.equal(classifyLeaf('a', 'b'), 'string');
    assert.equal(classifyLeaf(1, 2), 'number');
    assert.equal(classifyLeaf(0.30000000000000004, 0.3), 'number');
    assert.equal(classifyLeaf(1, '1'), 'type:number-vs-string');
    assert.equal(classifyLeaf('x', '${var.x}'), 'oracle-not-constant');
    assert.equal(classifyLeaf('x', undefined), 'absent-in-oracle');
    for (const c of ['string', 'number', 'type:number-vs-string', 'oracle-not-constant', 'absent-in-oracle'])
      assert.equal(EXPLAINED[c], undefined, c);
  });
});

describe('compareBody', () => {
  const src = [
    'resource "aws_s3_bucket" "b" {',
    '  bucket = "logs"',
    '  tags   = { Name = "x" }',
    '  rule { id = "a" }',
    '  rule { id = "b" }',
    '  policy = var.p',
    '}',
    'locals { x = 1 }',
    'locals { y = "$${z}" }',
    '',
  ].join('\n');
  const oracle: Json = {
    resource: { aws_s3_bucket: { b: [{ bucket: 'logs', tags: { Name: 'x' }, rule: [{ id: 'a' }, { id: 'b' }], policy: '${var.p}' }] } },
    locals: [{ x: 1 }, { y: '$${z}' }],
  };

  it('maps labelled blocks, repeated nested blocks and repeated top-level blocks by path', () => {
    const s = run(src, oracle);
    assert.equal(s.attributes, 6);
    assert.equal(s.skipped, 1);
    assert.equal(s.equal, 5);
    assert.equal(s.different, 1);
    assert.deepEqual([...s.byClass.keys()], ['escaped-template-sequence']);
    const d = s.differences[0]!;
    assert.deepEqual([d.path, d.line, d.ours, d.theirs], ['locals#1/y', 9, '"${z}"', '"$${z}"']);
  });

  it('reports a changed leaf inside a value with its path and line', () => {
    const changed = structuredClone(oracle) as { resource: { aws_s3_bucket: { b: [{ tags: { Name: string }; rule: { id: string }[] }] } } };
    changed.resource.aws_s3_bucket.b[0].tags.Name = 'y';
    changed.resource.aws_s3_bucket.b[0].rule.push({ id: 'c' });
    const s = run(src, changed as unknown as Json);
    const byPath = new Map(s.differences.map((d) => [d.path, d]));
    assert.equal(byPath.get('resource.aws_s3_bucket.b#0/tags.Name')?.cls, 'string');
    assert.equal(byPath.get('resource.aws_s3_bucket.b#0/tags.Name')?.line, 3);
    assert.equal(byPath.get('resource.aws_s3_bucket.b#0/rule')?.cls, 'extra-blocks-in-oracle');
  });

  it('explains a block hidden by an attribute of the same name, and flags other missing blocks', () => {
    const f = 'spec {\n  volume = "x"\n  volume { path = "/" }\n}\nother {}\n';
    const s = run(f, { spec: [{ volume: 'x' }] });
    assert.deepEqual(
      s.differences.map((d) => [d.path, d.cls]),
      [
        ['spec#0/volume#0', 'block-shadowed-by-attribute'],
        ['other#0', 'block-absent-in-oracle'],
      ],
    );
  });
});
