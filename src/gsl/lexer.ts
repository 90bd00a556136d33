// Tokens of GSL logic. Keywords are identifiers; the parser decides (case-insensitively) what they mean.
import { GslSyntaxError, type LogicText } from './errors.js';

export type TokenKind = 'ident' | 'number' | 'string' | 'regex' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Identifier or punctuation text; the decoded string; the regex pattern. */
  text: string;
  /** Numeric value of a number token. */
  num?: number;
  /** Regex flags. */
  flags?: string;
  start: number;
  end: number;
}

const PUNCT2 = ['!=', '<=', '>=', '=='];
const PUNCT1 = '()[],.=<>$^-';

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || (c >= '0' && c <= '9');
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function tokenize(logic: LogicText): Token[] {
  const src = logic.text;
  const out: Token[] = [];
  let i = 0;
  const fail = (start: number, end: number, message: string, hint?: string): never => {
    throw new GslSyntaxError(logic.error(start, end, message, hint));
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    const prev = out[out.length - 1];
    if (isIdentStart(c)) {
      while (i < src.length && isIdentPart(src[i]!)) i++;
      let text = src.slice(start, i);
      // contain-any / contain-all / contain-none (and typos of them, so the parser can suggest)
      if (text.toLowerCase() === 'contain' && src[i] === '-' && isIdentStart(src[i + 1] ?? '')) {
        let j = i + 1;
        while (j < src.length && isIdentPart(src[j]!)) j++;
        text = src.slice(start, j);
        i = j;
      }
      // A condition key of a policy document is one name with `:` and `-` inside it: `aws:SecureTransport`,
      // `s3:x-amz-acl` (as CloudGuard writes `Condition.Bool.aws:SecureTransport`).
      if (src[i] === ':' && isIdentStart(src[i + 1] ?? '')) {
        while (src[i] === ':' && isIdentStart(src[i + 1] ?? '')) {
          i++;
          while (i < src.length && (isIdentPart(src[i]!) || (src[i] === '-' && isIdentPart(src[i + 1] ?? '')))) i++;
        }
        text = src.slice(start, i);
      }
      out.push({ kind: 'ident', text, start, end: i });
      continue;
    }
    // `@name`: a key tfguard reserves (`@change`, the planned change of a plan resource). `@` cannot start
    // an HCL identifier, so no provider attribute can have such a name.
    if (c === '@') {
      if (!isIdentStart(src[i + 1] ?? ''))
        fail(i, i + 1, 'unexpected `@`', 'write `@change`: `@` starts the name of a key tfguard reserves');
      i++;
      while (i < src.length && isIdentPart(src[i]!)) i++;
      out.push({ kind: 'ident', text: src.slice(start, i), start, end: i });
      continue;
    }
    if (isDigit(c)) {
      // After a `.` only a list index can follow (a.0.b), never a fraction.
      const indexOnly = prev?.kind === 'punct' && prev.text === '.';
      while (isDigit(src[i])) i++;
      if (!indexOnly) {
        if (src[i] === '.' && isDigit(src[i + 1])) {
          i++;
          while (isDigit(src[i])) i++;
        }
        if (
          (src[i] === 'e' || src[i] === 'E') &&
          (isDigit(src[i + 1]) || ((src[i + 1] === '+' || src[i + 1] === '-') && isDigit(src[i + 2])))
        ) {
          i += 2;
          while (isDigit(src[i])) i++;
        }
      }
      if (i < src.length && isIdentStart(src[i]!)) {
        while (i < src.length && isIdentPart(src[i]!)) i++;
        fail(start, i, `\`${src.slice(start, i)}\` is neither a number nor a name`, 'names start with a letter or `_`');
      }
      const text = src.slice(start, i);
      out.push({ kind: 'number', text, num: Number(text), start, end: i });
      continue;
    }
    if (c === "'" || c === '"') {
      out.push(readString(src, i, logic, fail));
      i = out[out.length - 1]!.end;
      continue;
    }
    if (c === '/' && prev?.kind === 'ident' && prev.text.toLowerCase() === 'regexmatch') {
      out.push(readRegex(src, i, fail));
      i = out[out.length - 1]!.end;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (PUNCT2.includes(two)) {
      if (two === '==') fail(i, i + 2, 'unexpected `==`', 'GSL compares with a single `=`');
      out.push({ kind: 'punct', text: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (PUNCT1.includes(c)) {
      out.push({ kind: 'punct', text: c, start, end: i + 1 });
      i++;
      continue;
    }
    if (c === '/') fail(i, i + 1, 'unexpected `/`', 'a regular expression /.../ can only follow `regexMatch`');
    if (c === '&' || c === '|')
      fail(
        i,
        i + (src[i + 1] === c ? 2 : 1),
        `unexpected \`${src.slice(i, src[i + 1] === c ? i + 2 : i + 1)}\``,
        `GSL spells it \`${c === '&' ? 'and' : 'or'}\``,
      );
    if (c === '!') fail(i, i + 1, 'unexpected `!`', 'GSL spells negation `not`; inequality is `!=`');
    const cp = String.fromCodePoint(src.codePointAt(i)!);
    fail(i, i + cp.length, `unexpected character \`${cp}\``);
  }
  out.push({ kind: 'eof', text: '', start: src.length, end: src.length });
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"', '/': '/' };

function readString(src: string, start: number, _logic: LogicText, fail: (s: number, e: number, m: string, h?: string) => never): Token {
  const quote = src[start]!;
  let i = start + 1;
  let text = '';
  while (true) {
    if (i >= src.length || src[i] === '\n') {
      fail(start, i, 'unterminated string', `close it with ${quote}`);
    }
    const c = src[i]!;
    if (c === quote) break;
    if (c === '\\') {
      const e = src[i + 1];
      if (e === undefined) fail(start, i + 1, 'unterminated string', `close it with ${quote}`);
      if (e === 'u') {
        const hex = /^[0-9a-fA-F]{4}/.exec(src.slice(i + 2, i + 6))?.[0];
        if (!hex) fail(i, i + 2, 'invalid escape `\\u`', 'write \\u followed by four hex digits, e.g. \\u00e9');
        text += String.fromCharCode(parseInt(hex!, 16));
        i += 6;
        continue;
      }
      const rep = ESCAPES[e!];
      if (rep === undefined) fail(i, i + 2, `invalid escape \`\\${e}\``, 'valid escapes are \\\\ \\\' \\" \\n \\t \\r \\0 \\/ and \\uXXXX');
      text += rep;
      i += 2;
      continue;
    }
    text += c;
    i++;
  }
  return { kind: 'string', text, start, end: i + 1 };
}

function readRegex(src: string, start: number, fail: (s: number, e: number, m: string, h?: string) => never): Token {
  let i = start + 1;
  let inClass = false;
  while (true) {
    const c = src[i];
    if (c === undefined || c === '\n')
      fail(start, i, 'unterminated regular expression', 'close it with `/`; write `\\/` for a slash inside it');
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) break;
    i++;
  }
  const pattern = src.slice(start + 1, i);
  i++;
  const fstart = i;
  while (i < src.length && isIdentPart(src[i]!)) i++;
  return { kind: 'regex', text: pattern, flags: src.slice(fstart, i), start, end: i };
}
