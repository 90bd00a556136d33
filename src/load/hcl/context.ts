// Conversion context: source text, offset → position mapping, diagnostics, recursion guard.
import type { Diagnostic, Pos, Range, DiagnosticCode } from '../../common/diagnostics.js';
import { FILE_START } from '../../common/diagnostics.js';
import { LineIndex } from '../../common/line-index.js';

/**
 * Recursion budget of the expression converter: deeper nesting becomes an `invalid` expression with a diagnostic
 * (guards the JS stack). One bracket level costs about 4 units, one binary operator about 3.
 */
export const MAX_DEPTH = 2000;

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

  /** One Pos object per offset: ranges share them (positions are never modified), which saves memory. */
  private readonly posCache = new Map<number, Pos>();

  pos(srcOffset: number): Pos {
    let p = this.posCache.get(srcOffset);
    if (!p) {
      p = this.computePos(srcOffset);
      this.posCache.set(srcOffset, p);
    }
    return p;
  }

  private computePos(srcOffset: number): Pos {
    const o = Math.min(Math.max(srcOffset - this.base, 0), this.userLength);
    const at = this.lines.locate(o);
    const line = at.line + 1;
    const column = at.column + 1;
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
      `expression nested deeper than tfguard's parser reads (${MAX_DEPTH} units: about ${MAX_DEPTH / 4} brackets or ${MAX_DEPTH} chained conditionals); tfguard does not analyse it`,
      'simplify the expression; this limit keeps the scan within its stack and has no flag',
    );
  }
}
