// The HCL native-syntax scanner: characters → tokens, read on demand by the parser (body-parser.ts, expr-parser.ts).
//
// Tokens are not objects: the scanner holds the current one (kind, start, end) and the parser saves and restores
// its offset to look ahead. Newlines are tokens only where the parser says they matter (bodies and object
// constructors, as in HashiCorp's hclsyntax); inside brackets, parentheses and interpolations they are
// whitespace. Quoted strings and heredocs are read by template-parser.ts straight from the text: here `"` and `<<`
// are one-character tokens that hand over to it. Comments are collected once each, in order.

import type { Comment } from '../ast.js';
import type { ParseContext } from './context.js';
import { CR, LF, SPACE, TAB } from './char-codes.js';

/** Token kinds: punctuation is its own text (`{`, `==`, `...`); the rest are words. */
export type Kind =
  | 'eof'
  | 'newline'
  | 'ident'
  | 'number'
  /** Digits run into letters or a second dot (`0x1F`, `1.2.3`): reported by the parser. */
  | 'badnumber'
  | 'quote'
  | 'heredoc'
  /** A character that starts no token (reported by the parser). */
  | 'invalid'
  | Punct;

export type Punct =
  | '{'
  | '}'
  | '['
  | ']'
  | '('
  | ')'
  | ','
  | '.'
  | '...'
  | '='
  | '=>'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '&&'
  | '||'
  | '!'
  | '?'
  | ':'
  | '::'
  | '~';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}-]/u;

/** A character that can start an identifier (HCL: Unicode ID_Start or `_`). */
export function isIdStart(c: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) return true;
  return c >= 128 && ID_START.test(String.fromCharCode(c));
}

/** A character that can continue an identifier (ID_Continue or `-`). */
export function isIdContinue(c: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 45 || isDigit(c)) return true;
  return c >= 128 && ID_CONTINUE.test(String.fromCharCode(c));
}

export interface Saved {
  kind: Kind;
  start: number;
  end: number;
}

export class Scanner {
  /** The current token's kind; read it with k(). */
  kind: Kind = 'eof';
  start = 0;
  end = 0;
  /** Newline tokens are produced while this is 0; each bracket level inside a body adds one. */
  newlineOffs = 0;
  /** Where comments up to here have been collected (a restore never collects one twice). */
  private commentsUpTo = 0;
  readonly comments: Comment[] = [];
  readonly src: string;
  readonly length: number;

  constructor(
    readonly cx: Pick<ParseContext, 'src' | 'range'>,
    /** First offset to read. */
    at = 0,
    /** Collect comments (a reader that only skips text, module-sources.ts, does not need them). */
    private readonly keepComments = true,
  ) {
    this.src = cx.src;
    this.length = cx.src.length;
    this.end = at;
  }

  /**
   * Brackets, parentheses and interpolations open in the item being read (an error's recovery skips to where they
   * close); the body parser sets it to 0 at each item.
   */
  open = 0;

  /** Brackets, parentheses, interpolations: newlines are whitespace until the matching pop. */
  newlinesOff(): void {
    this.newlineOffs++;
    this.open++;
  }

  newlinesPop(): void {
    this.newlineOffs--;
    this.open--;
  }

  /**
   * Run `f` with newlines significant (an object constructor inside brackets), then restore. Returns f's result.
   */
  withNewlines<T>(f: () => T): T {
    const saved = this.newlineOffs;
    this.newlineOffs = 0;
    this.open++;
    try {
      const r = f();
      this.open--;
      return r;
    } finally {
      this.newlineOffs = saved;
    }
  }

  /**
   * The current token's kind, as a call: TypeScript narrows a property after a comparison and would not see that
   * next() changes it.
   */
  k(): Kind {
    return this.kind;
  }

  /** The current token, to come back to with load() (same newline mode). */
  save(): Saved {
    return { kind: this.kind, start: this.start, end: this.end };
  }

  load(t: Saved): void {
    this.kind = t.kind;
    this.start = t.start;
    this.end = t.end;
  }

  /** The kind of the token after the current one, without moving. */
  peek(): Kind {
    const t = this.save();
    const k = this.next();
    this.load(t);
    return k;
  }

  /** Continue reading at `offset` (after a template the template parser read, or to re-read a token in another
   * newline mode), and read the token there. */
  resumeAt(offset: number): void {
    this.end = offset;
    this.next();
  }

  text(): string {
    return this.src.slice(this.start, this.end);
  }

  /** Read the next token after the current one. */
  next(): Kind {
    const s = this.src;
    const n = this.length;
    let i = this.end;
    for (;;) {
      if (i >= n) return this.set('eof', n, n);
      const c = s.charCodeAt(i);
      if (c === SPACE || c === TAB || c === CR || c === 0xfeff) {
        i++;
        continue;
      }
      if (c === LF) {
        if (this.newlineOffs === 0) return this.set('newline', i, i + 1);
        i++;
        continue;
      }
      if (c === 35 /* # */ || (c === 47 /* / */ && s.charCodeAt(i + 1) === 47)) {
        let e = s.indexOf('\n', i);
        if (e === -1) e = n;
        this.comment(i, e);
        i = e;
        continue;
      }
      if (c === 47 && s.charCodeAt(i + 1) === 42 /* * */) {
        const e = s.indexOf('*/', i + 2);
        if (e === -1) return this.set('invalid', i, n);
        this.comment(i, e + 2);
        i = e + 2;
        continue;
      }
      return this.token(i, c);
    }
  }

  private comment(start: number, end: number): void {
    if (!this.keepComments || start < this.commentsUpTo) return;
    this.commentsUpTo = end;
    this.comments.push({ text: this.src.slice(start, end), range: this.cx.range(start, end) });
  }

  private set(kind: Kind, start: number, end: number): Kind {
    this.kind = kind;
    this.start = start;
    this.end = end;
    return kind;
  }

  private token(i: number, c: number): Kind {
    const s = this.src;
    const c2 = s.charCodeAt(i + 1);
    if (isIdStart(c)) {
      let e = i + 1;
      while (e < this.length && isIdContinue(s.charCodeAt(e))) e++;
      return this.set('ident', i, e);
    }
    if (isDigit(c)) return this.number(i);
    switch (c) {
      case 34:
        return this.set('quote', i, i + 1);
      case 123:
        return this.set('{', i, i + 1);
      case 125:
        return this.set('}', i, i + 1);
      case 91:
        return this.set('[', i, i + 1);
      case 93:
        return this.set(']', i, i + 1);
      case 40:
        return this.set('(', i, i + 1);
      case 41:
        return this.set(')', i, i + 1);
      case 44:
        return this.set(',', i, i + 1);
      case 46:
        return c2 === 46 && s.charCodeAt(i + 2) === 46 ? this.set('...', i, i + 3) : this.set('.', i, i + 1);
      case 61:
        if (c2 === 61) return this.set('==', i, i + 2);
        if (c2 === 62) return this.set('=>', i, i + 2);
        return this.set('=', i, i + 1);
      case 33:
        return c2 === 61 ? this.set('!=', i, i + 2) : this.set('!', i, i + 1);
      case 60:
        if (c2 === 61) return this.set('<=', i, i + 2);
        if (c2 === 60) return this.set('heredoc', i, i + 2);
        return this.set('<', i, i + 1);
      case 62:
        return c2 === 61 ? this.set('>=', i, i + 2) : this.set('>', i, i + 1);
      case 43:
        return this.set('+', i, i + 1);
      case 45:
        return this.set('-', i, i + 1);
      case 42:
        return this.set('*', i, i + 1);
      case 47:
        return this.set('/', i, i + 1);
      case 37:
        return this.set('%', i, i + 1);
      case 38:
        return c2 === 38 ? this.set('&&', i, i + 2) : this.set('invalid', i, i + 1);
      case 124:
        return c2 === 124 ? this.set('||', i, i + 2) : this.set('invalid', i, i + 1);
      case 63:
        return this.set('?', i, i + 1);
      case 58:
        return c2 === 58 ? this.set('::', i, i + 2) : this.set(':', i, i + 1);
      case 126:
        return this.set('~', i, i + 1);
      default: {
        // One whole character (a surrogate pair is one).
        const w = c >= 0xd800 && c <= 0xdbff && c2 >= 0xdc00 && c2 <= 0xdfff ? 2 : 1;
        return this.set('invalid', i, i + w);
      }
    }
  }

  /** Decimal digits, an optional fraction and exponent; letters or a second fraction run on make a bad number. */
  private number(i: number): Kind {
    const s = this.src;
    let e = i;
    while (isDigit(s.charCodeAt(e))) e++;
    if (s.charCodeAt(e) === 46 && isDigit(s.charCodeAt(e + 1))) {
      e += 2;
      while (isDigit(s.charCodeAt(e))) e++;
    }
    const x = s.charCodeAt(e);
    if (x === 101 || x === 69) {
      let f = e + 1;
      const sign = s.charCodeAt(f);
      if (sign === 43 || sign === 45) f++;
      if (isDigit(s.charCodeAt(f))) {
        e = f;
        while (isDigit(s.charCodeAt(e))) e++;
      }
    }
    if (e < this.length && isIdContinue(s.charCodeAt(e)) && s.charCodeAt(e) !== 45) {
      while (e < this.length && isIdContinue(s.charCodeAt(e)) && s.charCodeAt(e) !== 45) e++;
      return this.set('badnumber', i, e);
    }
    return this.set('number', i, e);
  }

  /** After `.`: the digits of a legacy index (`a.0`), read as digits only so `a.0.1` is two steps. */
  digitsAfterDot(): boolean {
    let e = this.end;
    const s = this.src;
    if (!isDigit(s.charCodeAt(e))) return false;
    const start = e;
    while (isDigit(s.charCodeAt(e))) e++;
    this.set('number', start, e);
    return true;
  }
}
