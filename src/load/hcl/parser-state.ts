// What the parts of the HCL parser share: the scanner, the context (positions, diagnostics), the error budget and
// the abort that unwinds a broken item to the place that recovers from it (body-parser.ts).
import type { Expr } from '../ast.js';
import type { ParseContext } from './context.js';
import { Scanner } from './scanner.js';

/** Syntax errors reported per file; past it, one more diagnostic says how many were left out. */
export const MAX_SYNTAX_ERRORS = 10;

/** Thrown after a syntax error was reported; caught where the parser can resume (an attribute or block). */
export class Abort extends Error {
  constructor() {
    super('syntax error');
  }
}

export class ParserState {
  readonly sc: Scanner;
  private errors = 0;
  private left = 0;

  constructor(
    readonly cx: ParseContext,
    at = 0,
  ) {
    this.sc = new Scanner(cx, at);
  }

  /** Report a syntax error at [start, end) (within the budget). */
  error(start: number, end: number, message: string, hint?: string): void {
    this.errors++;
    if (this.errors > MAX_SYNTAX_ERRORS) {
      this.left++;
      return;
    }
    this.cx.error('syntax', start, end, message, hint);
  }

  /** Report, then unwind to the nearest item. */
  fail(start: number, end: number, message: string, hint?: string): never {
    this.error(start, end, message, hint);
    throw new Abort();
  }

  /** The diagnostic for the errors past the budget, once the file is read. */
  finish(): void {
    if (this.left === 0) return;
    this.cx.diagnostics.push({
      severity: 'error',
      code: 'syntax',
      file: this.cx.path,
      message: `${this.left} more syntax error${this.left === 1 ? '' : 's'} in this file were not reported (tfguard reports the first ${MAX_SYNTAX_ERRORS})`,
      hint: 'fix the errors above and scan again',
    });
  }

  invalid(start: number, end: number): Expr {
    return { kind: 'invalid', text: this.cx.src.slice(start, end), range: this.cx.range(start, end) };
  }

  /** How the current token is named in a message: its text in quotes, "the end of the file" or "a new line". */
  found(): string {
    const sc = this.sc;
    if (sc.k() === 'eof') return 'the end of the file';
    if (sc.k() === 'newline') return 'a new line';
    return quoteToken(sc.text());
  }

  /** "line L, column C" of an offset, for a message that points back at an opening bracket. */
  where(offset: number): string {
    const at = this.cx.pos(offset);
    return `line ${at.line}, column ${at.column}`;
  }

  /** Nothing but blanks stands before `offset` on its line, back to `from` (default: the start of the text). */
  startsLine(offset: number, from = 0): boolean {
    const s = this.cx.src;
    for (let i = offset - 1; i >= from; i--) {
      const c = s[i];
      if (c === '\n') return true;
      if (c !== ' ' && c !== '\t' && c !== '\r') return false;
    }
    return from === 0;
  }

  /** The first character after `offset` that is not whitespace, named for a message. */
  foundAfter(offset: number): { at: number; text: string } {
    const s = this.cx.src;
    let at = offset;
    while (at < s.length && /\s/.test(s[at]!)) at++;
    return { at, text: at >= s.length ? 'the end of the file' : JSON.stringify(s[at]) };
  }
}

/** A token's text for a message: its first line, at most 40 characters, in double quotes. */
export function quoteToken(text: string): string {
  const first = text.split('\n')[0]!;
  return JSON.stringify(first.length > 40 ? `${first.slice(0, 40)}…` : first);
}
