// CloudWatch Logs filter patterns compared by meaning (docs/gsl.md §3.8):
//   pattern isFilterPatternEqual('{ $.eventName = X }')          the same events, whatever the spelling
//   pattern isFilterPatternConformant('narrow' [, 'broad'])      every CIS event caught, nothing widened
// JSON patterns are parsed (filterPatternParse.ts) and compared logically (filterPatternLogic.ts);
// other patterns (`ERROR`, `[ip, user]`) are equal only when their text is, ignoring whitespace.
import { Unknown } from '../../evaluate/value.js';
import { F, T, U } from '../truth.js';
import { FilterPatternError } from './filterPatternParse.js';
import { type Pattern, compilePattern, conforms, patternsEqual } from './filterPatternLogic.js';
import type { Arg, TestFunction } from './types.js';

/** Drop whitespace outside double-quoted strings. */
export function normalizeFilterPattern(p: string): string {
  let out = '';
  let inQuote = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (inQuote) {
      out += c;
      if (c === '\\' && i + 1 < p.length) out += p[++i];
      else if (c === '"') inQuote = false;
      continue;
    }
    if (c === '"') inQuote = true;
    if (!/\s/.test(c)) out += c;
  }
  return out;
}

const CACHE_LIMIT = 2000;
const cache = new Map<string, Pattern | null>();

/** The compiled pattern, or null when the text is not a JSON filter pattern. Cached. */
export function patternOf(text: string): Pattern | null {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  let p: Pattern | null;
  try {
    p = compilePattern(text);
  } catch (e) {
    if (!(e instanceof FilterPatternError)) throw e;
    p = null;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, p);
  return p;
}

/** Are two filter patterns the same by meaning (JSON patterns) or by text (other patterns)? */
export function filterPatternsEqual(a: string, b: string): boolean {
  const pa = patternOf(a);
  const pb = patternOf(b);
  if (pa && pb) return patternsEqual(pa, pb);
  if (pa || pb) return false;
  return normalizeFilterPattern(a) === normalizeFilterPattern(b);
}

function compileArg(arg: Arg, n: number): { error: string; arg: number } | { pattern: Pattern } {
  try {
    return { pattern: compilePattern(String(arg.value)) };
  } catch (e) {
    if (!(e instanceof FilterPatternError)) throw e;
    return { error: `not a CloudWatch Logs JSON filter pattern: ${e.message} (at character ${e.offset + 1})`, arg: n };
  }
}

export const isFilterPatternEqual: TestFunction = {
  name: 'isFilterPatternEqual',
  signature: "filterPattern isFilterPatternEqual('{ $.eventName = ConsoleLogin }')",
  minArgs: 1,
  maxArgs: 1,
  argKinds: ['string'],
  receiver: 'attribute',
  kind: 'test',
  // Only the argument's text is kept: a non-JSON argument is compared as text.
  prepare: (args) => ({ state: String(args[0]!.value) }),
  test(input, state) {
    const v = input.value;
    if (v instanceof Unknown) return U;
    return typeof v === 'string' && filterPatternsEqual(v, state as string) ? T : F;
  },
};

interface ConformState {
  narrow: Pattern;
  broad: Pattern;
}

export const isFilterPatternConformant: TestFunction = {
  name: 'isFilterPatternConformant',
  signature: "pattern isFilterPatternConformant('{ narrowest CIS version }', '{ broadest CIS version }')",
  minArgs: 1,
  maxArgs: 2,
  argKinds: ['string'],
  receiver: 'attribute',
  kind: 'test',
  prepare(args) {
    const narrow = compileArg(args[0]!, 0);
    if ('error' in narrow) return narrow;
    const broad = args[1] ? compileArg(args[1], 1) : narrow;
    if ('error' in broad) return broad;
    return { state: { narrow: narrow.pattern, broad: broad.pattern } satisfies ConformState };
  },
  test(input, state) {
    const v = input.value;
    if (v instanceof Unknown) return U;
    if (typeof v !== 'string') return F;
    const p = patternOf(v);
    const st = state as ConformState;
    return p && conforms(p, st.narrow, st.broad) ? T : F;
  },
};
