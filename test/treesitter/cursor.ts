// A tree cursor without web-tree-sitter's per-call marshalling, for copyTree.
//
// Every TreeCursor method of web-tree-sitter writes the cursor's four words into the runtime's transfer buffer
// (setValue with a type string), calls the WASM export, and for moves reads the words back: most of the cost of
// walking a tree. The exports `ts_tree_cursor_*_wasm(tree)` read the cursor from that buffer and the moves write it
// back there, so once a cursor is in the buffer we can call the exports directly, as long as nothing else uses the
// buffer meanwhile (copyTree calls nothing else during the walk). This relies on web-tree-sitter internals
// (checked for 0.25.10); when the exports are not found the public TreeCursor is used instead, with the same result.
import { treeSitterRuntime, type Tree } from './treesitter.js';

export interface Cursor {
  typeId(): number;
  startIndex(): number;
  endIndex(): number;
  isMissing(): boolean;
  fieldId(): number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  delete(): void;
}

type Export = (tree: number) => number;
const NAMES = {
  typeId: '_ts_tree_cursor_current_node_type_id_wasm',
  startIndex: '_ts_tree_cursor_start_index_wasm',
  endIndex: '_ts_tree_cursor_end_index_wasm',
  isMissing: '_ts_tree_cursor_current_node_is_missing_wasm',
  fieldId: '_ts_tree_cursor_current_field_id_wasm',
  firstChild: '_ts_tree_cursor_goto_first_child_wasm',
  nextSibling: '_ts_tree_cursor_goto_next_sibling_wasm',
  parent: '_ts_tree_cursor_goto_parent_wasm',
} as const;

let useDirect = true;

/** Tests: force the public TreeCursor (false) or allow the direct calls (true, the default). */
export function setDirectCursor(enabled: boolean): void {
  useDirect = enabled;
}

interface Direct {
  f: Record<keyof typeof NAMES, Export>;
  /** Address of the transfer buffer (ts_init returns it). */
  buffer: number;
  heap: () => Int32Array | undefined;
}

let direct: Direct | null | undefined;

/** Whether copyTree walks with direct calls (false: the public TreeCursor; e.g. web-tree-sitter changed). */
export function isDirectCursorAvailable(): boolean {
  return directExports() !== undefined;
}

function directExports(): Direct | undefined {
  if (!useDirect) return undefined;
  if (direct !== undefined) return direct ?? undefined;
  const rt = treeSitterRuntime();
  if (!rt) return undefined;
  direct = null;
  const f: Partial<Record<keyof typeof NAMES, Export>> = {};
  for (const [k, name] of Object.entries(NAMES) as Array<[keyof typeof NAMES, string]>) {
    const fn = rt[name];
    if (typeof fn !== 'function') return undefined;
    f[k] = fn as Export;
  }
  const heap = (): Int32Array | undefined => (rt.HEAP32 instanceof Int32Array ? rt.HEAP32 : undefined);
  if (typeof rt._ts_init !== 'function' || !heap()) return undefined;
  // ts_init only stores the language versions in the buffer's first two words and returns its address.
  const buffer = (rt._ts_init as () => number)();
  direct = { f: f as Record<keyof typeof NAMES, Export>, buffer, heap };
  return direct;
}

/** A cursor at the root of `tree`; delete() it when done (before the tree). */
export function openCursor(tree: Tree): Cursor {
  const c = tree.walk();
  const handle = (tree as unknown as Record<number, unknown>)[0];
  const d = directExports();
  if (!d || typeof handle !== 'number') return publicCursor(c);
  const f = d.f;
  // Reading any property through the public API puts this cursor into the transfer buffer.
  void c.nodeTypeId;
  const words = c as unknown as Record<number, number>;
  return {
    typeId: () => f.typeId(handle) & 0xffff,
    startIndex: () => f.startIndex(handle) >>> 0,
    endIndex: () => f.endIndex(handle) >>> 0,
    isMissing: () => f.isMissing(handle) === 1,
    fieldId: () => f.fieldId(handle),
    gotoFirstChild: () => f.firstChild(handle) === 1,
    gotoNextSibling: () => f.nextSibling(handle) === 1,
    gotoParent: () => f.parent(handle) === 1,
    // The moves changed the cursor's words in the buffer (its stack may have been reallocated): copy them back into
    // the public object, which then frees the right memory.
    delete: () => {
      const heap = d.heap()!;
      for (let i = 0; i < 4; i++) words[i] = heap[(d.buffer >> 2) + i]!;
      c.delete();
    },
  };
}

function publicCursor(c: ReturnType<Tree['walk']>): Cursor {
  return {
    typeId: () => c.nodeTypeId,
    startIndex: () => c.startIndex,
    endIndex: () => c.endIndex,
    isMissing: () => c.nodeIsMissing,
    fieldId: () => c.currentFieldId,
    gotoFirstChild: () => c.gotoFirstChild(),
    gotoNextSibling: () => c.gotoNextSibling(),
    gotoParent: () => c.gotoParent(),
    delete: () => c.delete(),
  };
}
