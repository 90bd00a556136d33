// Code point sets for the RE2 translator: ranges, case folding, and their rendering as JavaScript
// regular expression source without the `u` flag (the linear-time engine does not support it), so
// characters above U+FFFF become surrogate pairs.
import { fail } from './error.js';

export type Range = [number, number];
const MAX_CP = 0x10ffff;

export function normalize(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: Range[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function complement(ranges: Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [a, b] of normalize(ranges)) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

/** Add the simple upper- and lower-case variants of every character (ranges above 5000 characters: ASCII letters only). */
export function foldCase(ranges: Range[]): Range[] {
  const extra: Range[] = [];
  for (const [a, b] of ranges) {
    if (b - a > 5000) {
      if (a <= 0x7a && b >= 0x41) {
        for (let c = Math.max(a, 0x41); c <= Math.min(b, 0x7a); c++) addVariants(c, extra);
      }
      continue;
    }
    for (let c = a; c <= b; c++) addVariants(c, extra);
  }
  return normalize([...ranges, ...extra]);
}

function addVariants(c: number, out: Range[]): void {
  const s = String.fromCodePoint(c);
  for (const v of [s.toLowerCase(), s.toUpperCase()]) {
    const cp = v.codePointAt(0)!;
    if (v.length === String.fromCodePoint(cp).length && cp !== c) out.push([cp, cp]);
  }
}

export const DIGIT: Range[] = [[0x30, 0x39]];
export const WORD: Range[] = normalize([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);
/** RE2's \s is ASCII only: tab, newline, form feed, carriage return, space. */
export const SPACE: Range[] = [
  [0x09, 0x0a],
  [0x0c, 0x0d],
  [0x20, 0x20],
];

const POSIX: Record<string, Range[]> = {
  alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  ascii: [[0, 0x7f]],
  blank: [
    [0x09, 0x09],
    [0x20, 0x20],
  ],
  cntrl: [
    [0, 0x1f],
    [0x7f, 0x7f],
  ],
  digit: DIGIT,
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e],
  ],
  space: [
    [0x09, 0x0d],
    [0x20, 0x20],
  ],
  upper: [[0x41, 0x5a]],
  word: WORD,
  xdigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66],
  ],
};

export function posixClass(name: string): Range[] {
  const r = Object.prototype.hasOwnProperty.call(POSIX, name) ? POSIX[name] : undefined;
  if (!r) fail(`invalid regexp pattern: invalid character class range [:${name}:]`);
  return r;
}

const propertyCache = new Map<string, Range[]>();

/** A Unicode class (`\pL`, `\p{Greek}`), computed once by asking the host's Unicode tables. */
export function unicodeClass(name: string): Range[] {
  const cached = propertyCache.get(name);
  if (cached) return cached;
  if (!/^[A-Za-z_]{1,40}$/.test(name)) fail(`invalid regexp pattern: invalid character class range \\p{${name}}`);
  let test: RegExp;
  try {
    test = name === 'Any' ? /[^]/u : new RegExp(`^\\p{${name.length <= 2 ? name : `Script=${name}`}}$`, 'u');
  } catch {
    fail(`invalid regexp pattern: invalid character class range \\p{${name}}`);
  }
  const out: Range[] = [];
  let start = -1;
  for (let c = 0; c <= MAX_CP + 1; c++) {
    const inside = c <= MAX_CP && (c < 0xd800 || c > 0xdfff) && test.test(String.fromCodePoint(c));
    if (inside && start < 0) start = c;
    if (!inside && start >= 0) {
      out.push([start, c - 1]);
      start = -1;
    }
  }
  propertyCache.set(name, out);
  return out;
}

function hex4(n: number): string {
  return `\\u${n.toString(16).padStart(4, '0')}`;
}

/** One code point as JS source (a surrogate pair above U+FFFF). */
export function literalSource(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return String.fromCharCode(cp);
  if (cp < 0x10000) return hex4(cp);
  const s = String.fromCodePoint(cp);
  return hex4(s.charCodeAt(0)) + hex4(s.charCodeAt(1));
}

function surrogates(cp: number): [number, number] {
  const s = String.fromCodePoint(cp);
  return [s.charCodeAt(0), s.charCodeAt(1)];
}

/** Alternatives matching the surrogate pairs of code points in [a, b] (both above U+FFFF). */
function astralAlternatives(a: number, b: number): string[] {
  const [ha, la] = surrogates(a);
  const [hb, lb] = surrogates(b);
  if (ha === hb) return [`${hex4(ha)}[${hex4(la)}-${hex4(lb)}]`];
  const out = [`${hex4(ha)}[${hex4(la)}-\\udfff]`];
  if (hb - ha > 1) out.push(`[${hex4(ha + 1)}-${hex4(hb - 1)}][\\udc00-\\udfff]`);
  out.push(`${hex4(hb)}[\\udc00-${hex4(lb)}]`);
  return out;
}

/** A set of code points as JS source; `atomic` tells whether it can take a quantifier as is. */
export function classSource(ranges: Range[]): { src: string; atomic: boolean } {
  const bmp: string[] = [];
  const astral: string[] = [];
  for (const [a, b] of normalize(ranges)) {
    for (const [x, y] of [
      [a, Math.min(b, 0xd7ff)],
      [Math.max(a, 0xe000), Math.min(b, 0xffff)],
    ] as Range[]) {
      if (x <= y) bmp.push(x === y ? hex4(x) : `${hex4(x)}-${hex4(y)}`);
    }
    if (b >= 0x10000) astral.push(...astralAlternatives(Math.max(a, 0x10000), b));
  }
  const cls = `[${bmp.join('')}]`;
  if (astral.length === 0) return { src: cls, atomic: true };
  return { src: `(?:${[...astral, ...(bmp.length ? [cls] : [])].join('|')})`, atomic: true };
}
