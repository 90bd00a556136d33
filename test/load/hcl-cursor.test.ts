// The tree copy (src/load/hcl/cst.ts) gives the same syntax model with the direct cursor calls and with
// web-tree-sitter's public TreeCursor, on valid and broken input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseHcl, parseHclExpression } from '../../src/load/hcl/index.js';
import { isDirectCursorAvailable, setDirectCursor } from '../../src/load/hcl/cursor.js';
import { initParser } from '../../src/load/treesitter.js';
import { BROKEN, VALID } from './samples.js';

before(async () => {
  await initParser();
});

after(() => {
  setDirectCursor(true);
});

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
  assert.deepEqual(
    f.comments.map((c) => [c.text, c.range.start.line]),
    [
      ['# leading comment', 1],
      ['// why', 3],
      ['/* block\n     comment */', 36],
    ],
  );
  assert.deepEqual(
    f.body.blocks.map((b) => [b.type, ...b.labels]),
    [['terraform'], ['variable', 'names'], ['locals'], ['resource', 'aws_s3_bucket', 'b']],
  );
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
