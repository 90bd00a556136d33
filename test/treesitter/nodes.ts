// Small helpers over syntax nodes.
import type { CstNode } from './cst.js';

/** Children without comments (comments are collected separately). Do not modify the array. */
export function kids(n: CstNode): readonly CstNode[] {
  return n.kids;
}
