// JSON, base64, URL encoding and hashes.
import { BudgetError, jsonDepth } from '../budget.js';
import { limits } from '../../common/limits.js';
import { createHash } from 'node:crypto';
import { Unknown, type Value, collectUnknowns, containsUnknown, fromJSON, isObject, mergeUnknown } from '../value.js';
import { MAX_DEPTH, fail, numStr, sortedKeys, str } from './args.js';
import type { FunctionSpec } from './types.js';

/** Go's JSON string escaping: like JSON.stringify, plus <, >, & and U+2028/U+2029 as \u escapes. */
function quote(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON as Terraform's jsonencode writes it: object keys sorted, no spaces, numbers without exponent. */
export function jsonEncode(v: Value, depth = 0): string {
  if (depth > MAX_DEPTH) fail('value is nested too deeply to encode');
  if (v === null) return 'null';
  if (v instanceof Unknown) fail('cannot encode an unknown value');
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return numStr(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map((x) => jsonEncode(x, depth + 1)).join(',')}]`;
  if (isObject(v))
    return `{${sortedKeys(v)
      .map((k) => `${quote(k)}:${jsonEncode(v[k]!, depth + 1)}`)
      .join(',')}}`;
  fail('cannot encode this value');
}

/** jsonencode: the JSON text, or, when parts are unknown, an unknown (present, not empty) that keeps the value. */
function encodeKnown(v: Value): Value {
  if (!containsUnknown(v)) return jsonEncode(v);
  const u = mergeUnknown(collectUnknowns(v), true);
  u.decoded = v;
  return u;
}

/** Refuse JSON nested deeper than --max-depth before parsing it (the walk that follows is recursive): a budget. */
function checkDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limits().maxDepth) throw new BudgetError('maxDepth', `JSON nested more than ${limits().maxDepth} deep`);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

function jsondecode([s]: Value[]): Value {
  const text = str(s!, 'str');
  checkDepth(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    fail(`invalid JSON: ${(e as Error).message}`);
  }
  return fromJSON(parsed, jsonDepth());
}

function base64decode([s]: Value[]): Value {
  const text = str(s!, 'str').replace(/[\r\n]/g, '');
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) fail('failed to decode base64 data: the string is not valid base64');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'base64'));
  } catch {
    fail('the result of decoding the provided string is not valid UTF-8');
  }
}

/** Go's url.QueryEscape: unreserved characters kept, space as +, everything else %XX. */
function urlencode([s]: Value[]): Value {
  let out = '';
  for (const b of Buffer.from(str(s!, 'str'), 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (b === 0x20) out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const UUID_NAMESPACES: Record<string, string> = {
  dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};

/** A name-based (SHA-1) UUID, RFC 4122 version 5. */
function uuidv5([n, name]: Value[]): Value {
  const given = str(n!, 'namespace');
  const ns = Object.prototype.hasOwnProperty.call(UUID_NAMESPACES, given) ? UUID_NAMESPACES[given]! : given;
  if (!/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(ns))
    fail(`uuidv5() doesn't support namespace prefix ${JSON.stringify(given)}`);
  const hash = createHash('sha1')
    .update(Buffer.from(ns.replace(/-/g, ''), 'hex'))
    .update(str(name!, 'name'), 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function hashFn(algorithm: string, encoding: 'hex' | 'base64'): FunctionSpec {
  return { fn: ([s]) => createHash(algorithm).update(str(s!, 'str'), 'utf8').digest(encoding), minArgs: 1, maxArgs: 1 };
}

export const encodingFunctions: Record<string, FunctionSpec> = {
  jsonencode: { fn: ([v]) => encodeKnown(v!), minArgs: 1, maxArgs: 1, handlesUnknown: true },
  jsondecode: { fn: jsondecode, minArgs: 1, maxArgs: 1 },
  base64encode: { fn: ([s]) => Buffer.from(str(s!, 'str'), 'utf8').toString('base64'), minArgs: 1, maxArgs: 1 },
  base64decode: { fn: base64decode, minArgs: 1, maxArgs: 1 },
  urlencode: { fn: urlencode, minArgs: 1, maxArgs: 1 },
  uuidv5: { fn: uuidv5, minArgs: 2, maxArgs: 2 },
  md5: hashFn('md5', 'hex'),
  sha1: hashFn('sha1', 'hex'),
  sha256: hashFn('sha256', 'hex'),
  sha512: hashFn('sha512', 'hex'),
  base64sha256: hashFn('sha256', 'base64'),
  base64sha512: hashFn('sha512', 'base64'),
};
