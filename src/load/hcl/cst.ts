// A plain JavaScript copy of a tree-sitter tree, made in one TreeCursor walk.
//
// Reading web-tree-sitter nodes (`node.children`, `node.type`, positions) crosses into WASM and allocates a Node
// object per call; converting a file that way cost as much as parsing it. Here every node is visited once with a
// cursor (type id, start and end offset; a zero-width node is also asked whether it is MISSING), and the
// converters work on these objects only. Text is read from the source string by offset; rows come from Ctx.
import type { Tree } from '../treesitter.js';
import { openCursor } from './cursor.js';

/** tree-sitter's ERROR symbol (its id is the largest 16-bit value, not an index of Language.types). */
const ERROR_ID = 0xffff;
/** Parents whose children's field names the converters ask for (object_elem: key, val). */
const FIELD_PARENTS = new Set(['object_elem']);
const NONE: readonly CstNode[] = Object.freeze([]);

const NAMED = 1;
const MISSING = 2;
const ERROR = 4;
/** flags >> FIELD_SHIFT is the node's field id in its parent (0: none). */
const FIELD_SHIFT = 3;
/** Field names by id, of the one grammar in use (set by copyTree). */
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

/** Copy `tree` (which the caller still owns and deletes). */
export function copyTree(tree: Tree): Cst {
  const language = tree.language;
  const names = language.types;
  fieldNames = language.fields;
  // Asked before the walk: the direct cursor needs the runtime's transfer buffer to itself during the walk.
  const named: boolean[] = [];
  for (let id = 0; id < names.length; id++) named[id] = language.nodeTypeIsNamed(id);
  const isNamed = (id: number): boolean => id === ERROR_ID || named[id] === true;
  const comments: CstNode[] = [];
  // Children of the nodes on the current path wait in `pending` (from index open[i] for the i-th open node) and
  // get an array of their exact size when their parent is finished: arrays grown by push keep spare capacity
  // (a one-child array would cost 16 slots).
  const pending: CstNode[] = [];
  const open: number[] = [0];
  const close = (n: CstNode): void => {
    const from = open.pop()!;
    if (pending.length > from) n.children = pending.slice(from);
    pending.length = from;
    finish(n);
  };
  const cursor = openCursor(tree);
  try {
    const make = (parent: CstNode | null): CstNode => {
      const id = cursor.typeId();
      const start = cursor.startIndex();
      const end = cursor.endIndex();
      const type = id === ERROR_ID ? 'ERROR' : names[id] ?? 'ERROR';
      const missing = start === end && cursor.isMissing();
      const field = parent && FIELD_PARENTS.has(parent.type) ? cursor.fieldId() : 0;
      const error = missing || type === 'ERROR';
      const flags = (isNamed(id) ? NAMED : 0) | (missing ? MISSING : 0) | (error ? ERROR : 0) | (field << FIELD_SHIFT);
      const n = new CstNode(type, flags, start, end, parent);
      if (parent) pending.push(n);
      if (error) for (let p = parent; p && !p.hasError; p = p.parent) p.markError();
      if (type === 'comment') comments.push(n);
      return n;
    };
    const root = make(null);
    let parent = root;
    if (cursor.gotoFirstChild()) {
      walk: for (;;) {
        const n = make(parent);
        // Anonymous nodes are tokens (the HCL grammar has no aliases), so only named nodes can have children.
        if (n.isNamed && cursor.gotoFirstChild()) {
          parent = n;
          open.push(pending.length);
          continue;
        }
        while (!cursor.gotoNextSibling()) {
          cursor.gotoParent();
          close(parent);
          if (parent === root) break walk;
          parent = parent.parent!;
        }
      }
    }
    return { root, comments };
  } finally {
    cursor.delete();
  }
}

function finish(n: CstNode): void {
  const all = n.children;
  let hasComment = false;
  for (const c of all) if (c.type === 'comment') hasComment = true;
  n.kids = hasComment ? all.filter((c) => c.type !== 'comment') : all;
}
