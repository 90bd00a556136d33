// A translator from RE2 syntax (Terraform's regular expressions) to JavaScript RegExp.
//
// Terraform matches with Go's regexp package (RE2), which runs in linear time. JavaScript's
// engine backtracks, so a hostile pattern such as `(a+)+$` could hang tfguard. The translator
// parses the RE2 pattern itself and emits source for V8's linear-time engine (the `l` flag,
// enabled once at run time), which has no `i` and no `u` flags: case folding and character
// classes are computed here, and characters above U+FFFF are matched as surrogate pairs.
// Patterns the linear engine refuses are run on the backtracking engine only when no repetition
// nests another repetition or an alternation; any other such pattern is refused.
//
// It serves Terraform's regex functions and GSL's regexMatch alike.
//
// Differences from RE2, all refused with a RegexError rather than matched differently:
//   - `\C`, `\pN` inside a negated Unicode class, lookarounds and backreferences (RE2 has none
//     either: its error is reproduced), a pattern mixing multi-line (`(?m)^`) and whole-text
//     anchors (`\A`, `^` without `m`).
// Known small differences in what matches:
//   - with `(?m)`, `^` and `$` also match next to `\r`, U+2028 and U+2029 (RE2: only `\n`);
//   - case folding uses simple upper/lower mappings (RE2 uses Unicode case-folding orbits, so
//     e.g. `(?i)k` also matches the Kelvin sign there);
//   - `\b` is ASCII-based in both.
import v8 from 'node:v8';
import {
  DIGIT,
  type Range,
  SPACE,
  WORD,
  classSource,
  complement,
  foldCase,
  literalSource,
  normalize,
  posixClass,
  unicodeClass,
} from './charclass.js';
import { fail } from './error.js';

export { RegexError } from './error.js';

type Node =
  | { t: 'atom'; src: string; atomic: boolean }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; capture: boolean; body: Node }
  | { t: 'rep'; body: Node; min: number; max: number; lazy: boolean };

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

export interface CompiledRE2 {
  regexp: RegExp;
  /** The name of each capture group (index 0 is group 1), undefined when unnamed. */
  names: (string | undefined)[];
}

const MAX_REPEAT = 1000;
const MAX_SOURCE = 200_000;
const MAX_PATTERN = 20_000;

function bad(what: string): never {
  fail(`invalid regexp pattern: ${what}`);
}

class Parser {
  private pos = 0;
  readonly names: (string | undefined)[] = [];
  wholeTextAnchors = false;
  lineAnchors = false;

  constructor(private readonly cps: string[]) {}

  parse(): Node {
    const node = this.alternation({ i: false, m: false, s: false, U: false }, 0);
    if (this.pos < this.cps.length) bad('unexpected )');
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.cps[this.pos + offset];
  }

  private rest(n: number): string {
    return this.cps.slice(this.pos, this.pos + n).join('');
  }

  private alternation(flags: Flags, depth: number): Node {
    if (depth > 200) bad('expression nests too deeply');
    const alts: Node[] = [this.sequence(flags, depth)];
    while (this.peek() === '|') {
      this.pos++;
      alts.push(this.sequence(flags, depth));
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private sequence(flags: Flags, depth: number): Node {
    const items: Node[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === '|' || c === ')') break;
      if (c === '*' || c === '+' || c === '?' || (c === '{' && this.repeatCount())) {
        this.repetition(items, flags);
        continue;
      }
      this.pos++;
      if (c === '(') {
        const g = this.group(flags, depth);
        if (g) items.push(g);
      } else if (c === '[') items.push(this.charClass(flags));
      else if (c === '.') items.push(this.set(flags.s ? [[0, 0x10ffff]] : complement([[10, 10]])));
      else if (c === '^' || c === '$') {
        if (flags.m) this.lineAnchors = true;
        else this.wholeTextAnchors = true;
        items.push({ t: 'atom', src: c, atomic: true });
      } else if (c === '\\') items.push(this.escape(flags));
      else items.push(this.literal(c.codePointAt(0)!, flags));
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private repeatCount(): { min: number; max: number; len: number } | undefined {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.rest(24));
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (min > MAX_REPEAT || (max !== Infinity && (max > MAX_REPEAT || max < min))) bad(`invalid repeat count: ${m[0]}`);
    return { min, max, len: m[0].length };
  }

  private repetition(items: Node[], flags: Flags): void {
    const c = this.peek()!;
    let min = 0;
    let max = Infinity;
    let op = c;
    if (c === '{') {
      const r = this.repeatCount()!;
      ({ min, max } = r);
      op = this.rest(r.len);
      this.pos += r.len;
    } else {
      this.pos++;
      if (c === '+') min = 1;
      if (c === '?') max = 1;
    }
    let lazy = false;
    if (this.peek() === '?') {
      lazy = true;
      op += '?';
      this.pos++;
    }
    const last = items.pop();
    if (!last) bad(`missing argument to repetition operator: ${op}`);
    if (last.t === 'rep') bad(`invalid nested repetition operator: ${op}`);
    items.push({ t: 'rep', body: last, min, max, lazy: lazy !== flags.U });
  }

  private group(flags: Flags, depth: number): Node | undefined {
    let capture = true;
    let name: string | undefined;
    const inner = { ...flags };
    if (this.peek() === '?') {
      const head = this.rest(4);
      if (/^\?(=|!|<=|<!)/.test(head)) bad('lookahead and lookbehind assertions are not supported (RE2 has none)');
      if (head.startsWith('?P=')) bad('backreferences are not supported (RE2 has none)');
      const named = /^\?P?<([^>]*)>/.exec(this.rest(80));
      if (named) {
        name = named[1]!;
        if (!/^[A-Za-z0-9_]+$/.test(name)) bad(`invalid named capture: (?P<${name}>`);
        if (this.names.includes(name)) bad(`duplicate capture group name: ${name}`);
        this.pos += named[0].length;
      } else {
        const f = /^\?([imsU]*(?:-[imsU]*)?)([:)])/.exec(this.rest(16));
        if (!f || f[1] === '-' || f[1]!.endsWith('-')) bad(`invalid or unsupported Perl syntax: (${this.rest(3)}`);
        this.pos += f[0].length;
        const [on, off = ''] = f[1]!.split('-');
        for (const k of on!) inner[k as keyof Flags] = true;
        for (const k of off) inner[k as keyof Flags] = false;
        if (f[2] === ')') {
          // `(?i)` changes the flags of the rest of the enclosing group.
          Object.assign(flags, inner);
          return undefined;
        }
        capture = false;
      }
    }
    if (capture) this.names.push(name);
    const body = this.alternation(inner, depth + 1);
    if (this.peek() !== ')') bad('missing closing )');
    this.pos++;
    return { t: 'group', capture, body };
  }

  private set(ranges: Range[]): Node {
    const { src, atomic } = classSource(ranges);
    return { t: 'atom', src, atomic };
  }

  private literal(cp: number, flags: Flags): Node {
    if (flags.i) {
      const folded = foldCase([[cp, cp]]);
      if (folded.length > 1 || folded[0]![0] !== folded[0]![1]) return this.set(folded);
    }
    return { t: 'atom', src: literalSource(cp), atomic: cp < 0x10000 };
  }

  /** After a backslash outside a class. */
  private escape(flags: Flags): Node {
    const c = this.peek();
    if (c === 'A' || c === 'z') {
      this.pos++;
      this.wholeTextAnchors = true;
      return { t: 'atom', src: c === 'A' ? '^' : '$', atomic: true };
    }
    if (c === 'b' || c === 'B') {
      this.pos++;
      return { t: 'atom', src: `\\${c}`, atomic: true };
    }
    if (c === 'Q') {
      this.pos++;
      const items: Node[] = [];
      while (this.pos < this.cps.length && this.rest(2) !== '\\E') items.push(this.literal(this.cps[this.pos++]!.codePointAt(0)!, flags));
      if (this.rest(2) === '\\E') this.pos += 2;
      return { t: 'group', capture: false, body: { t: 'seq', items } };
    }
    const ranges = this.classEscape();
    if (ranges.length === 1 && ranges[0]![0] === ranges[0]![1] && !this.lastWasClass) return this.literal(ranges[0]![0], flags);
    return this.set(flags.i ? foldCase(ranges) : ranges);
  }

  private lastWasClass = false;

  /** An escape that stands for characters (inside or outside a class): its code point set. */
  private classEscape(): Range[] {
    const c = this.cps[this.pos++];
    this.lastWasClass = false;
    if (c === undefined) bad('trailing backslash at end of expression');
    const single = (cp: number): Range[] => [[cp, cp]];
    const simple: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
    if (Object.prototype.hasOwnProperty.call(simple, c)) return single(simple[c]!);
    const shorthand: Record<string, Range[]> = { d: DIGIT, w: WORD, s: SPACE };
    if (Object.prototype.hasOwnProperty.call(shorthand, c.toLowerCase()) && 'dDwWsS'.includes(c)) {
      this.lastWasClass = true;
      const r = shorthand[c.toLowerCase()]!;
      return c === c.toLowerCase() ? r : complement(r);
    }
    if (c === 'p' || c === 'P') {
      this.lastWasClass = true;
      let name = this.cps[this.pos++];
      if (name === '{') {
        const end = this.cps.indexOf('}', this.pos);
        if (end < 0) bad('invalid character class range: missing }');
        name = this.cps.slice(this.pos, end).join('');
        this.pos = end + 1;
      }
      if (name === undefined) bad('invalid character class range: \\p');
      let negate = c === 'P';
      if (name.startsWith('^')) {
        negate = !negate;
        name = name.slice(1);
      }
      const r = unicodeClass(name);
      return negate ? complement(r) : r;
    }
    if (c === 'x') {
      const m = /^(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(this.rest(9));
      if (!m) bad(`invalid escape sequence: \\x${this.rest(2)}`);
      this.pos += m[0].length;
      const cp = parseInt(m[1] ?? m[2]!, 16);
      if (cp > 0x10ffff) bad(`invalid escape sequence: \\x${m[0]}`);
      return single(cp);
    }
    if (c >= '1' && c <= '9') bad(`backreferences are not supported (RE2 has none): \\${c}`);
    if (c === '0') {
      const m = /^[0-7]{0,2}/.exec(this.rest(2))!;
      this.pos += m[0].length;
      return single(parseInt(`0${m[0]}`, 8));
    }
    const cp = c.codePointAt(0)!;
    if (cp < 0x80 && !/[0-9A-Za-z_]/.test(c)) return single(cp);
    bad(`invalid escape sequence: \\${c}`);
  }

  /** After `[`. */
  private charClass(flags: Flags): Node {
    let negate = false;
    if (this.peek() === '^') {
      negate = true;
      this.pos++;
    }
    const ranges: Range[] = [];
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) bad('missing closing ]');
      if (c === ']' && !first) {
        this.pos++;
        break;
      }
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.rest(12));
      if (posix) {
        this.pos += posix[0].length;
        const r = posixClass(posix[2]!);
        ranges.push(...(posix[1] ? complement(r) : r));
        continue;
      }
      const lo = this.classAtom();
      if (lo.length !== 1 || lo[0]![0] !== lo[0]![1] || this.peek() !== '-' || this.peek(1) === ']' || this.peek(1) === undefined) {
        ranges.push(...lo);
        continue;
      }
      this.pos++;
      const hi = this.classAtom();
      if (hi.length !== 1 || hi[0]![0] !== hi[0]![1] || hi[0]![0] < lo[0]![0]) bad('invalid character class range');
      ranges.push([lo[0]![0], hi[0]![0]]);
    }
    let set = normalize(ranges);
    if (flags.i) set = foldCase(set);
    return this.set(negate ? complement(set) : set);
  }

  private classAtom(): Range[] {
    const c = this.cps[this.pos++]!;
    if (c === '\\') return this.classEscape();
    const cp = c.codePointAt(0)!;
    return [[cp, cp]];
  }
}

function hasCapture(n: Node): boolean {
  switch (n.t) {
    case 'atom':
      return false;
    case 'seq':
      return n.items.some(hasCapture);
    case 'alt':
      return n.alts.some(hasCapture);
    case 'group':
      return n.capture || hasCapture(n.body);
    case 'rep':
      return hasCapture(n.body);
  }
}

function isAtomic(n: Node): boolean {
  return (n.t === 'atom' && n.atomic) || n.t === 'group';
}

function emit(n: Node, expand: boolean): string {
  switch (n.t) {
    case 'atom':
      return n.src;
    case 'seq':
      return n.items.map((x) => emit(x, expand)).join('');
    case 'alt':
      return n.alts.map((x) => emit(x, expand)).join('|');
    case 'group':
      return `(${n.capture ? '' : '?:'}${emit(n.body, expand)})`;
    case 'rep': {
      let body = emit(n.body, expand);
      if (!isAtomic(n.body)) body = `(?:${body})`;
      const lazy = n.lazy ? '?' : '';
      const counted = n.min > 1 || (n.max !== Infinity && n.max > 1);
      if (!counted) return `${body}${n.min === 0 ? (n.max === 1 ? '?' : '*') : '+'}${lazy}`;
      if (!expand || hasCapture(n.body)) return `${body}{${n.min}${n.max === n.min ? '' : `,${n.max === Infinity ? '' : n.max}`}}${lazy}`;
      // Spell out counted repetition (the linear-time engine refuses large counts): x{2,4} → xx(?:x(?:x)?)?
      const copies = n.max === Infinity ? n.min : n.max;
      if (body.length * copies > MAX_SOURCE) bad('the pattern is too large once its repetitions are expanded');
      if (n.max === Infinity) return body.repeat(n.min - 1) + `${body}+${lazy}`;
      let optional = '';
      for (let k = n.max - n.min; k > 0; k--) optional = `(?:${body}${optional})?${lazy}`;
      return body.repeat(n.min) + optional;
    }
  }
}

/** Backtracking is safe enough when no repetition contains another repetition or an alternation. */
function safeForBacktracking(n: Node, underRepeat = false): boolean {
  switch (n.t) {
    case 'atom':
      return true;
    case 'seq':
      return n.items.every((x) => safeForBacktracking(x, underRepeat));
    case 'alt':
      return !underRepeat && n.alts.every((x) => safeForBacktracking(x, underRepeat));
    case 'group':
      return safeForBacktracking(n.body, underRepeat);
    case 'rep':
      return n.max <= 1 ? safeForBacktracking(n.body, underRepeat) : !underRepeat && safeForBacktracking(n.body, true);
  }
}

let linear: boolean | undefined;

/** Whether V8's linear-time engine (the `l` flag) is available; enabled on first use. */
function linearEngine(): boolean {
  if (linear === undefined) {
    try {
      v8.setFlagsFromString('--enable-experimental-regexp-engine');
      // eslint-disable-next-line no-invalid-regexp -- see above
      linear = new RegExp('a', 'l').flags.includes('l');
    } catch {
      linear = false;
    }
  }
  return linear;
}

const cache = new Map<string, CompiledRE2>();

/** Compile a Terraform (RE2) pattern; throws RegexError for invalid or unsupported patterns. */
export function compileRE2(pattern: string): CompiledRE2 {
  const hit = cache.get(pattern);
  if (hit) return hit;
  if (pattern.length > MAX_PATTERN) bad(`the pattern is longer than ${MAX_PATTERN} characters`);
  const parser = new Parser(Array.from(pattern));
  const ast = parser.parse();
  if (parser.lineAnchors && parser.wholeTextAnchors)
    bad('tfguard cannot combine multi-line anchors ((?m)^ or $) with whole-text anchors (\\A, \\z, ^ or $ without m) in one pattern');
  const flags = `g${parser.lineAnchors ? 'm' : ''}`;
  const src = emit(ast, true);
  let regexp: RegExp | undefined;
  if (linearEngine()) {
    try {
      regexp = new RegExp(src, `${flags}l`);
    } catch {
      regexp = undefined;
    }
  }
  if (!regexp) {
    if (!safeForBacktracking(ast)) bad('tfguard cannot match this pattern in guaranteed linear time (nested repetition); simplify it');
    try {
      regexp = new RegExp(src, flags);
    } catch (e) {
      bad((e as Error).message);
    }
  }
  const compiled = { regexp, names: parser.names };
  if (cache.size > 500) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}
