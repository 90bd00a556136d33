// A small JSON parser that keeps positions (line/column/offset of every value and key), for .tf.json,
// .tfvars.json and other JSON inputs. Errors say where, what was found and what was expected.
import type { Range } from '../common/diagnostics.js';
import { ParseContext } from './hcl/context.js';

export type JsonNode =
  | { type: 'object'; members: JsonMember[]; range: Range }
  | { type: 'array'; items: JsonNode[]; range: Range }
  | { type: 'string'; value: string; range: Range }
  | { type: 'number'; value: number; range: Range }
  | { type: 'bool'; value: boolean; range: Range }
  | { type: 'null'; range: Range }
  /** An object or array nested deeper than MAX_DEPTH: skipped (reported once per file), its value unknown. */
  | { type: 'deep'; range: Range };

export interface JsonMember {
  key: string;
  keyRange: Range;
  value: JsonNode;
}

const MAX_DEPTH = 200;

class Stop extends Error {}

/** Parse JSON text. On a syntax error, `node` is undefined and `ctx.diagnostics` holds the error. */
export function parseJsonSyntax(path: string, text: string): { node?: JsonNode; ctx: ParseContext } {
  const cx = new ParseContext(path, text);
  const p = new JsonParser(cx, text);
  try {
    p.ws();
    const node = p.value(0);
    p.ws();
    if (p.i < text.length)
      p.fail('expected the end of the file after the JSON value', 'remove the extra text, or wrap several values in [ … ]');
    return { node, ctx: cx };
  } catch (e) {
    if (e instanceof Stop) return { ctx: cx };
    throw e;
  }
}

class JsonParser {
  i = 0;
  constructor(
    private readonly cx: ParseContext,
    private readonly s: string,
  ) {}

  found(): string {
    if (this.i >= this.s.length) return 'the end of the file';
    const c = this.s[this.i]!;
    if (c === '\n') return 'a new line';
    const m = /^[A-Za-z0-9_.+-]+/.exec(this.s.slice(this.i, this.i + 20));
    return JSON.stringify(m ? m[0] : String.fromCodePoint(this.s.codePointAt(this.i)!));
  }

  fail(message: string, hint?: string, at = this.i): never {
    this.cx.error('syntax', at, Math.min(at + 1, this.s.length), message, hint);
    throw new Stop();
  }

  ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.i++;
      else break;
    }
  }

  private deepReported = false;

  value(depth: number): JsonNode {
    const c = this.s[this.i];
    const start = this.i;
    if (depth > MAX_DEPTH && (c === '{' || c === '[')) {
      // Too deep to descend (the reader is recursive): skip to the matching bracket; what holds it stays readable.
      if (!this.skipNested()) this.fail(`JSON is nested more than ${MAX_DEPTH} levels deep and never closed`, 'close every { and [', start);
      if (!this.deepReported) {
        this.deepReported = true;
        this.cx.error(
          'syntax',
          start,
          start + 1,
          `JSON is nested more than ${MAX_DEPTH} levels deep, deeper than tfguard's JSON reader goes; this value was not analysed`,
          'flatten the structure; this limit keeps the reader within its stack and has no flag',
        );
      }
      return { type: 'deep', range: this.cx.range(start, this.i) };
    }
    switch (c) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"': {
        const value = this.string();
        return { type: 'string', value, range: this.cx.range(start, this.i) };
      }
      case 't':
      case 'f':
      case 'n':
        for (const [word, node] of [
          ['true', { type: 'bool', value: true }],
          ['false', { type: 'bool', value: false }],
          ['null', { type: 'null' }],
        ] as const) {
          if (this.s.startsWith(word, this.i)) {
            this.i += word.length;
            return { ...node, range: this.cx.range(start, this.i) } as JsonNode;
          }
        }
        break;
      default: {
        const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(this.s.slice(this.i, this.i + 400));
        if (m && m[0] !== '-') {
          this.i += m[0].length;
          return { type: 'number', value: Number(m[0]), range: this.cx.range(start, this.i) };
        }
      }
    }
    return this.fail(`expected a JSON value (object, array, string, number, true, false or null), found ${this.found()}`);
  }

  /** Move past the object or array at `i` without descending into it; false when it never closes. */
  private skipNested(): boolean {
    const s = this.s;
    let open = 0;
    for (; this.i < s.length; this.i++) {
      const c = s[this.i];
      if (c === '"') {
        for (this.i++; this.i < s.length && s[this.i] !== '"'; this.i++) if (s[this.i] === '\\') this.i++;
      } else if (c === '{' || c === '[') open++;
      else if ((c === '}' || c === ']') && --open === 0) {
        this.i++;
        return true;
      }
    }
    return false;
  }

  object(depth: number): JsonNode {
    const start = this.i;
    this.i++;
    const members: JsonMember[] = [];
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return { type: 'object', members, range: this.cx.range(start, this.i) };
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') {
        const trailing = members.length > 0 && this.s[this.i] === '}';
        this.fail(
          trailing
            ? 'expected a member name after \',\', found "}" (JSON does not allow a trailing comma)'
            : `expected a member name in double quotes, found ${this.found()}`,
          trailing ? "remove the ',' before '}'" : 'object keys in JSON are strings: "name": value',
        );
      }
      const ks = this.i;
      const key = this.string();
      const keyRange = this.cx.range(ks, this.i);
      this.ws();
      if (this.s[this.i] !== ':') this.fail(`expected ':' after member name ${JSON.stringify(key)}, found ${this.found()}`);
      this.i++;
      this.ws();
      members.push({ key, keyRange, value: this.value(depth + 1) });
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === '}') {
        this.i++;
        return { type: 'object', members, range: this.cx.range(start, this.i) };
      }
      const open = this.cx.pos(start);
      this.fail(
        `expected ',' or '}' after object member, found ${this.found()}`,
        `the object opened at line ${open.line}, column ${open.column} must be closed with '}'; separate members with ','`,
      );
    }
  }

  array(depth: number): JsonNode {
    const start = this.i;
    this.i++;
    const items: JsonNode[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return { type: 'array', items, range: this.cx.range(start, this.i) };
    }
    for (;;) {
      this.ws();
      if (items.length > 0 && this.s[this.i] === ']')
        this.fail('expected a value after \',\', found "]" (JSON does not allow a trailing comma)', "remove the ',' before ']'");
      items.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ']') {
        this.i++;
        return { type: 'array', items, range: this.cx.range(start, this.i) };
      }
      const open = this.cx.pos(start);
      this.fail(
        `expected ',' or ']' after array element, found ${this.found()}`,
        `the array opened at line ${open.line}, column ${open.column} must be closed with ']'`,
      );
    }
  }

  string(): string {
    const s = this.s;
    const start = this.i;
    this.i++;
    let out = '';
    let chunk = this.i;
    for (;;) {
      if (this.i >= s.length) this.fail("unterminated string: no closing '\"'", 'close the string with "', start);
      const c = s.charCodeAt(this.i);
      if (c === 0x22) {
        out += s.slice(chunk, this.i);
        this.i++;
        return out;
      }
      if (c < 0x20) {
        this.fail(
          c === 0x0a
            ? 'unterminated string: JSON strings cannot contain a line break'
            : `control character U+${c.toString(16).padStart(4, '0')} in a string`,
          c === 0x0a ? 'close the string with " or write the line break as \\n' : 'escape it as \\u00XX',
        );
      }
      if (c === 0x5c) {
        out += s.slice(chunk, this.i);
        const e = s[this.i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          this.i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.i + 2, this.i + 6))) {
          out += String.fromCharCode(parseInt(s.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
        } else {
          this.fail(
            `invalid escape ${JSON.stringify(s.slice(this.i, this.i + 2))} in a string`,
            'JSON escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX',
          );
        }
        chunk = this.i;
        continue;
      }
      this.i++;
    }
  }
}
