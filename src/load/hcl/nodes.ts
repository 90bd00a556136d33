// Small helpers over tree-sitter nodes.
import type { Node } from '../treesitter.js';

/** Children without comments (comments are collected separately). */
export function kids(n: Node): Node[] {
  const out: Node[] = [];
  for (const c of n.children) if (c && c.type !== 'comment') out.push(c);
  return out;
}

export function firstOfType(list: Node[], type: string): Node | undefined {
  return list.find((c) => c.type === type);
}
