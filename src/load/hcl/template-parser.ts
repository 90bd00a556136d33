// Quoted strings and heredocs, read from the text: literal text, `${ … }` interpolations and `%{ if }` / `%{ for }`
// directives (with `~` strip markers), nested into TemplateParts. A string without sequences is a literal.
import type { Expr, TemplatePart } from '../ast.js';
import { parseExpr } from './expr-parser.js';
import type { ParserState } from './parser-state.js';
import { isIdContinue, isIdStart } from './scanner.js';
import { decodeHeredoc, decodeQuoted } from './strings.js';
import { applyStrip, dropEmpty, flushIndent, type Seq, type TextPart } from './template-text.js';
import { BACKSLASH, DOLLAR, LF, PERCENT, QUOTE } from './char-codes.js';

type Frame =
  | { kind: 'if'; part: Extract<TemplatePart, { kind: 'if' }>; inElse: boolean; at: number }
  | { kind: 'for'; part: Extract<TemplatePart, { kind: 'for' }>; at: number };

class TemplateBuilder {
  readonly seq: Seq = [];
  readonly root: TemplatePart[] = [];
  readonly frames: Frame[] = [];
  /** A directive did not fit (an `endif` without `if`): reported, and the template is invalid. */
  broken = false;

  constructor(
    private readonly p: ParserState,
    private readonly decode: (raw: string) => string,
    /** Where the text not yet taken into a part begins. */
    public textStart: number,
  ) {}

  /** Read the template's text at `i`: an escape, a sequence (the text before it becomes a part), or a character. */
  step(i: number, depth: number): number {
    const seq = sequenceAt(this.p.cx.src, i);
    if (seq === 'escape') return i + 3;
    if (seq !== 'open') return i + 1;
    this.text(this.textStart, i);
    this.textStart = this.sequence(i, depth);
    return this.textStart;
  }

  private get out(): TemplatePart[] {
    const f = this.frames[this.frames.length - 1];
    if (!f) return this.root;
    if (f.kind === 'for') return f.part.body;
    return f.inElse ? f.part.else! : f.part.then;
  }

  text(from: number, to: number): void {
    const t: TextPart = { kind: 'text', value: to > from ? this.decode(this.p.cx.src.slice(from, to)) : '' };
    this.out.push(t);
    this.seq.push(t);
  }

  /** The sequence at `at` (`${` or `%{`); returns the offset after its closing `}`. */
  sequence(at: number, depth: number): number {
    const p = this.p;
    const sc = p.sc;
    const s = p.cx.src;
    const interp = s[at] === '$';
    let j = at + 2;
    const stripLeft = s[j] === '~';
    if (stripLeft) j++;
    sc.newlinesOff();
    sc.resumeAt(j);
    let expr: Expr | undefined;
    if (interp) {
      if (sc.k() === '}') {
        p.error(
          at,
          sc.end,
          'empty interpolation "${}": expected an expression inside',
          'put an expression inside ${ }, or write $${ for a literal ${',
        );
        expr = p.invalid(at, sc.end);
      } else expr = parseExpr(p, depth);
    } else this.directive(at, depth);
    const stripRight = sc.k() === '~';
    if (stripRight) sc.next();
    if (sc.k() !== '}') {
      p.fail(
        at,
        at + 2,
        `unclosed template sequence "${s.slice(at, at + 2)}": expected '}', found ${p.found()}`,
        'close the interpolation with }',
      );
    }
    sc.newlinesPop();
    const end = sc.end;
    this.seq.push({ stripLeft, stripRight });
    if (expr) this.out.push({ kind: 'interp', expr, stripLeft, stripRight });
    return end;
  }

  /** `if cond`, `else`, `endif`, `for k, v in coll` or `endfor` after `%{`. */
  private directive(at: number, depth: number): void {
    const p = this.p;
    const sc = p.sc;
    const word = sc.k() === 'ident' ? sc.text() : '';
    const top = this.frames[this.frames.length - 1];
    switch (word) {
      case 'if': {
        sc.next();
        const part: Extract<TemplatePart, { kind: 'if' }> = { kind: 'if', cond: parseExpr(p, depth), then: [] };
        this.out.push(part);
        this.frames.push({ kind: 'if', part, inElse: false, at });
        return;
      }
      case 'for': {
        sc.next();
        const ids: string[] = [];
        while (sc.k() === 'ident' && sc.text() !== 'in') {
          ids.push(sc.text());
          sc.next();
          if (sc.k() === ',') sc.next();
        }
        if (ids.length === 0 || ids.length > 2 || sc.k() !== 'ident') {
          p.fail(sc.start, sc.end, `expected "for name in collection" or "for key, value in collection" after '%{', found ${p.found()}`);
        }
        sc.next();
        const collection = parseExpr(p, depth);
        const part: Extract<TemplatePart, { kind: 'for' }> = { kind: 'for', valueVar: ids[ids.length - 1]!, collection, body: [] };
        if (ids.length > 1) part.keyVar = ids[0]!;
        this.out.push(part);
        this.frames.push({ kind: 'for', part, at });
        return;
      }
      case 'else':
        sc.next();
        if (top?.kind !== 'if' || top.inElse) this.misplaced(at, '%{ else }', 'an %{ if }');
        else {
          top.part.else = [];
          top.inElse = true;
        }
        return;
      case 'endif':
      case 'endfor':
        sc.next();
        if (top?.kind !== (word === 'endif' ? 'if' : 'for'))
          this.misplaced(at, `%{ ${word} }`, word === 'endif' ? 'an %{ if }' : 'a %{ for }');
        else this.frames.pop();
        return;
      default:
        p.fail(sc.start, sc.end, `expected if, else, endif, for or endfor after '%{', found ${p.found()}`, 'write %% { for a literal %{');
    }
  }

  private misplaced(at: number, what: string, opener: string): void {
    this.p.error(at, at + 2, `${what} without ${opener} before it in this template`);
    this.broken = true;
  }

  /** The expression of the template [start, end) once its text is read. */
  finish(start: number, end: number, heredoc: boolean, flush: boolean): Expr {
    const p = this.p;
    const open = this.frames[this.frames.length - 1];
    if (open) {
      const what = open.kind === 'if' ? 'endif' : 'endfor';
      p.error(
        open.at,
        open.at + 2,
        `missing %{ ${what} } for the %{ ${open.kind} } at ${p.where(open.at)}`,
        `close it with %{ ${what} } before the end of the string`,
      );
      return p.invalid(start, end);
    }
    if (this.broken) return p.invalid(start, end);
    applyStrip(this.seq);
    if (flush) flushIndent(this.seq);
    const range = p.cx.range(start, end);
    if (this.root.every((x) => x.kind === 'text')) {
      return { kind: 'literal', value: this.root.map((x) => (x as TextPart).value).join(''), range };
    }
    return { kind: 'template', parts: dropEmpty(this.root), heredoc, range };
  }
}

const SIMPLE_ESCAPES = 'nrt"\\';

/** At `i` of a template's text: `${` or `%{` opens a sequence, `$${` or `%%{` is the escape of one, else text. */
function sequenceAt(s: string, i: number): 'open' | 'escape' | undefined {
  const c = s[i];
  if (c !== '$' && c !== '%') return undefined;
  if (s[i + 1] === '{') return 'open';
  return s[i + 1] === c && s[i + 2] === '{' ? 'escape' : undefined;
}

/** A quoted string at the current token (`"`); the scanner is left on the token after it. */
export function parseQuoted(p: ParserState, depth: number): Expr {
  const sc = p.sc;
  const s = p.cx.src;
  const n = s.length;
  const start = sc.start;
  // Most strings hold no escape and no sequence: a literal as written, without a template's parts.
  let plain = start + 1;
  for (; plain < n; plain++) {
    const c = s.charCodeAt(plain);
    if (c === QUOTE || c === BACKSLASH || c === DOLLAR || c === PERCENT || c === LF) break;
  }
  if (s.charCodeAt(plain) === QUOTE) {
    sc.resumeAt(plain + 1);
    return { kind: 'literal', value: s.slice(start + 1, plain), range: p.cx.range(start, plain + 1) };
  }
  let i = start + 1;
  const b = new TemplateBuilder(p, decodeQuoted, i);
  for (;;) {
    if (i >= n || s[i] === '\n') {
      p.error(
        start,
        start + 1,
        "unterminated string: this '\"' has no closing '\"' on the same line",
        "close the string with '\"'; for text over several lines use a heredoc (<<EOT … EOT)",
      );
      sc.resumeAt(i);
      return p.invalid(start, i);
    }
    const c = s[i]!;
    if (c === '"') break;
    if (c === '\\') {
      i += escape(p, i);
      continue;
    }
    i = b.step(i, depth);
  }
  b.text(b.textStart, i);
  const end = i + 1;
  sc.resumeAt(end);
  return b.finish(start, end, false, false);
}

/** Length of the escape at `i` (a backslash); an unknown one is reported. */
function escape(p: ParserState, i: number): number {
  const s = p.cx.src;
  const e = s[i + 1] ?? '';
  if (SIMPLE_ESCAPES.includes(e) && e !== '') return 2;
  const width = e === 'u' ? 4 : e === 'U' ? 8 : 0;
  if (width && /^[0-9a-fA-F]+$/.test(s.slice(i + 2, i + 2 + width)) && s.slice(i + 2, i + 2 + width).length === width) return 2 + width;
  const shown = e === '\n' || e === '' ? '\\' : `\\${e}`;
  p.error(
    i,
    Math.min(i + 2, s.length),
    `invalid escape sequence "${shown}" in a string`,
    'the escapes are \\n \\r \\t \\" \\\\ \\uNNNN and \\UNNNNNNNN; write \\\\ for a backslash',
  );
  return e === '\n' || e === '' ? 1 : 2;
}

/** A heredoc at the current token (`<<`); the scanner is left on the token after it. */
export function parseHeredoc(p: ParserState, depth: number): Expr {
  const sc = p.sc;
  const s = p.cx.src;
  const n = s.length;
  const start = sc.start;
  let j = start + 2;
  const flush = s[j] === '-';
  if (flush) j++;
  const markerStart = j;
  if (j < n && isIdStart(s.charCodeAt(j))) {
    j++;
    while (j < n && isIdContinue(s.charCodeAt(j))) j++;
  }
  const marker = s.slice(markerStart, j);
  if (!marker)
    p.fail(
      start,
      j,
      `expected a heredoc marker after '${s.slice(start, j)}', such as <<EOT`,
      'write <<EOT, the text on the following lines, then EOT on a line of its own',
    );
  while (s[j] === ' ' || s[j] === '\t' || s[j] === '\r') j++;
  let broken = false;
  if (j < n && s[j] !== '\n') {
    // Reported, and the rest of the line passed over: the heredoc's text and marker are still read, so its lines are
    // not taken for attributes.
    p.error(
      j,
      j + 1,
      `expected a new line after the heredoc marker ${marker}, found ${JSON.stringify(s[j])}`,
      `the text of a heredoc starts on the line after <<${marker}; move what follows the marker elsewhere`,
    );
    broken = true;
    while (j < n && s[j] !== '\n') j++;
  }
  let i = j + 1;
  const b = new TemplateBuilder(p, decodeHeredoc, i);
  let lineStart = i;
  for (;;) {
    if (i === lineStart) {
      const close = closingMarker(s, i, marker);
      if (close !== -1) {
        b.text(b.textStart, i);
        sc.resumeAt(close);
        return broken ? p.invalid(start, close) : b.finish(start, close, true, flush);
      }
    }
    if (i >= n) {
      p.error(
        start,
        start + 2,
        `unclosed heredoc: no line containing only "${marker}" closes the heredoc started here`,
        `end the heredoc with a line holding just ${marker}`,
      );
      sc.resumeAt(n);
      return p.invalid(start, n);
    }
    const c = s[i]!;
    if (c === '\n') {
      i++;
      lineStart = i;
      continue;
    }
    i = b.step(i, depth);
  }
}

/** The end of the marker when the line at `i` holds only `marker` (and blanks), else -1. */
export function closingMarker(s: string, i: number, marker: string): number {
  let k = i;
  while (s[k] === ' ' || s[k] === '\t') k++;
  if (!s.startsWith(marker, k)) return -1;
  const end = k + marker.length;
  let e = end;
  while (s[e] === ' ' || s[e] === '\t' || s[e] === '\r') e++;
  // As HashiCorp's scanner: the marker's line must end with a line break (at the end of the file it does not close).
  return s[e] === '\n' ? end : -1;
}
