// regex, regexall, and the regular-expression form of replace, with Go's matching rules.
import { type Value, newObject } from '../value.js';
import { MAX_ELEMENTS, fail, str } from './args.js';
import { type CompiledRE2, RegexError, compileRE2 as compile } from '../../common/re2/compile.js';
import type { FunctionSpec } from './types.js';

/** Compile a Terraform pattern; an invalid or refused one is the function's error, as Terraform reports it. */
export function compileRE2(pattern: string): CompiledRE2 {
  try {
    return compile(pattern);
  } catch (e) {
    if (e instanceof RegexError) fail(e.message);
    throw e;
  }
}

/**
 * All non-overlapping matches, as Go finds them: an empty match right after the previous match
 * is skipped, and the search moves on by one character after an empty match.
 */
export function findAll(c: CompiledRE2, text: string, limit = MAX_ELEMENTS): RegExpExecArray[] {
  const re = c.regexp;
  const out: RegExpExecArray[] = [];
  let pos = 0;
  let prevEnd = -1;
  while (pos <= text.length && out.length < limit) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) break;
    const end = m.index + m[0].length;
    let accept = true;
    if (end === pos || m[0].length === 0) {
      if (m.index === prevEnd) accept = false;
      const cp = text.codePointAt(m.index);
      pos = m.index + (cp !== undefined && cp > 0xffff ? 2 : 1);
    } else pos = end;
    prevEnd = end;
    if (accept) out.push(m);
  }
  return out;
}

function resultOf(c: CompiledRE2, m: RegExpExecArray): Value {
  const named = c.names.filter((n) => n !== undefined).length;
  if (c.names.length === 0) return m[0];
  if (named === 0) return c.names.map((_, i) => m[i + 1] ?? null);
  const o = newObject();
  c.names.forEach((n, i) => (o[n!] = m[i + 1] ?? null));
  return o;
}

function checkGroups(c: CompiledRE2): void {
  const named = c.names.filter((n) => n !== undefined).length;
  if (named > 0 && named < c.names.length) fail('invalid regexp pattern: cannot mix both named and unnamed capture groups');
}

function regex([p, s]: Value[]): Value {
  const c = compileRE2(str(p!, 'pattern'));
  checkGroups(c);
  const [m] = findAll(c, str(s!, 'string'), 1);
  if (!m) fail('pattern did not match any part of the given string');
  return resultOf(c, m);
}

function regexall([p, s]: Value[]): Value {
  const c = compileRE2(str(p!, 'pattern'));
  checkGroups(c);
  return findAll(c, str(s!, 'string')).map((m) => resultOf(c, m));
}

/** Go's template expansion: `$1`, `${1}`, `$name`, `${name}`, `$$`; unknown groups expand to "". */
function expand(template: string, c: CompiledRE2, m: RegExpExecArray): string {
  return template.replace(/\$(?:\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))?/g, (whole, braced?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = braced ?? bare;
    if (name === undefined) return '$';
    const index = /^\d+$/.test(name) ? Number(name) : c.names.indexOf(name) + 1;
    if (index === 0 && name !== '0') return '';
    return (index <= c.names.length ? m[index] : undefined) ?? '';
  });
}

export function replaceAll(c: CompiledRE2, text: string, template: string): string {
  let out = '';
  let last = 0;
  for (const m of findAll(c, text)) {
    out += text.slice(last, m.index) + expand(template, c, m);
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}

export const regexFunctions: Record<string, FunctionSpec> = {
  regex: { fn: regex, minArgs: 2, maxArgs: 2 },
  regexall: { fn: regexall, minArgs: 2, maxArgs: 2 },
};
