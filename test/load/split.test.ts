// Very large files are parsed in pieces (src/load/hcl/split.ts): the joined tree must be exactly the tree of the
// whole text, and a piece cut in the wrong place must send the file back to one whole parse.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { encodeTreeOf, parseHcl } from '../../src/load/hcl/index.js';
import { grammarOfLanguage } from '../../src/load/hcl/cst.js';
import type { FlatTree } from '../../src/load/hcl/flat.js';
import { joinPieces, pieceStarts } from '../../src/load/hcl/split.js';
import { hclLanguage, initParser } from '../../src/load/treesitter.js';

before(async () => {
  await initParser();
});

const WHOLE = 1e12;
const words = (t: FlatTree): number[] => Array.from(t.words.subarray(0, t.count * 4));

/** A file with everything a cut could fall near: comments around blocks, nested blocks, heredocs, a BOM. */
function sample(blocks: number): string {
  const out = ['\ufeff# leading comment', '', 'locals {', '  a = 1', '}', ''];
  for (let i = 0; i < blocks; i++) {
    out.push(
      `# before ${i}`,
      `resource "aws_s3_bucket" "b${i}" {`,
      `  bucket = "n-\${local.a}-${i}"`,
      '  versioning {',
      '    enabled = true',
      '  }',
      '  tags = {',
      `    i = ${i}`,
      '  }',
      '}',
      `/* between ${i} */`,
      '',
    );
  }
  out.push('output "x" {', '  value = 1', '}', '# trailing comment', '');
  return out.join('\n');
}

describe('parsing in pieces', () => {
  it('cuts after lines holding only }', () => {
    const text = sample(50);
    const starts = pieceStarts(text, 200);
    assert.ok(starts.length > 10);
    for (const s of starts.slice(1)) assert.match(text.slice(0, s), /\n\}[ \t]*\n$/);
  });

  it('joins the pieces into exactly the tree of the whole text, and the same syntax model', () => {
    const text = sample(60);
    const whole = encodeTreeOf(text, WHOLE);
    const pieces = encodeTreeOf(text, 300);
    assert.deepEqual(words(pieces), words(whole));
    assert.deepEqual(parseHcl('big.tf', text, pieces), parseHcl('big.tf', text, whole));
  });

  it('a piece cut inside a heredoc or a comment fails to join, and the whole text is parsed instead', () => {
    const heredoc = 'x = <<EOF\n}\nresource "a" "b" {\n}\nEOF\n\nresource "c" "d" {\n  y = 1\n}\nz = 2\n';
    const comment = 'a = 1\n/* a comment\n}\nstill the comment */\nresource "c" "d" {\n}\nb = 2\n';
    const grammar = grammarOfLanguage(hclLanguage()!);
    for (const text of [heredoc, comment]) {
      const starts = pieceStarts(text, 1);
      assert.ok(starts.length > 1, text);
      const pieces = starts.map((s, i) => encodeTreeOf(text.slice(s, starts[i + 1] ?? text.length), WHOLE));
      assert.equal(joinPieces(pieces, starts, grammar), undefined, text);
      assert.deepEqual(words(encodeTreeOf(text, 1)), words(encodeTreeOf(text, WHOLE)), text);
    }
  });

  it('a syntax error in one piece gives the whole parse and its diagnostics', () => {
    const text = `${sample(20)}resource "broken" {\n  x = \n}\n${sample(20).replace('\ufeff', '')}`;
    assert.deepEqual(words(encodeTreeOf(text, 300)), words(encodeTreeOf(text, WHOLE)));
    const file = parseHcl('bad.tf', text, encodeTreeOf(text, 300));
    assert.ok(file.diagnostics.some((d) => d.code === 'syntax'));
  });
});
