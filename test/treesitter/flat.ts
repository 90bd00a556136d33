// A tree-sitter tree as numbers: one cursor walk writes every node (type id, field id, MISSING, start and end
// offset, depth) into an Int32Array. The array is cheap to transfer between threads (a parse worker sends it
// without copying); cst.ts builds the CstNode tree from it.
import type { Tree } from './treesitter.js';
import type { GrammarInfo } from './cst.js';
import { openCursor } from './cursor.js';

/** Int32 words per node: [typeId | fieldId << 16 | missing << 24, startIndex, endIndex, depth]. */
export const WORDS = 4;
export const MISSING_BIT = 1 << 24;
/** Parents whose children's field names the converters ask for (object_elem: key, val). */
const FIELD_PARENTS = ['object_elem'];

export interface FlatTree {
  /** `count * WORDS` words are used; the buffer may be longer. */
  words: Int32Array;
  count: number;
}

/** Encode `tree` (which the caller still owns and deletes). Nodes come in document order (preorder). */
export function encodeTree(tree: Tree, grammar: GrammarInfo): FlatTree {
  const fieldParents = new Set(FIELD_PARENTS.map((t) => grammar.names.indexOf(t)).filter((id) => id >= 0));
  // About one node per 3 bytes of source in real files; grown by doubling when short.
  let words = new Int32Array(Math.max(64, Math.ceil((tree.rootNode.endIndex + 16) / 3)) * WORDS);
  let count = 0;
  const typeStack: number[] = [];
  const cursor = openCursor(tree);
  try {
    let depth = 0;
    for (;;) {
      const id = cursor.typeId();
      const start = cursor.startIndex();
      const end = cursor.endIndex();
      const missing = start === end && cursor.isMissing();
      const parentType = depth > 0 ? typeStack[depth - 1]! : -1;
      const field = fieldParents.has(parentType) ? cursor.fieldId() & 0xff : 0;
      if ((count + 1) * WORDS > words.length) {
        const bigger = new Int32Array(words.length * 2);
        bigger.set(words);
        words = bigger;
      }
      const w = count * WORDS;
      words[w] = id | (field << 16) | (missing ? MISSING_BIT : 0);
      words[w + 1] = start;
      words[w + 2] = end;
      words[w + 3] = depth;
      count++;
      // Anonymous nodes are tokens (the HCL grammar has no aliases), so only named nodes can have children.
      const named = id === 0xffff || grammar.named[id] === true;
      if (named && cursor.gotoFirstChild()) {
        typeStack[depth] = id;
        depth++;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (depth === 0 || !cursor.gotoParent()) return { words, count };
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}
