// The module sources read without parsing (src/load/hcl/module-sources.ts) against the full parse.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { literalSources } from '../../src/evaluate/called.js';
import { parseHcl } from '../../src/load/hcl/index.js';
import { moduleSources } from '../../src/load/hcl/module-sources.js';

/** What the full parse gives for `text`, and that the parse found no syntax error. */
function parsed(text: string): { sources: string[]; errors: number } {
  const f = parseHcl('t.tf', text);
  return { sources: literalSources(f), errors: f.diagnostics.filter((d) => d.severity === 'error').length };
}

/** The quick reading is taken and equals the full parse's sources, which are `expected`. */
function quick(text: string, expected: string[]): void {
  const full = parsed(text);
  assert.deepEqual(full.sources, expected, 'the full parse');
  assert.deepEqual(moduleSources(text), expected, 'the quick reading');
}

/** The quick reading gives up (the caller parses in full). */
function fallback(text: string): void {
  assert.equal(moduleSources(text), undefined);
}

describe('module sources read without parsing', () => {
  it('reads the source of each top-level module block, in order', () => {
    quick('module "a" {\n  source = "./a"\n  count  = 2\n}\n\nmodule "b" {\n  version = "1.0"\n  source  = "hashicorp/b/aws"\n}\n', [
      './a',
      'hashicorp/b/aws',
    ]);
  });

  it('finds nothing in a file without a module block', () => {
    quick('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  tags = { Name = "y" }\n}\n', []);
    quick('', []);
  });

  it('does not take `module "x" {` inside a heredoc, a string or a comment for a block', () => {
    quick('locals {\n  doc = <<EOT\nmodule "fake" {\n  source = "./fake"\n}\nEOT\n}\nmodule "real" {\n  source = "./real"\n}\n', [
      './real',
    ]);
    quick('locals {\n  doc = <<-EOT\n    module "fake" {\n    EOT\n}\n', []);
    quick('locals {\n  s = "module \\"x\\" { source = \\"./x\\" }"\n}\n', []);
    quick('# module "c1" {\n// module "c2" {\n/* module "c3" {\n  source = "./c3"\n} */\nmodule "m" {\n  source = "./m"\n}\n', ['./m']);
  });

  it('reads comments around and inside the module block', () => {
    quick(
      '/* before */ module "a" { # after the brace\n  // a comment line\n  source = "./a" # c\n  /* inside */\n  version = "1" // trailing\n}\n',
      ['./a'],
    );
    quick('module "a" {\n  source = /* here */ "./a"\n}\n', ['./a']);
  });

  it('decodes escapes in the source as the parser does', () => {
    quick('module "a" {\n  source = "./a\\\\b\\u0063$${x}%%{y}"\n}\n', ['./a\\bc${x}%{y}']);
  });

  it('adds nothing for a module block without a source', () => {
    quick('module "a" {\n  version = "1"\n}\n', []);
  });

  it('gives up on a source that is not one plain string', () => {
    fallback('module "a" {\n  source = "./${local.x}"\n}\n');
    fallback('module "a" {\n  source = local.dir\n}\n');
    fallback('module "a" {\n  source = ("./a")\n}\n');
    fallback('module "a" {\n  source = "./a" + "b"\n}\n');
    fallback('module "a" {\n  source = <<EOT\n./a\nEOT\n}\n');
    assert.deepEqual(parsed('module "a" {\n  source = "./${local.x}"\n}\n').sources, []);
  });

  it('gives up on a second source in one block', () => {
    const text = 'module "a" {\n  source = "./a"\n  source = "./b"\n}\n';
    assert.ok(parsed(text).errors > 0);
    fallback(text);
  });

  it('ignores module blocks and sources that are not at the top level', () => {
    quick('resource "x" "y" {\n  module "inner" {\n    source = "./inner"\n  }\n}\n', []);
    quick('module "a" {\n  nested {\n    source = "./not-this"\n  }\n  source = "./a"\n}\n', ['./a']);
    quick('locals {\n  module = { source = "./x" }\n}\n', []);
  });

  it('reads blocks on one line, empty blocks and labels quoted or bare', () => {
    quick('module "a" { source = "./a" }\nmodule b { source = "./b" }\nmodule "c" {}\nmodule {\n  source = "./d"\n}\n', [
      './a',
      './b',
      './d',
    ]);
    quick('terraform { required_version = ">= 1.0" }\nresource aws_s3_bucket b {\n}\n', []);
  });

  it('reads CRLF line ends', () => {
    quick('module "a" {\r\n  source = "./a"\r\n  x = [\r\n    1,\r\n  ]\r\n}\r\n', ['./a']);
    quick('locals {\r\n  t = <<EOT\r\nmodule "no" {\r\nEOT\r\n}\r\nmodule "b" {\r\n  source = "./b"\r\n}\r\n', ['./b']);
  });

  it('steps over expressions, templates, for expressions and nested brackets', () => {
    quick(
      [
        'locals {',
        '  a = { for k, v in var.m : k => v if v != null }',
        '  b = [for x in var.l :',
        '    x.name',
        '  ]',
        '  c = "${var.x}-%{ if var.y }yes%{ else }no%{ endif }-${jsonencode({ a = "}" })}"',
        '  d = {',
        '    "key" = [1, 2, 3,]',
        '    e     = (1 + 2) * 3',
        '  }',
        '  f = var.list[*].id',
        '}',
        'module "m" {',
        '  source = "./m"',
        '  inputs = merge(local.a, {',
        '    x = 1',
        '  })',
        '}',
      ].join('\n'),
      ['./m'],
    );
  });

  it('gives up on a syntax error, and the parser reports one there', () => {
    for (const text of [
      'module "a" {\n  source = "./a"\n', // unterminated block
      'module "a" {\n  source = "./a\n}\n', // unterminated string
      'module "a" {\n  count = 1 source = "./a"\n}\n', // two items on a line
      'locals {\n  x = "${a +}{"\n}\nmodule "m" {\n  source = "./m"\n}\n', // an error inside a template
      'locals {\n  x = [\n    1\n    2\n  ]\n}\n', // two values without a comma
      'locals {\n  x = (1]\n}\n', // brackets that do not pair
      'module "a" {\n  source = "./a"\n}}\n', // a stray brace
      '{\n  "module": {}\n}\n', // JSON in a .tf file
      'locals {\n  t = <<EOT\nno end\n}\n', // unclosed heredoc
      'locals {\n  x = "\\q"\n}\n', // invalid escape
      // errors inside interpolations, where the parser's recovery reads on from inside the string
      'locals {\n  x = "${a..b}{"\n}\nmodule "m" {\n  source = "./m"\n}\n',
      'locals {\n  x = "${.a}{"\n}\nmodule "m" {\n  source = "./m"\n}\n',
      'locals {\n  x = "${a = 1}{"\n}\nmodule "m" {\n  source = "./m"\n}\n',
      'locals {\n  x = "${a, b}{"\n}\nmodule "m" {\n  source = "./m"\n}\n',
      'locals {\n  x = "${a *}{"\n}\nmodule "m" {\n  source = "./m"\n}\n',
      'locals {\n  x = "${a ? b}{"\n}\nmodule "m" {\n  source = "./m"\n}\n', // a conditional without ':'
      'locals {\n  x = "${for x}{"\n}\nmodule "m" {\n  source = "./m"\n}\n', // for words outside brackets
      'locals {\n  x = a if b\n}\n',
    ]) {
      assert.ok(parsed(text).errors > 0, `the parser reports an error in ${JSON.stringify(text)}`);
      assert.equal(moduleSources(text), undefined, JSON.stringify(text));
    }
  });

  it('gives up where a parser recovering from an error would take a line for a new item', () => {
    fallback('locals {\n  x = foo(\n    a\n    module "m" {\n      source = "./m"\n    })\n}\n');
    fallback('locals {\n  x = [\n    "a",\nname = "b"\n  ]\n}\n');
  });
});
