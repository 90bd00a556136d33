// A plain JavaScript copy of a tree-sitter tree, built from its flat encoding (flat.ts).
//
// Reading web-tree-sitter nodes (`node.children`, `node.type`, positions) crosses into WASM and allocates a Node
// object per call; converting a file that way cost as much as parsing it. Here every node is visited once with a
// cursor into an Int32Array (flat.ts; in this thread, or in a parse worker that sends the array over), and the
// converters work on the objects decoded from it only. Text is read from the source string by offset; rows come
// from ParseContext.
import type { Language, Tree } from './treesitter.js';
import { encodeTree, type FlatTree, MISSING_BIT, WORDS } from './flat.js';

/** tree-sitter's ERROR symbol (its id is the largest 16-bit value, not an index of Language.types). */
const ERROR_ID = 0xffff;
const NONE: readonly CstNode[] = Object.freeze([]);

const NAMED = 1;
const MISSING = 2;
const ERROR = 4;
/** flags >> FIELD_SHIFT is the node's field id in its parent (0: none). */
const FIELD_SHIFT = 3;
/** Field names by id, of the one grammar in use (set by decodeTree). */
let fieldNames: readonly (string | null)[] = [];

// Node has no pointer compression: every property costs 8 bytes, so the booleans and the field id share `flags`.
export class CstNode {
  /** All children, in source order, named or not (comments included). */
  children: readonly CstNode[] = NONE;
  /** Children without comments (comments are collected separately); the same array when there are none. */
  kids: readonly CstNode[] = NONE;

  constructor(
    readonly type: string,
    private flags: number,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly parent: CstNode | null,
  ) {}

  get isNamed(): boolean {
    return (this.flags & NAMED) !== 0;
  }

  get isMissing(): boolean {
    return (this.flags & MISSING) !== 0;
  }

  /** This node is ERROR or MISSING, or has such a descendant (tree-sitter's hasError). */
  get hasError(): boolean {
    return (this.flags & ERROR) !== 0;
  }

  /** @internal */
  markError(): void {
    this.flags |= ERROR;
  }

  get childCount(): number {
    return this.children.length;
  }

  get firstChild(): CstNode | null {
    return this.children[0] ?? null;
  }

  get lastChild(): CstNode | null {
    return this.children[this.children.length - 1] ?? null;
  }

  get lastNamedChild(): CstNode | null {
    for (let i = this.children.length - 1; i >= 0; i--) if (this.children[i]!.isNamed) return this.children[i]!;
    return null;
  }

  /** Only for children of FIELD_PARENTS nodes. */
  childForFieldName(name: string): CstNode | null {
    return this.children.find((c) => fieldNames[c.flags >> FIELD_SHIFT] === name) ?? null;
  }
}

export interface Cst {
  root: CstNode;
  /** Every comment node, in source order. */
  comments: CstNode[];
}

/** What decoding needs of the grammar: node type names, which are named, field names (all by id). */
export interface GrammarInfo {
  names: readonly string[];
  named: readonly boolean[];
  fields: readonly (string | null)[];
}

let grammarCache: { language: unknown; info: GrammarInfo } | undefined;

/** The grammar tables of `tree`'s language (read once per language). */
export function grammarOf(tree: Tree): GrammarInfo {
  return grammarOfLanguage(tree.language);
}

export function grammarOfLanguage(language: Language): GrammarInfo {
  if (grammarCache?.language === language) return grammarCache.info;
  const names = language.types;
  const named: boolean[] = [];
  for (let id = 0; id < names.length; id++) named[id] = language.nodeTypeIsNamed(id);
  const info = { names, named, fields: language.fields };
  grammarCache = { language, info };
  return info;
}

/** Copy `tree` (which the caller still owns and deletes). */
export function copyTree(tree: Tree): Cst {
  const grammar = grammarOf(tree);
  return decodeTree(encodeTree(tree, grammar), grammar);
}

/**
 * Build the CstNode tree from a FlatTree (made here by copyTree, or by a parse worker and transferred).
 * `grammar` must be the grammar the flat tree was made with.
 */
export function decodeTree(flat: FlatTree, grammar: GrammarInfo): Cst {
  const { names, named } = grammar;
  fieldNames = grammar.fields;
  const words = flat.words;
  const count = flat.count;
  const comments: CstNode[] = [];
  // Children of the nodes on the current path wait in `pending` (from index open[i] for the i-th open node) and
  // get an array of their exact size when their parent is finished: arrays grown by push keep spare capacity
  // (a one-child array would cost 16 slots).
  const pending: CstNode[] = [];
  const open: number[] = [];
  const path: CstNode[] = [];
  const close = (n: CstNode): void => {
    const from = open.pop()!;
    if (pending.length > from) n.children = pending.slice(from);
    pending.length = from;
    finish(n);
  };
  let root: CstNode | undefined;
  for (let i = 0; i < count; i++) {
    const w = i * WORDS;
    const head = words[w]!;
    const depth = words[w + 3]!;
    while (path.length > depth) close(path.pop()!);
    const id = head & 0xffff;
    const field = (head >>> 16) & 0xff;
    const missing = (head & MISSING_BIT) !== 0;
    const type = id === ERROR_ID ? 'ERROR' : (names[id] ?? 'ERROR');
    const error = missing || type === 'ERROR';
    const isNamed = id === ERROR_ID || named[id] === true;
    const flags = (isNamed ? NAMED : 0) | (missing ? MISSING : 0) | (error ? ERROR : 0) | (field << FIELD_SHIFT);
    const parent = path.length > 0 ? path[path.length - 1]! : null;
    const n = new CstNode(type, flags, words[w + 1]!, words[w + 2]!, parent);
    if (parent) pending.push(n);
    else root = n;
    if (error) for (let p = parent; p && !p.hasError; p = p.parent) p.markError();
    if (type === 'comment') comments.push(n);
    // Only a node followed by a deeper one has children.
    if (i + 1 < count && words[w + WORDS + 3]! > depth) {
      path.push(n);
      open.push(pending.length);
    }
  }
  while (path.length > 0) close(path.pop()!);
  if (!root) throw new Error('empty flat tree');
  return { root, comments };
}

function finish(n: CstNode): void {
  const all = n.children;
  let hasComment = false;
  for (const c of all) if (c.type === 'comment') hasComment = true;
  n.kids = hasComment ? all.filter((c) => c.type !== 'comment') : all;
}
