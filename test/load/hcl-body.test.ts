import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHcl } from '../../src/load/hcl/index.js';
import { at, attr, messages, shape } from './helpers.js';

describe('HCL bodies, blocks and comments', () => {
  it('blocks with labels, nested blocks and exact ranges', () => {
    const src = [
      '# top comment',
      'resource "aws_s3_bucket" "b" {',
      '  bucket = "x" // trailing',
      '  versioning {',
      '    enabled = true',
      '  }',
      '  /* block',
      '     comment */',
      '}',
      'locals {',
      '  a = 1',
      '}',
      'terraform {',
      '  backend s3 {}',
      '}',
      '',
    ].join('\n');
    const f = parseHcl('main.tf', src);
    assert.deepEqual(messages(f.diagnostics), []);
    assert.equal(f.kind, 'hcl');
    assert.equal(f.text, src);
    const [r, l, t] = f.body.blocks;
    assert.equal(r!.type, 'resource');
    assert.deepEqual(r!.labels, ['aws_s3_bucket', 'b']);
    assert.equal(at(r!.typeRange), '2:1-2:9');
    assert.deepEqual(r!.labelRanges.map(at), ['2:10-2:25', '2:26-2:29']);
    assert.equal(at(r!.range), '2:1-9:2');
    assert.equal(at(r!.body.range), '2:30-9:2');
    const bucket = r!.body.attributes[0]!;
    assert.equal(bucket.name, 'bucket');
    assert.equal(at(bucket.nameRange), '3:3-3:9');
    assert.equal(at(bucket.range), '3:3-3:15');
    const v = r!.body.blocks[0]!;
    assert.equal(v.type, 'versioning');
    assert.equal(at(v.typeRange), '4:3-4:13');
    assert.equal(at(v.body.attributes[0]!.nameRange), '5:5-5:12');
    assert.equal(l!.type, 'locals');
    assert.equal(t!.body.blocks[0]!.type, 'backend');
    assert.deepEqual(t!.body.blocks[0]!.labels, ['s3']);
    assert.deepEqual(
      f.comments.map((c) => [c.text, at(c.range)]),
      [
        ['# top comment', '1:1-1:14'],
        ['// trailing', '3:16-3:27'],
        ['/* block\n     comment */', '7:3-8:16'],
      ],
    );
  });

  it('heredocs: << keeps text, <<- trims the common indentation, value ends with a newline', () => {
    const src = [
      'a = <<EOT',
      '  one',
      '    two',
      'EOT',
      'b = <<-EOT',
      '    one',
      '      two',
      '',
      '    three',
      '    EOT',
      'c = <<-X',
      '\t\tx ${v}',
      '\t  y',
      '  X',
      'd = <<EOT',
      'EOT',
      '',
    ].join('\n');
    const f = parseHcl('h.tf', src);
    assert.deepEqual(messages(f.diagnostics), []);
    assert.deepEqual(shape(attr(f, 'a')), { kind: 'literal', value: '  one\n    two\n' });
    assert.deepEqual(shape(attr(f, 'b')), { kind: 'literal', value: 'one\n  two\n\nthree\n' });
    // a tab and a space each count as one character
    assert.deepEqual(shape(attr(f, 'c')), {
      kind: 'template',
      heredoc: true,
      parts: [
        { kind: 'text', value: 'x ' },
        { kind: 'interp', expr: { kind: 'variable', name: 'v' }, stripLeft: false, stripRight: false },
        { kind: 'text', value: '\n y\n' },
      ],
    });
    assert.deepEqual(shape(attr(f, 'd')), { kind: 'literal', value: '' });
    assert.equal(at(attr(f, 'a').range), '1:5-4:4');
  });

  it('heredocs keep backslashes but decode $${', () => {
    const f = parseHcl('h.tf', 'a = <<EOT\nC:\\dir $${x} %%{y}\nEOT\n');
    assert.deepEqual(shape(attr(f, 'a')), { kind: 'literal', value: 'C:\\dir ${x} %{y}\n' });
  });

  it('heredoc with directives and strip markers', () => {
    const src = 'a = <<-EOT\n  %{ for x in l ~}\n  - ${x}\n  %{ endfor ~}\n  end\n  EOT\n';
    const f = parseHcl('h.tf', src);
    assert.deepEqual(messages(f.diagnostics), []);
    assert.deepEqual(shape(attr(f, 'a')), {
      kind: 'template',
      heredoc: true,
      parts: [
        {
          kind: 'for',
          valueVar: 'x',
          collection: { kind: 'variable', name: 'l' },
          body: [
            { kind: 'text', value: '- ' },
            { kind: 'interp', expr: { kind: 'variable', name: 'x' }, stripLeft: false, stripRight: false },
            { kind: 'text', value: '\n' },
          ],
        },
        { kind: 'text', value: 'end\n' },
      ],
    });
  });

  it('single-line blocks and tfvars', () => {
    const f = parseHcl('x.tfvars', 'tags = { a = "b" }\nregion = "eu-west-1"\nv { x = 1 }\n');
    assert.deepEqual(messages(f.diagnostics), []);
    assert.deepEqual(
      f.body.attributes.map((a) => a.name),
      ['tags', 'region'],
    );
    assert.equal(f.body.blocks[0]!.body.attributes[0]!.name, 'x');
  });

  it('empty file and comment-only file', () => {
    assert.deepEqual(parseHcl('e.tf', '').body, {
      attributes: [],
      blocks: [],
      range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    });
    const c = parseHcl('c.tf', '# only\n');
    assert.deepEqual(messages(c.diagnostics), []);
    assert.equal(c.comments.length, 1);
  });
});
