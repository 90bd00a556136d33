// Conversion context: source text, offset → position mapping, diagnostics, recursion guard.
import type { Diagnostic, Pos, Range, DiagnosticCode } from '../../common/diagnostics.js';
import { FILE_START } from '../../common/diagnostics.js';
import { LineIndex } from '../../common/line-index.js';

/**
 * Recursion budget of the expression converter: deeper nesting becomes an `invalid` expression with a diagnostic
 * (guards the JS stack). One bracket or template level costs NEST_UNITS, one binary operator 3.
 */
export const MAX_DEPTH = 2000;

/**
 * Depth units of one bracket, parenthesis, call or template level: 250 levels, which leave half of Node's default
 * stack to whatever called the parser (measured: 500 levels of objects or calls overflowed a 600 KB stack).
 */
export const NEST_UNITS = 8;

/**
 * Recently made positions, by offset modulo the table's size, shared by all contexts (one table per context was
 * 48 KB allocated per file): a node's start is often its first child's start, and its end its last child's end, so
 * such ranges share one Pos object (never modified), which saves memory. A small table instead of a Map: a Map entry
 * per offset cost more than the positions themselves.
 */
const POS_CACHE = 4096;
const recentOffsets = new Int32Array(POS_CACHE).fill(-1);
const recentGenerations = new Int32Array(POS_CACHE);
const recentPos: Pos[] = new Array<Pos>(POS_CACHE);
let generations = 0;

function nextGeneration(): number {
  generations = (generations + 1) | 0;
  if (generations === 0) {
    // Wrapped around (after 2^32 contexts): forget everything, so no old entry can match.
    recentOffsets.fill(-1);
    generations = 1;
  }
  return generations;
}

export class ParseContext {
  readonly diagnostics: Diagnostic[] = [];
  private readonly lines: LineIndex;
  private depthReported = false;

  /**
   * @param path file name used in diagnostics
   * @param src the text parsed
   * @param base offset in `src` where the user's text begins (0 unless it was wrapped)
   * @param userText the user's text (for line/column counting)
   * @param at position of the user's text start
   * @param fixed when set, every range is this range (templates inside JSON strings)
   */
  constructor(
    readonly path: string,
    readonly src: string,
    private readonly base = 0,
    userText: string = src,
    private readonly at: Pos = FILE_START,
    private readonly fixed?: Range,
  ) {
    this.lines = new LineIndex(userText);
    this.userLength = userText.length;
  }

  private readonly userLength: number;

  /** This context's mark in the shared table of recent positions (entries of other contexts do not match it). */
  private readonly generation = nextGeneration();
  /** The line the last position fell on (0-based, in the user's text): positions come mostly in order. */
  private lastLine = 0;

  pos(srcOffset: number): Pos {
    const slot = srcOffset & (POS_CACHE - 1);
    if (recentOffsets[slot] === srcOffset && recentGenerations[slot] === this.generation) return recentPos[slot]!;
    const p = this.computePos(srcOffset);
    recentOffsets[slot] = srcOffset;
    recentGenerations[slot] = this.generation;
    recentPos[slot] = p;
    return p;
  }

  private computePos(srcOffset: number): Pos {
    const o = Math.min(Math.max(srcOffset - this.base, 0), this.userLength);
    const starts = this.lines.starts;
    let l = this.lastLine;
    // Near the last line: step; far from it: binary search.
    if (starts[l]! <= o && (l + 1 >= starts.length || starts[l + 1]! > o)) {
      // same line
    } else if (l + 2 < starts.length && starts[l + 1]! <= o && starts[l + 2]! > o) l++;
    else l = this.lines.line(o);
    this.lastLine = l;
    const line = l + 1;
    const column = o - starts[l]! + 1;
    return {
      line: line + this.at.line - 1,
      column: line === 1 ? column + this.at.column - 1 : column,
      offset: o + this.at.offset,
    };
  }

  range(start: number, end: number): Range {
    if (this.fixed) return this.fixed;
    return { start: this.pos(start), end: this.pos(end) };
  }

  /**
   * Report a problem at [start, end) of the parsed text. The message does not repeat the file and position
   * (they are in `file` and `range`; reporters format them, see src/report/diagnostics.ts).
   */
  error(code: DiagnosticCode, start: number, end: number, message: string, hint?: string): void {
    const range = this.range(start, end);
    const d: Diagnostic = {
      severity: 'error',
      code,
      message,
      file: this.path,
      range,
    };
    if (hint) d.hint = hint;
    this.diagnostics.push(d);
  }

  tooDeep(start: number, end: number): void {
    if (this.depthReported) return;
    this.depthReported = true;
    this.error(
      'syntax',
      start,
      end,
      `expression nested deeper than tfguard's parser reads (${MAX_DEPTH} units: about ${MAX_DEPTH / NEST_UNITS} brackets or ${MAX_DEPTH} chained conditionals); tfguard does not analyse it`,
      'simplify the expression; this limit keeps the scan within its stack and has no flag',
    );
  }
}
