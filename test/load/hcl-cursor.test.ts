// The tree copy (src/load/hcl/cst.ts) gives the same syntax model with the direct cursor calls and with
// web-tree-sitter's public TreeCursor, on valid and broken input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseHcl, parseHclExpression } from '../../src/load/hcl/index.js';
import { isDirectCursorAvailable, setDirectCursor } from '../../src/load/hcl/cursor.js';
import { initParser } from '../../src/load/treesitter.js';

before(async () => {
  await initParser();
});

after(() => {
  setDirectCursor(true);
});

const VALID = `# leading comment
terraform {
  required_version = ">= 1.0" // why
}

variable "names" {
  type    = list(string)
  default = ["a", "b"]
}

locals {
  m    = { for k, v in var.names : v => k... if k > 0 }
  obj  = { a = 1, "b" : [1, 2.5e3, -3], (local.k) = true }
  t    = "x-\${var.a}-%{ if var.b }yes%{ else }no%{ endif }"
  h    = <<-EOT
    line \${upper(local.x)}
      %{~ for x in local.l ~}
    \${x}
    %{ endfor }
  EOT
  s    = aws_instance.web[*].id
  a    = data.x.y.*.name
  c    = var.a ? var.b : var.c ? 1 : 2
  i    = local.list[0].x.0
  f    = provider::aws::arn_parse(local.arn).region
  e    = !var.x || (1 + 2 * 3) % 4 >= -5
}

resource "aws_s3_bucket" "b" {
  bucket = "b-\${count.index}"
  count  = 2
  dynamic "rule" {
    for_each = var.rules
    content { id = rule.value }
  }
  /* block
     comment */
}
`;

const BROKEN = [
  'resource "a" "b" {\n  x = "unterminated\n}\n',
  'locals {\n  a = [1, 2\n  b = 3\n}\n',
  'a = 1 b = 2\n',
  'block {\n  x = 1 }\n',
  'x = <<EOT\nno end\n',
  'foo\nbar = 1\n',
  '{ "a": 1 }\n',
  'x = f(1, 2\ny = 3\n',
  'x = "${}"\n',
  'a = 1\n# c\n}\n{\n',
  'x = 10.11.10.12\n',
  'resource "x" "${var.y}" {}\n',
];

function both(parse: () => unknown): [unknown, unknown] {
  setDirectCursor(false);
  const slow = parse();
  setDirectCursor(true);
  const fast = parse();
  return [fast, slow];
}

test('the direct cursor calls are available with the installed web-tree-sitter', () => {
  assert.equal(isDirectCursorAvailable(), true);
});

test('same syntax model, comments and ranges with the direct and the public cursor (valid file)', () => {
  const [fast, slow] = both(() => parseHcl('main.tf', VALID));
  assert.deepEqual(fast, slow);
  const f = fast as ReturnType<typeof parseHcl>;
  assert.deepEqual(f.diagnostics, []);
  assert.deepEqual(f.comments.map((c) => [c.text, c.range.start.line]), [['# leading comment', 1], ['// why', 3], ['/* block\n     comment */', 36]]);
  assert.deepEqual(f.body.blocks.map((b) => [b.type, ...b.labels]), [['terraform'], ['variable', 'names'], ['locals'], ['resource', 'aws_s3_bucket', 'b']]);
});

test('same syntax model and diagnostics with the direct and the public cursor (broken files)', () => {
  for (const text of BROKEN) {
    const [fast, slow] = both(() => parseHcl('bad.tf', text));
    assert.deepEqual(fast, slow, text);
    assert.ok((fast as ReturnType<typeof parseHcl>).diagnostics.length > 0, `expected a diagnostic for ${JSON.stringify(text)}`);
  }
});

test('same result for single expressions', () => {
  for (const text of ['var.a[0]', '[for x in y : x if x', '{ a = 1 } extra', '"${x}"']) {
    const [fast, slow] = both(() => parseHclExpression('<arg>', text, { line: 2, column: 7, offset: 30 }));
    assert.deepEqual(fast, slow, text);
  }
});
