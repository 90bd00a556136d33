// Very large files parsed in pieces. tree-sitter's WASM memory grows with the largest tree it has built and never
// shrinks (about 90 bytes per byte of a 3 MB file), so a file of SPLIT_MIN_CHARS or more is cut after lines that
// are a lone `}` (the end of a top-level block, as `terraform fmt` writes it), each piece is parsed on its own, and
// the flat trees are joined into the tree of the whole file: one config_file, one body, the pieces' items in order.
// A cut in the wrong place leaves a piece with an unclosed construct, hence an ERROR or MISSING node; then, and
// whenever a piece has a syntax error or an unexpected shape, the whole file is parsed at once instead.
import type { GrammarInfo } from './cst.js';
import { type FlatTree, MISSING_BIT, WORDS } from './flat.js';

/** Files at least this long are parsed in pieces. */
export const SPLIT_MIN_CHARS = 1024 * 1024;
/** About how long each piece is. */
export const PIECE_CHARS = 128 * 1024;

const ERROR_ID = 0xffff;

/** Where the pieces of `text` start (the first is 0): after a line holding only `}`, every `piece` characters or so. */
export function pieceStarts(text: string, piece: number = PIECE_CHARS): number[] {
  const starts = [0];
  const lone = /\n\}[ \t]*\r?\n/g;
  for (;;) {
    lone.lastIndex = starts[starts.length - 1]! + piece;
    const m = lone.exec(text);
    if (!m) break;
    const next = m.index + m[0].length;
    if (next >= text.length) break;
    starts.push(next);
  }
  return starts;
}

/**
 * The flat tree of the whole text from the flat trees of its pieces (`starts` as pieceStarts gave them), or
 * undefined when a piece has a syntax error or is not config_file > body: parse the whole text then.
 */
export function joinPieces(pieces: readonly FlatTree[], starts: readonly number[], grammar: GrammarInfo): FlatTree | undefined {
  const configFile = grammar.names.indexOf('config_file');
  const body = grammar.names.indexOf('body');
  let total = 2;
  for (const p of pieces) {
    const w = p.words;
    if (p.count < 2 || (w[0]! & 0xffff) !== configFile) return undefined;
    let bodies = 0;
    for (let i = 0; i < p.count; i++) {
      const head = w[i * WORDS]!;
      if ((head & 0xffff) === ERROR_ID || (head & MISSING_BIT) !== 0) return undefined;
      if (w[i * WORDS + 3] === 1 && (head & 0xffff) === body) bodies++;
    }
    if (bodies !== 1) return undefined;
    total += p.count;
  }
  const out = new Int32Array(total * WORDS);
  let n = 0;
  const push = (head: number, start: number, end: number, depth: number): void => {
    const o = n++ * WORDS;
    out[o] = head;
    out[o + 1] = start;
    out[o + 2] = end;
    out[o + 3] = depth;
  };
  // Each piece's nodes after its config_file, in order, with the place of the piece's own body node.
  const nodes = (k: number, visit: (head: number, start: number, end: number, depth: number, afterBody: boolean) => void): void => {
    const p = pieces[k]!;
    const w = p.words;
    let afterBody = false;
    for (let i = 1; i < p.count; i++) {
      const o = i * WORDS;
      const head = w[o]!;
      const depth = w[o + 3]!;
      if (depth === 1 && (head & 0xffff) === body) afterBody = true;
      visit(head, w[o + 1]! + starts[k]!, w[o + 2]! + starts[k]!, depth, afterBody);
    }
  };
  const last = pieces.length - 1;
  // The whole file's config_file spans from where the first piece's starts (after a byte order mark) to where the
  // last piece's ends.
  push(configFile, pieces[0]!.words[1]!, pieces[last]!.words[2]! + starts[last]!, 0);
  // Comments before the first piece's body stay before the whole body.
  nodes(0, (head, start, end, depth, afterBody) => {
    if (depth === 1 && !afterBody) push(head, start, end, 1);
  });
  const bodyAt = n;
  push(body, 0, 0, 1);
  for (let k = 0; k <= last; k++) {
    nodes(k, (head, start, end, depth, afterBody) => {
      if (depth === 1 && (head & 0xffff) === body) {
        if (out[bodyAt * WORDS + 2] === 0) out[bodyAt * WORDS + 1] = start;
        out[bodyAt * WORDS + 2] = end;
        return;
      }
      if (depth > 1) return push(head, start, end, depth);
      // A comment outside this piece's body lies between two items of the whole body, unless it is before the
      // first piece's body (done above) or after the last piece's body (below).
      if ((k === 0 && !afterBody) || (k === last && afterBody)) return;
      push(head, start, end, 2);
    });
  }
  // Comments after the last piece's body stay after the whole body.
  nodes(last, (head, start, end, depth, afterBody) => {
    if (depth === 1 && afterBody && (head & 0xffff) !== body) push(head, start, end, 1);
  });
  return { words: out, count: n };
}
