// The literal `source` of each top-level module block of a native-syntax file (.tf, .tofu), read with the scanner
// alone, without a syntax tree: the evaluator needs them before anything else, to tell root modules from called ones
// (src/evaluate/called.ts), and parses a file in full only when it evaluates it.
//
// Every other item is stepped over by counting brackets on tokens. Quoted strings, heredocs and the `${ }` / `%{ }`
// sequences inside them are read as template-parser.ts reads them (comments are the scanner's), so `module "x" {`
// inside one is no block. The body grammar is body-parser.ts's: an item is `name = value` up to the end of its line,
// or `type labels {` … `}`; a block whose body starts on its `{` line holds one attribute. Whatever the parser could
// read differently (a syntax error it would recover from, an unexpected token, a source that is not one plain
// string, a second source) gives undefined: the caller then parses the file in full. On a file without syntax errors
// the answer is the parser's; the caller also compares it with the full parse when the file is parsed later.
import { type Kind, Scanner, isIdContinue, isIdStart } from './scanner.js';
import { decodeQuoted } from './strings.js';
import { closingMarker } from './template-parser.js';
import { FILE_START, type Range } from '../../common/diagnostics.js';
import { BACKSLASH, DOLLAR, LBRACE, LF, PERCENT, QUOTE, TILDE } from './char-codes.js';

/**
 * The literal sources of the top-level module blocks of `text`, in order (a module block whose source is missing
 * adds nothing), as parseHcl's tree holds them; undefined when this reader cannot be sure.
 */
export function moduleSources(text: string): string[] | undefined {
  try {
    return new Reader(text).file();
  } catch {
    // Undecided, or a fault of this reader: either way the full parse decides.
    return undefined;
  }
}

class Undecided extends Error {}
const UNDECIDED = new Undecided('undecided');
function undecided(): never {
  throw UNDECIDED;
}

/** Block bodies nested deeper give up (the parser steps over bodies past 100 levels without reading them). */
const MAX_BLOCKS = 50;
/** Brackets and template levels nested deeper give up (the parser's depth budget is 250 levels). */
const MAX_NEST = 100;

const NO_RANGE: Range = { start: FILE_START, end: FILE_START };
const CLOSES: Partial<Record<Kind, Kind>> = { ')': '(', ']': '[', '}': '{' };
const DIRECTIVES = new Set(['if', 'else', 'endif', 'for', 'endfor']);
/** Brackets inside an expression; a `{` holding a for expression reads like `[` (its newlines are not separators). */
type Open = '(' | '[' | '{' | 'for{';

/** The module block being read: its source once found. */
interface ModuleCall {
  source?: string;
  seen: boolean;
}

class Reader {
  private readonly sc: Scanner;
  private readonly s: string;
  private readonly out: string[] = [];

  constructor(text: string) {
    this.s = text;
    this.sc = new Scanner({ src: text, range: () => NO_RANGE }, 0, false);
  }

  /** The items of the file; block bodies are counted, not recursed into. */
  file(): string[] {
    const sc = this.sc;
    let depth = 0;
    let call: ModuleCall | undefined;
    sc.next();
    for (;;) {
      let k = sc.k();
      while (k === 'newline') k = sc.next();
      if (k === 'eof') {
        if (depth > 0) undecided();
        return this.out;
      }
      if (k === '}') {
        if (depth === 0) undecided();
        depth--;
        if (depth === 0 && call) {
          if (call.source !== undefined) this.out.push(call.source);
          call = undefined;
        }
        this.afterBlock();
        continue;
      }
      if (k !== 'ident') undecided();
      const name = sc.text();
      if (sc.next() === '=') {
        sc.next();
        if (depth === 1 && call && name === 'source') this.source(call, false);
        else this.expr(false);
        continue;
      }
      this.labels();
      if (depth + 1 > MAX_BLOCKS) undecided();
      const isCall = depth === 0 && name === 'module';
      const after = sc.next();
      if (after === 'newline') {
        depth++;
        if (isCall) call = { seen: false };
        continue;
      }
      // `{}` or a block on one line: a single attribute, then `}`.
      const one: ModuleCall | undefined = isCall ? { seen: false } : undefined;
      if (after !== '}') {
        if (after !== 'ident') undecided();
        const attr = sc.text();
        if (sc.next() !== '=') undecided();
        sc.next();
        if (one && attr === 'source') this.source(one, true);
        else this.expr(true);
        if (sc.k() !== '}') undecided();
      }
      if (one?.source !== undefined) this.out.push(one.source);
      this.afterBlock();
    }
  }

  /** On a block's `}`: the block ends its line. */
  private afterBlock(): void {
    const k = this.sc.next();
    if (k !== 'newline' && k !== 'eof') undecided();
  }

  /** After a block type: its labels (names or plain strings), up to its `{`. */
  private labels(): void {
    const sc = this.sc;
    for (;;) {
      const k = sc.k();
      if (k === '{') return;
      if (k === 'ident') sc.next();
      else if (k === 'quote') {
        const r = this.quoted(sc.start, 0);
        if (r.sequences) undecided();
        sc.resumeAt(r.end);
      } else undecided();
    }
  }

  /** A module block's `source = "…"`: one plain string, then the end of the line (or the `}` of a one-line block). */
  private source(call: ModuleCall, oneLine: boolean): void {
    const sc = this.sc;
    if (call.seen || sc.k() !== 'quote') undecided();
    call.seen = true;
    const start = sc.start;
    const r = this.quoted(start, 0);
    if (r.sequences) undecided();
    sc.resumeAt(r.end);
    const k = sc.k();
    if (!(oneLine ? k === '}' : k === 'newline' || k === 'eof')) undecided();
    call.source = decodeQuoted(this.s.slice(start + 1, r.end - 1));
  }

  /**
   * An attribute's value: tokens up to the end of its line outside brackets (or, on a one-line block, its `}`),
   * the scanner left there. Brackets must pair; lines inside brackets must not start the way a parser's recovery
   * would take for a new item.
   */
  private expr(oneLine: boolean): void {
    const sc = this.sc;
    const stack: Open[] = [];
    let k = sc.k();
    if (!startsValue(k) && k !== '(' && k !== '[' && k !== '-') undecided();
    let prev: Kind = '=';
    /** Where the previous token was (for its word, when it is a name). */
    let prevAt = 0;
    let prevEnd = 0;
    let lineStart = false;
    const questions = new Questions();
    for (;;) {
      if (k === 'newline') {
        if (stack.length === 0) return questions.end(0);
        lineStart = true;
        k = sc.next();
        continue;
      }
      if (k === 'eof') {
        if (stack.length) undecided();
        return questions.end(0);
      }
      // In an object, a new line separates items: the values on either side of it are not two in a row.
      const separated = lineStart && stack[stack.length - 1] === '{';
      if (lineStart) {
        this.lineStart(stack[stack.length - 1]!, k);
        lineStart = false;
      }
      if (badPair(prev, k) || (!separated && this.twoValues(prev, prevAt, prevEnd, k, stack.length > 0))) undecided();
      if (stack.length === 0 && OUTSIDE_BRACKETS.has(k)) undecided();
      questions.see(k, stack.length);
      switch (k) {
        case '(':
        case '[':
          stack.push(k);
          if (stack.length > MAX_NEST) undecided();
          questions.end(stack.length);
          break;
        case '{':
          stack.push(this.forFollows() ? 'for{' : '{');
          if (stack.length > MAX_NEST) undecided();
          questions.end(stack.length);
          break;
        case ')':
        case ']':
        case '}': {
          questions.end(stack.length);
          if (stack.length === 0) {
            if (k === '}' && oneLine) return;
            undecided();
          }
          const open = stack.pop()!;
          if ((open === 'for{' ? '{' : open) !== CLOSES[k]) undecided();
          break;
        }
        case 'quote':
        case 'heredoc':
          sc.resumeAt(k === 'quote' ? this.quoted(sc.start, 1).end : this.heredoc(sc.start, 1));
          prev = k;
          k = sc.k();
          continue;
        case 'invalid':
        case 'badnumber':
        case '~':
          return undecided();
        default:
          break;
      }
      prev = k;
      prevAt = sc.start;
      prevEnd = sc.end;
      k = sc.next();
    }
  }

  /**
   * Two values with nothing between them (`1 source`, `"a" "b"`, `(a)(b)`): an error the parser reports and recovers
   * from in its own way. The words of for expressions (`for k, v in m : v if v`) stand between values where
   * `forWords` (inside brackets, or in a `%{ }` directive).
   */
  private twoValues(prev: Kind, prevAt: number, prevEnd: number, k: Kind, forWords: boolean): boolean {
    if (!endsValue(prev) || !(startsValue(k) || (k === '(' && prev !== 'ident'))) return false;
    if (!forWords) return true;
    if (prev === 'ident' && FOR_WORDS.has(this.s.slice(prevAt, prevEnd))) return false;
    return !(k === 'ident' && FOR_WORDS.has(this.sc.text()));
  }

  /** After `{` in an expression: `for name` begins a for expression. */
  private forFollows(): boolean {
    const sc = this.sc;
    const saved = sc.save();
    let k = sc.next();
    while (k === 'newline') k = sc.next();
    const isFor = k === 'ident' && sc.text() === 'for' && nextSignificant(sc) === 'ident';
    sc.load(saved);
    return isFor;
  }

  /**
   * The first token of a line inside the brackets of an expression (`open` the innermost). A parser that met an
   * error in the lines above would take some lines for new items (body-parser.ts recover, expr-parser.ts
   * closesItem); those shapes, never valid inside an expression, give up, as do tokens that cannot follow the line
   * before.
   */
  private lineStart(open: Open, k: Kind): void {
    const sc = this.sc;
    if (k === 'ident') {
      const word = sc.text();
      const next = nextSignificant(sc);
      if (next === 'quote' || next === '{') undecided();
      if (next === 'ident' && !FOR_WORDS.has(word) && !FOR_WORDS.has(nextText(sc))) undecided();
      if (next === '=' && (open !== '{' || this.s.charCodeAt(sc.start - 1) === LF)) undecided();
    }
    if (open === '{') {
      // An object's items: a key (or the closing brace) begins each line.
      if (k !== 'ident' && k !== 'quote' && k !== 'number' && k !== '(' && k !== '}' && k !== 'heredoc' && k !== '-') undecided();
      return;
    }
  }

  /** The quoted string whose `"` is at `start` (template-parser.ts parseQuoted): where it ends, and whether it holds sequences. */
  private quoted(start: number, nest: number): { end: number; sequences: boolean } {
    const s = this.s;
    const n = s.length;
    let sequences = false;
    let i = start + 1;
    for (;;) {
      if (i >= n) undecided();
      const c = s.charCodeAt(i);
      if (c === LF) undecided();
      if (c === QUOTE) return { end: i + 1, sequences };
      if (c === BACKSLASH) {
        i += escapeLength(s, i);
        continue;
      }
      if ((c === DOLLAR || c === PERCENT) && s.charCodeAt(i + 1) === LBRACE) sequences = true;
      i = this.pastTemplateChar(i, c, nest);
    }
  }

  /** Past the template character `c` at `i`: a `${ … }` or `%{ … }` sequence, an escaped `$${` or `%%{`, or itself. */
  private pastTemplateChar(i: number, c: number, nest: number): number {
    const s = this.s;
    if ((c === DOLLAR || c === PERCENT) && s.charCodeAt(i + 1) === LBRACE) return this.sequence(i, nest + 1);
    if ((c === DOLLAR || c === PERCENT) && s.charCodeAt(i + 1) === c && s.charCodeAt(i + 2) === LBRACE) return i + 3;
    return i + 1;
  }

  /** The heredoc whose `<<` is at `start` (template-parser.ts parseHeredoc): where its closing marker ends. */
  private heredoc(start: number, nest: number): number {
    const s = this.s;
    const n = s.length;
    let j = start + 2;
    if (s.charCodeAt(j) === 45 /* - */) j++;
    const markerStart = j;
    if (j < n && isIdStart(s.charCodeAt(j))) {
      j++;
      while (j < n && isIdContinue(s.charCodeAt(j))) j++;
    }
    const marker = s.slice(markerStart, j);
    if (!marker) undecided();
    while (s[j] === ' ' || s[j] === '\t' || s[j] === '\r') j++;
    if (j < n && s.charCodeAt(j) !== LF) undecided();
    let i = j + 1;
    let lineStart = i;
    for (;;) {
      if (i === lineStart) {
        const close = closingMarker(s, i, marker);
        if (close !== -1) return close;
      }
      if (i >= n) undecided();
      const c = s.charCodeAt(i);
      if (c === LF) {
        i++;
        lineStart = i;
        continue;
      }
      i = this.pastTemplateChar(i, c, nest);
    }
  }

  /** The `${ … }` or `%{ … }` at `at`: the offset after its `}`. */
  private sequence(at: number, nest: number): number {
    if (nest > MAX_NEST) undecided();
    const sc = this.sc;
    const s = this.s;
    let j = at + 2;
    if (s.charCodeAt(j) === TILDE) j++;
    sc.resumeAt(j);
    let k = sc.k();
    if (s.charCodeAt(at) === PERCENT) {
      if (k !== 'ident' || !DIRECTIVES.has(sc.text())) undecided();
    } else if (!startsValue(k) && k !== '(' && k !== '[' && k !== '-') undecided();
    const directive = s.charCodeAt(at) === PERCENT;
    const stack: Kind[] = [];
    let prev: Kind = '(';
    let prevAt = 0;
    let prevEnd = 0;
    let newline = false;
    const questions = new Questions();
    for (;;) {
      if (k === 'newline') newline = true;
      else {
        const separated = newline && stack[stack.length - 1] === '{';
        if (badPair(prev, k) || (!separated && this.twoValues(prev, prevAt, prevEnd, k, directive || stack.length > 0))) undecided();
        if (stack.length === 0 && OUTSIDE_BRACKETS.has(k)) undecided();
        questions.see(k, stack.length);
      }
      switch (k) {
        case 'eof':
        case 'invalid':
        case 'badnumber':
          return undecided();
        case '~':
          if (stack.length || nextSignificant(sc) !== '}') undecided();
          break;
        case '(':
        case '[':
        case '{':
          stack.push(k);
          if (stack.length + nest > MAX_NEST) undecided();
          questions.end(stack.length);
          break;
        case ')':
        case ']':
        case '}':
          questions.end(stack.length);
          if (stack.length === 0) {
            if (k === '}') return sc.end;
            undecided();
          }
          if (stack.pop() !== CLOSES[k]) undecided();
          break;
        case 'quote':
        case 'heredoc':
          sc.resumeAt(k === 'quote' ? this.quoted(sc.start, nest + 1).end : this.heredoc(sc.start, nest + 1));
          prev = k;
          newline = false;
          k = sc.k();
          continue;
        default:
          break;
      }
      if (k !== 'newline') {
        prev = k;
        prevAt = sc.start;
        prevEnd = sc.end;
        newline = false;
      }
      k = sc.next();
    }
  }
}

/** The `?` of conditionals, by bracket level: each needs its `:` before the level closes. */
class Questions {
  private readonly open: number[] = [];

  see(k: Kind, level: number): void {
    if (k === '?') this.open[level] = (this.open[level] ?? 0) + 1;
    else if (k === ':' && (this.open[level] ?? 0) > 0) this.open[level]!--;
  }

  /** A level closes (or, at 0, the expression ends): a `?` still open there is an error. */
  end(level: number): void {
    if ((this.open[level] ?? 0) > 0) undecided();
    this.open[level] = 0;
  }
}

/** Tokens that only stand inside brackets (an object's `=`, a list's `,`, a for expression's `=>` and `...`). */
const OUTSIDE_BRACKETS = new Set<Kind>(['=', ',', '=>', '...']);

/** Operators that need an operand after them. */
const OPERATORS = new Set<Kind>(['=', '+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||', '!', '?', ':', '=>']);
/** Tokens that cannot follow an operator (or an opening bracket or comma): binary operators, closers, commas. */
const NOT_AN_OPERAND = new Set<Kind>([
  '=',
  '+',
  '*',
  '/',
  '%',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '&&',
  '||',
  '?',
  ':',
  '=>',
  ')',
  ']',
  '}',
  ',',
  '...',
]);

/**
 * Two tokens that cannot stand next to each other in an expression (the parser would report an error there and
 * recover in its own way): an operator without its operand, a comma or opening bracket before a binary operator,
 * a `.` not followed by a name, an index or `*`. `[*]` and `.*` (splats) are fine.
 */
function badPair(prev: Kind, k: Kind): boolean {
  if (prev === '.') return k !== 'ident' && k !== 'number' && k !== '*';
  if (OPERATORS.has(prev)) return NOT_AN_OPERAND.has(k) && !(prev === '*' && k === ']');
  // A trailing comma, `()` and `{}` are fine.
  if (prev === '(' || prev === '{' || prev === ',') return NOT_AN_OPERAND.has(k) && k !== ')' && k !== '}' && (k !== ']' || prev !== ',');
  return false;
}

const FOR_WORDS = new Set(['for', 'in', 'if']);

/** The text of the next token that is not a newline, without moving. */
function nextText(sc: Scanner): string {
  const saved = sc.save();
  let k = sc.next();
  while (k === 'newline') k = sc.next();
  const text = sc.text();
  sc.load(saved);
  return text;
}

/** The kind of the next token that is not a newline, without moving. */
function nextSignificant(sc: Scanner): Kind {
  const saved = sc.save();
  let k = sc.next();
  while (k === 'newline') k = sc.next();
  sc.load(saved);
  return k;
}

function endsValue(k: Kind): boolean {
  return k === 'ident' || k === 'number' || k === 'quote' || k === 'heredoc' || k === ')' || k === ']' || k === '}';
}

function startsValue(k: Kind): boolean {
  return k === 'ident' || k === 'number' || k === 'quote' || k === 'heredoc' || k === '{' || k === '!';
}

/** The length of the escape at `i` (a backslash) in a quoted string; one the parser reports gives up. */
function escapeLength(s: string, i: number): number {
  const e = s[i + 1];
  if (e === 'n' || e === 'r' || e === 't' || e === '"' || e === '\\') return 2;
  const width = e === 'u' ? 4 : e === 'U' ? 8 : 0;
  const hex = s.slice(i + 2, i + 2 + width);
  if (width && hex.length === width && /^[0-9a-fA-F]+$/.test(hex)) return 2 + width;
  return undecided();
}
