// Parsing in pieces (src/load/hcl/split.ts) against parsing whole, over a corpus. Not part of `npm test`: CI runs
// it on the shared corpus.
//
//   node dist/test/conformance/split.js FILELIST [PIECE_CHARS, default 512]
//
// Every file of FILELIST is cut into pieces of about PIECE_CHARS characters (far smaller than in use, so that
// almost every file is cut many times) and its joined tree must equal the tree of the whole text, word for word;
// files whose pieces do not join fall back to the whole parse, and are counted. Exits 1 on any difference.
import { readFileSync } from 'node:fs';
import { grammarOfLanguage } from '../../src/load/hcl/cst.js';
import { encodeTreeOf } from '../../src/load/hcl/index.js';
import { joinPieces, pieceStarts } from '../../src/load/hcl/split.js';
import { hclLanguage, initParser } from '../../src/load/treesitter.js';

const [list, pieceArg] = process.argv.slice(2);
if (!list) {
  console.error('usage: node dist/test/conformance/split.js FILELIST [PIECE_CHARS]');
  process.exit(2);
}
const piece = Number(pieceArg ?? 512);
await initParser();
const grammar = grammarOfLanguage(hclLanguage()!);
const WHOLE = 1e12;
let cut = 0;
let joined = 0;
const different: string[] = [];
for (const f of readFileSync(list, 'utf8').split('\n').filter(Boolean)) {
  let text: string;
  try {
    text = readFileSync(f, 'utf8');
  } catch {
    continue;
  }
  const starts = pieceStarts(text, piece);
  if (starts.length < 2) continue;
  cut++;
  const pieces = starts.map((s, i) => encodeTreeOf(text.slice(s, starts[i + 1] ?? text.length), WHOLE));
  if (joinPieces(pieces, starts, grammar)) joined++;
  const a = encodeTreeOf(text, WHOLE);
  const b = encodeTreeOf(text, piece);
  const same = a.count === b.count && a.words.subarray(0, a.count * 4).every((x, i) => x === b.words[i]);
  if (!same) different.push(f);
}
console.log(
  `pieces of ${piece} characters: ${cut} files cut, ${joined} joined from their pieces, ${cut - joined} parsed whole instead; ${different.length} different from the whole parse`,
);
for (const f of different.slice(0, 10)) console.log(`  DIFFERENT ${f}`);
process.exit(different.length ? 1 : 0);
