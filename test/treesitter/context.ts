// The tree-sitter front end's conversion context: the parser's ParseContext (positions, diagnostics) with what the
// conversion of tree-sitter nodes needs on top (node ranges and texts, rows, the spans hidden from the grammar).
import type { Range } from '../../src/common/diagnostics.js';
import { LineIndex } from '../../src/common/line-index.js';
import { ParseContext as Base } from '../../src/load/hcl/context.js';
import type { CstNode } from './cst.js';

export { MAX_DEPTH } from '../../src/load/hcl/context.js';

export class ParseContext extends Base {
  /** tree-sitter ERROR/MISSING nodes from here on are consequences of an error already reported. */
  suppressSyntaxAfter = Infinity;
  /** Offsets where a template too deep for the grammar was hidden from it (template-depth.ts); reported already. */
  readonly hidden = new Set<number>();
  private srcLines: LineIndex | undefined;

  /** 0-based line of an offset in the parsed text (tree-sitter's row: only '\n' ends a line). */
  row(srcOffset: number): number {
    this.srcLines ??= new LineIndex(this.src);
    return this.srcLines.line(srcOffset);
  }

  nodeRange(n: CstNode): Range {
    return this.range(n.startIndex, n.endIndex);
  }

  text(n: CstNode): string {
    return this.src.slice(n.startIndex, n.endIndex);
  }

  tooDeepAt(n: CstNode): void {
    this.tooDeep(n.startIndex, n.endIndex);
  }
}
