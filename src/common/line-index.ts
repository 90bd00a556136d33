// Lines of a text: where each starts, so an offset becomes a line and column by binary search (HCL positions,
// plan addresses, GSL logic in check files).

export class LineIndex {
  /** Offsets where each line starts; only '\n' ends a line. */
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  /** The 0-based line holding an offset. */
  line(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 0-based line and column of an offset. */
  locate(offset: number): { line: number; column: number } {
    const line = this.line(offset);
    return { line, column: offset - this.starts[line]! };
  }

  /** The text of a 0-based line, without its line ending. */
  lineText(line: number): string {
    const start = this.starts[line]!;
    const next = this.starts[line + 1];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1).replace(/\r$/, '');
  }
}
