// format and formatlist: Terraform's printf-like verbs, with Go's number formatting.
import { Unknown, type Value, containsUnknown } from '../value.js';
import {
  MAX_ELEMENTS,
  MAX_STRING,
  fail,
  graphemeCount,
  graphemes,
  kindOf,
  parseNumber,
  primitiveToString,
  str,
  unknownOf,
} from './args.js';
import { jsonEncode } from './encoding.js';
import type { FunctionSpec } from './types.js';

const MAX_WIDTH = 10_000;

interface Verb {
  raw: string;
  offset: number;
  flags: string;
  width: number;
  prec: number;
  verb: string;
}

const VERB = /%([-+ #0]*)(?:\[(\d+)\])?(\d+)?(?:\.(\d*))?(?:\[(\d+)\])?(.?)/y;

function goExponent(e: number, upper: boolean): string {
  const a = Math.abs(e);
  return `${upper ? 'E' : 'e'}${e < 0 ? '-' : '+'}${a < 10 ? '0' : ''}${a}`;
}

/** Significant digits and Go's decimal point position: x = 0.d1d2… × 10^dp. */
function digitsOf(x: number, sig?: number): { digits: string; dp: number } {
  if (x === 0) return { digits: '0', dp: 1 };
  const [mant, exp] = (sig === undefined ? x.toExponential() : x.toExponential(Math.min(sig - 1, 100))).split('e');
  return { digits: mant!.replace('.', ''), dp: Number(exp) + 1 };
}

function fixed(x: number, prec: number): string {
  const p = Math.min(prec, 100);
  const body = x < 1e21 ? x.toFixed(p) : `${BigInt(x).toString()}${p > 0 ? `.${'0'.repeat(p)}` : ''}`;
  return body + '0'.repeat(prec - p);
}

function exponential(x: number, prec: number | undefined, upper: boolean): string {
  const { digits, dp } = digitsOf(x, prec === undefined ? undefined : prec + 1);
  const mant = digits.length > 1 || (prec ?? 0) > 0 ? `${digits[0]}.${digits.slice(1).padEnd(prec ?? 0, '0')}` : digits;
  return mant + goExponent(x === 0 ? 0 : dp - 1, upper);
}

/** Go's %g: shortest representation by default, %e for large or small exponents. */
function general(x: number, prec: number, upper: boolean): string {
  const shortest = prec < 0;
  const p = prec === 0 ? 1 : prec;
  const d = digitsOf(x, shortest ? undefined : p);
  const digits = d.digits.replace(/(?<=.)0+$/, '');
  const dp = d.dp;
  let eprec = shortest ? 6 : p;
  if (!shortest && eprec > digits.length && digits.length >= dp) eprec = digits.length;
  const exp = dp - 1;
  if (x !== 0 && (exp < -4 || exp >= eprec)) return exponential(x, digits.length - 1, upper);
  return fixed(x, Math.max(digits.length - dp, 0));
}

function pad(v: Verb, s: string, numeric: boolean): string {
  const len = graphemeCount(s);
  if (v.width < 0 || len >= v.width) return s;
  const n = v.width - len;
  if (v.flags.includes('-')) return s + ' '.repeat(n);
  if (v.flags.includes('0') && !(numeric && v.prec >= 0 && 'bdoxX'.includes(v.verb))) {
    const sign = numeric && /^[-+ ]/.test(s) ? s[0]! : '';
    return sign + '0'.repeat(n) + s.slice(sign.length);
  }
  return ' '.repeat(n) + s;
}

function toNumber(v: Verb, arg: Value): number {
  if (typeof arg === 'number') return arg;
  const n = typeof arg === 'string' ? parseNumber(arg) : undefined;
  if (n === undefined) fail(`unsupported value for ${JSON.stringify(v.raw)} at ${v.offset}: a number is required, got ${kindOf(arg)}`);
  return n;
}

function formatNumber(v: Verb, arg: Value): string {
  const x = toNumber(v, arg);
  const neg = x < 0;
  const a = Math.abs(x);
  let body: string;
  if ('bdoxX'.includes(v.verb)) {
    if (!Number.isInteger(x)) fail(`unsupported value for ${JSON.stringify(v.raw)} at ${v.offset}: an integer is required`);
    const base = { b: 2, d: 10, o: 8, x: 16, X: 16 }[v.verb as 'b']!;
    body = BigInt(a).toString(base);
    if (v.verb === 'X') body = body.toUpperCase();
    if (v.prec >= 0) body = body.padStart(v.prec, '0');
    if (v.flags.includes('#')) body = ({ b: '0b', d: '', o: '0', x: '0x', X: '0X' }[v.verb as 'b'] ?? '') + body;
  } else if (v.verb === 'f') body = fixed(a, v.prec < 0 ? 6 : v.prec);
  else if (v.verb === 'e' || v.verb === 'E') body = exponential(a, v.prec < 0 ? 6 : v.prec, v.verb === 'E');
  else body = general(a, v.prec, v.verb === 'G');
  const sign = neg ? '-' : v.flags.includes('+') ? '+' : v.flags.includes(' ') ? ' ' : '';
  return pad(v, sign + body, true);
}

function formatString(v: Verb, arg: Value): string {
  let s = primitiveToString(arg);
  if (s === undefined) fail(`unsupported value for ${JSON.stringify(v.raw)} at ${v.offset}: string required, got ${kindOf(arg)}`);
  if (v.prec >= 0) s = graphemes(s).slice(0, v.prec).join('');
  return pad(v, v.verb === 'q' ? jsonEncode(s) : s, false);
}

function formatOne(v: Verb, arg: Value): string {
  if (v.verb === 'v') {
    if (v.flags.includes('#') || arg === null) return pad(v, jsonEncode(arg), false);
    if (typeof arg === 'string') return pad(v, arg, false);
    if (typeof arg === 'number') return pad(v, (arg < 0 ? '-' : '') + general(Math.abs(arg), -1, false), false);
    return pad(v, jsonEncode(arg), false);
  }
  if (arg === null) fail(`unsupported value for ${JSON.stringify(v.raw)} at ${v.offset}: null value cannot be formatted`);
  switch (v.verb) {
    case 't':
      if (arg === true || arg === 'true') return pad(v, 'true', false);
      if (arg === false || arg === 'false') return pad(v, 'false', false);
      fail(`unsupported value for ${JSON.stringify(v.raw)} at ${v.offset}: bool required, got ${kindOf(arg)}`);
    // eslint-disable-next-line no-fallthrough
    case 's':
    case 'q':
      return formatString(v, arg);
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G':
      return formatNumber(v, arg);
    default:
      fail(`unsupported format verb ${JSON.stringify(v.verb)} in ${JSON.stringify(v.raw)} at offset ${v.offset}`);
  }
}

/** Format known values; every argument must be known. */
export function formatValues(format: string, args: Value[]): string {
  let out = '';
  let next = 0;
  let used = 0;
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    if (format[pct + 1] === '%') {
      out += '%';
      i = pct + 2;
      continue;
    }
    VERB.lastIndex = pct;
    const m = VERB.exec(format)!;
    i = VERB.lastIndex;
    const [raw, flags, idx1, width, prec, idx2, verb] = m;
    if (verb === '') fail(`invalid format string starting at offset ${pct}`);
    const width_ = width === undefined ? -1 : Number(width);
    const prec_ = prec === undefined ? -1 : Number(prec || '0');
    if (width_ > MAX_WIDTH || prec_ > MAX_WIDTH) fail(`width or precision in ${JSON.stringify(raw)} is larger than ${MAX_WIDTH}`);
    const explicit = idx2 ?? idx1;
    const argNum = explicit === undefined ? next + 1 : Number(explicit);
    if (argNum < 1 || argNum > args.length)
      fail(`not enough arguments for ${JSON.stringify(raw)} at ${pct}: need index ${argNum} but have ${args.length} total`);
    next = argNum;
    used = Math.max(used, argNum);
    out += formatOne({ raw: raw!, offset: pct, flags: flags!, width: width_, prec: prec_, verb: verb! }, args[argNum - 1]!);
    if (out.length > MAX_STRING) fail(`the result would be longer than ${MAX_STRING} characters`);
  }
  if (used < args.length)
    fail(used === 0 ? 'too many arguments; no verbs in format string' : `too many arguments; only ${used} used by format string`);
  return out;
}

function format([f, ...args]: Value[]): Value {
  return formatValues(str(f!, 'format'), args);
}

function formatlist([f, ...args]: Value[]): Value {
  if (f instanceof Unknown) return unknownOf([f, ...args]);
  const fmt = str(f!, 'format');
  let length = -1;
  let lengthArg = 0;
  args.forEach((a, i) => {
    if (!Array.isArray(a)) return;
    if (length >= 0 && a.length !== length)
      fail(`argument ${i + 1} has length ${a.length}, which is inconsistent with argument ${lengthArg} of length ${length}`);
    length = a.length;
    lengthArg = i + 1;
  });
  const whole = args.filter((a) => a instanceof Unknown);
  if (whole.length) return unknownOf(whole);
  if (length > MAX_ELEMENTS) fail(`more than ${MAX_ELEMENTS} elements`);
  const out: Value[] = [];
  let total = 0;
  for (let k = 0; k < Math.max(length, length < 0 ? 1 : 0); k++) {
    const row = args.map((a) => (Array.isArray(a) ? a[k]! : a));
    // One unknown argument makes this element unknown, not the whole list.
    if (row.some(containsUnknown)) {
      out.push(unknownOf(row));
      continue;
    }
    let s: string;
    try {
      s = formatValues(fmt, row);
    } catch (e) {
      fail(`error on format iteration ${k}: ${(e as Error).message}`);
    }
    total += s.length;
    if (total > MAX_STRING) fail(`the result would be longer than ${MAX_STRING} characters`);
    out.push(s);
  }
  return out;
}

export const formatFunctions: Record<string, FunctionSpec> = {
  format: { fn: format, minArgs: 1, maxArgs: Infinity },
  formatlist: { fn: formatlist, minArgs: 1, maxArgs: Infinity, handlesUnknown: true },
};
