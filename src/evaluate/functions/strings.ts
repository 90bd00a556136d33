// String functions. Characters are grapheme clusters where Terraform counts them so.
import type { Value } from '../value.js';
import { MAX_STRING, fail, graphemes, int, kindOf, list, primitiveToString, str } from './args.js';
import { compileRE2, replaceAll } from './regex.js';
import type { FunctionSpec } from './types.js';

function join(args: Value[]): Value {
  const sep = str(args[0]!, 'separator');
  const lists = args.slice(1);
  const items: string[] = [];
  lists.forEach((l, li) => {
    list(l, 'lists').forEach((v, i) => {
      const where = lists.length > 1 ? `element ${i} of list ${li + 1}` : `element ${i}`;
      if (v === null) fail(`${where} is null; cannot concatenate null values`);
      const s = primitiveToString(v);
      if (s === undefined) fail(`${where}: string required, got ${kindOf(v)}`);
      items.push(s);
    });
  });
  return items.join(sep);
}

function split([sep, s]: Value[]): Value {
  const separator = str(sep!, 'separator');
  const text = str(s!, 'str');
  // An empty separator splits between code points (Go splits UTF-8 sequences).
  return separator === '' ? Array.from(text) : text.split(separator);
}

function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}_]/u.test(c) || (c.charCodeAt(0) > 0x7f && !/\s/u.test(c));
}

/** Upper-case the first letter of each word, where words are separated as Go's strings.Title does. */
function title([s]: Value[]): Value {
  let prev = ' ';
  let out = '';
  for (const c of str(s!, 'str')) {
    out += isWordChar(prev) ? c : c.toUpperCase();
    prev = c;
  }
  return out;
}

function trim([s, cut]: Value[]): Value {
  const text = Array.from(str(s!, 'str'));
  const cutset = new Set(Array.from(str(cut!, 'cutset')));
  let a = 0;
  let b = text.length;
  while (a < b && cutset.has(text[a]!)) a++;
  while (b > a && cutset.has(text[b - 1]!)) b--;
  return text.slice(a, b).join('');
}

function trimprefix([s, p]: Value[]): Value {
  const text = str(s!, 'str');
  const prefix = str(p!, 'prefix');
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

function trimsuffix([s, p]: Value[]): Value {
  const text = str(s!, 'str');
  const suffix = str(p!, 'suffix');
  return suffix !== '' && text.endsWith(suffix) ? text.slice(0, text.length - suffix.length) : text;
}

/** Go's strings.TrimSpace: Unicode white space at both ends. */
function trimspace([s]: Value[]): Value {
  return str(s!, 'str').replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}

function indent([n, s]: Value[]): Value {
  const spaces = int(n!, 'spaces');
  const text = str(s!, 'str');
  if (spaces < 0) fail('invalid value for "spaces" parameter: must not be negative');
  const lines = text.split('\n');
  if (spaces * lines.length + text.length > MAX_STRING) fail(`the result would be longer than ${MAX_STRING} characters`);
  return lines.join(`\n${' '.repeat(spaces)}`);
}

function substr([s, o, l]: Value[]): Value {
  const chars = graphemes(str(s!, 'str'));
  let offset = int(o!, 'offset');
  const length = int(l!, 'length');
  if (offset < 0) offset = Math.max(0, offset + chars.length);
  if (offset >= chars.length || length === 0) return '';
  return chars.slice(offset, length < 0 ? undefined : offset + length).join('');
}

/** `replace`: a substring wrapped in slashes is a regular expression, with `$1` / `${name}` in the replacement. */
function replace([s, f, r]: Value[]): Value {
  const text = str(s!, 'str');
  const search = str(f!, 'substr');
  const replacement = str(r!, 'replace');
  if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
    return replaceAll(compileRE2(search.slice(1, -1)), text, replacement);
  }
  if (search === '')
    return (
      Array.from(text)
        .map((c) => replacement + c)
        .join('') + replacement
    );
  return text.split(search).join(replacement);
}

function strFn(f: (s: string) => Value, param = 'str'): FunctionSpec {
  return { fn: ([s]) => f(str(s!, param)), minArgs: 1, maxArgs: 1 };
}

function str2(f: (a: string, b: string) => Value, p1: string, p2: string): FunctionSpec {
  return { fn: ([a, b]) => f(str(a!, p1), str(b!, p2)), minArgs: 2, maxArgs: 2 };
}

export const stringFunctions: Record<string, FunctionSpec> = {
  join: { fn: join, minArgs: 2, maxArgs: Infinity },
  split: { fn: split, minArgs: 2, maxArgs: 2 },
  lower: strFn((s) => s.toLowerCase()),
  upper: strFn((s) => s.toUpperCase()),
  title: { fn: title, minArgs: 1, maxArgs: 1 },
  chomp: strFn((s) => s.replace(/(?:\r\n?|\n)+$/, '')),
  strrev: strFn((s) => graphemes(s).reverse().join('')),
  trim: { fn: trim, minArgs: 2, maxArgs: 2 },
  trimprefix: { fn: trimprefix, minArgs: 2, maxArgs: 2 },
  trimsuffix: { fn: trimsuffix, minArgs: 2, maxArgs: 2 },
  trimspace: { fn: trimspace, minArgs: 1, maxArgs: 1 },
  startswith: str2((s, p) => s.startsWith(p), 'str', 'prefix'),
  endswith: str2((s, p) => s.endsWith(p), 'str', 'suffix'),
  strcontains: str2((s, p) => s.includes(p), 'str', 'substr'),
  indent: { fn: indent, minArgs: 2, maxArgs: 2 },
  substr: { fn: substr, minArgs: 3, maxArgs: 3 },
  replace: { fn: replace, minArgs: 3, maxArgs: 3 },
};
