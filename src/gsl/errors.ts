// Compile errors for GSL logic, rendered Rust/Elm style: the source name, line and column, the
// logic with a caret under the offending text, what was expected, and a hint when there is one.
import { LineIndex } from '../common/line-index.js';

export interface GslError {
  /** The check the logic came from (a file path or check id), as passed to compileRule. */
  source: string;
  /** 1-based line and column (UTF-16 code units) of the offending text, shifted by the origin. */
  line: number;
  column: number;
  /** Length of the offending text (at least 1). */
  length: number;
  message: string;
  hint?: string;
  /** The full rendering: header, source line, caret line, hint. */
  rendered: string;
}

/** Where the logic text starts in its file (both 1-based); defaults to 1:1. */
export interface Origin {
  line: number;
  column: number;
}

export class LogicText {
  readonly text: string;
  readonly source: string;
  readonly origin: Origin;
  private readonly lines: LineIndex;

  constructor(text: string, source: string, origin: Origin = { line: 1, column: 1 }) {
    this.text = text;
    this.source = source;
    this.origin = origin;
    this.lines = new LineIndex(text);
  }

  /** 0-based line index and 0-based column of an offset within the logic. */
  locate(offset: number): { line: number; column: number } {
    return this.lines.locate(offset);
  }

  lineText(line: number): string {
    return this.lines.lineText(line);
  }

  error(start: number, end: number, message: string, hint?: string): GslError {
    const at = this.locate(start);
    const lineText = this.lineText(at.line);
    const length = Math.max(1, Math.min(end, start + lineText.length - at.column) - start);
    const line = at.line + this.origin.line;
    const column = at.line === 0 ? at.column + this.origin.column : at.column + 1;
    const num = String(line);
    const pad = ' '.repeat(num.length);
    const shown = lineText.replace(/\t/g, ' ');
    const out = [
      `${this.source}:${line}:${column}: error: ${message}`,
      `${pad} |`,
      `${num} | ${shown}`,
      `${pad} | ${' '.repeat(at.column)}${'^'.repeat(length)}`,
    ];
    if (hint) out.push(`${pad} = help: ${hint}`);
    return { source: this.source, line, column, length, message, ...(hint ? { hint } : {}), rendered: out.join('\n') };
  }
}

/** Thrown by the lexer and parser for the first syntax error; caught by compileRule. */
export class GslSyntaxError extends Error {
  readonly error: GslError;
  constructor(error: GslError) {
    super(error.rendered);
    this.error = error;
  }
}
