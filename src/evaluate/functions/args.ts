// Argument checking and conversion shared by the function library. Every helper throws
// FunctionError with a Terraform-like message; callFunction prefixes the function name.
import { type ObjectValue, Unknown, type Value, collectUnknowns, isObject, mergeUnknown } from '../value.js';
import { FunctionError } from './types.js';

/** The most elements a function may build (range, setproduct, chunklist of a huge list, ...). */
export const MAX_ELEMENTS = 1_024_000;
/** The most characters a function may build by repetition (format width, indent). */
export const MAX_STRING = 10_000_000;
/** How deep functions that walk values (flatten, jsonencode, jsondecode) may go. */
export const MAX_DEPTH = 256;

export function fail(message: string): never {
  throw new FunctionError(message);
}

/** Terraform's name for the kind of a value, for messages. */
export function kindOf(v: Value): string {
  if (v === null) return 'null';
  if (v instanceof Unknown) return 'unknown value';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

function invalid(param: string, what: string): never {
  fail(`invalid value for "${param}" parameter: ${what}`);
}

function notNull(v: Value, param: string): void {
  if (v === null) invalid(param, 'argument must not be null');
}

/** Render a number as Terraform does in strings: shortest digits, never an exponent. */
export function numStr(n: number): string {
  if (!Number.isFinite(n)) fail(`cannot convert ${n} to a string`);
  const s = String(n);
  if (!s.includes('e')) return s;
  const [mant, exp] = n.toExponential().split('e');
  const neg = mant!.startsWith('-');
  const digits = mant!.replace(/^-/, '').replace('.', '');
  const point = Number(exp) + 1;
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? '-' : '') + body;
}

/** A primitive converted to a string, or undefined for lists, objects and null. */
export function primitiveToString(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numStr(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

export function str(v: Value, param: string): string {
  notNull(v, param);
  const s = primitiveToString(v);
  if (s === undefined) invalid(param, `string required, got ${kindOf(v)}`);
  return s;
}

const NUMBER_TEXT = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A string spelling a number as Terraform accepts it, or undefined. */
export function parseNumber(s: string): number | undefined {
  if (!NUMBER_TEXT.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export function num(v: Value, param: string): number {
  notNull(v, param);
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = parseNumber(v);
    if (n !== undefined) return n;
    invalid(param, `a number is required, got string "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`);
  }
  invalid(param, `number required, got ${kindOf(v)}`);
}

/** A whole number that fits a safe JS integer. */
export function int(v: Value, param: string): number {
  const n = num(v, param);
  if (!Number.isInteger(n)) invalid(param, `value must be a whole number, got ${numStr(n)}`);
  if (!Number.isSafeInteger(n)) invalid(param, `value ${numStr(n)} is too large`);
  return n;
}

/** A list, set or tuple. */
export function list(v: Value, param: string): Value[] {
  notNull(v, param);
  if (!Array.isArray(v)) invalid(param, `list required, got ${kindOf(v)}`);
  return v;
}

/** A map or object. */
export function obj(v: Value, param: string): ObjectValue {
  notNull(v, param);
  if (!isObject(v)) invalid(param, `map required, got ${kindOf(v)}`);
  return v;
}

/** A list of strings: elements are converted, null elements refused. */
export function strList(v: Value, param: string): string[] {
  return list(v, param).map((e, i) => {
    const s = primitiveToString(e);
    if (s === undefined) {
      if (e === null) invalid(param, `element ${i} is null`);
      invalid(param, `element ${i}: string required, got ${kindOf(e)}`);
    }
    return s;
  });
}

export function own(o: ObjectValue, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Compare strings by Unicode code point, as Go compares UTF-8 strings. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate stands for a code point above U+FFFF: it sorts after every BMP character.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Object keys in Terraform's order (lexical). */
export function sortedKeys(o: ObjectValue): string[] {
  return Object.keys(o).sort(compareStrings);
}

/**
 * A canonical text for a known value, equal for values Terraform considers equal: used to find
 * duplicates in linear time. Unknowns get a unique key each (they equal nothing).
 */
let unknownKeys = 0;

export function valueKey(v: Value, depth = 0): string {
  if (depth > MAX_DEPTH) fail('value is nested too deeply');
  if (v instanceof Unknown) return `?${unknownKeys++}`;
  if (Array.isArray(v)) return `[${v.map((x) => valueKey(x, depth + 1)).join(',')}]`;
  if (isObject(v))
    return `{${sortedKeys(v)
      .map((k) => `${JSON.stringify(k)}:${valueKey(v[k]!, depth + 1)}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

// Made on first use: creating it loads ICU data (10-30 ms), which every start-up would pay otherwise.
let segmenterCache: Intl.Segmenter | undefined;
const segmenter = (): Intl.Segmenter => (segmenterCache ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/** Characters looked at per call of the segmenter: Intl.Segmenter takes quadratic time on long strings. */
const WINDOW = 4096;

/**
 * User-perceived characters (grapheme clusters), as Terraform counts them, in linear time: the text is segmented
 * in windows; each window's last cluster may continue past it, so the next window starts where that cluster does
 * (a cluster boundary, from which segmentation goes on exactly as over the whole text).
 */
function* clusters(s: string): Generator<string> {
  let start = 0;
  while (start < s.length) {
    let end = Math.min(s.length, start + WINDOW);
    // Never cut a surrogate pair: half a code point would end the window's clusters early.
    const before = s.charCodeAt(end - 1);
    if (end < s.length && before >= 0xd800 && before <= 0xdbff) end--;
    const window = s.slice(start, end);
    let last: { segment: string; index: number } | undefined;
    for (const seg of segmenter().segment(window)) {
      if (last) yield last.segment;
      last = seg;
    }
    if (end === s.length || last!.index === 0) {
      yield last!.segment;
      start += last!.index + last!.segment.length;
    } else start += last!.index;
  }
}

export function graphemes(s: string): string[] {
  return [...clusters(s)];
}

export function graphemeCount(s: string): number {
  let n = 0;
  for (const _ of clusters(s)) n++;
  return n;
}

/** One unknown carrying the reasons of every unknown inside the given values. */
export function unknownOf(values: readonly Value[]): Unknown {
  const all: Unknown[] = [];
  for (const v of values) collectUnknowns(v, all);
  return mergeUnknown(all);
}
