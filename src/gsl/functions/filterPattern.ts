// isFilterPatternEqual('{ $.eventName = X }'): is a CloudWatch Logs filter pattern the same as the
// given one? For now two patterns are the same when they are equal text outside of string quotes,
// ignoring whitespace. Comparison by meaning (operand order, parentheses) is a separate module that
// will replace this function in the registry under the same name.
import { Unknown } from '../../evaluate/value.js';
import { F, T, U } from '../truth.js';
import type { TestFunction } from './types.js';

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

export const isFilterPatternEqual: TestFunction = {
  name: 'isFilterPatternEqual',
  signature: "filterPattern isFilterPatternEqual('{ $.eventName = ConsoleLogin }')",
  minArgs: 1,
  maxArgs: 1,
  argKinds: ['string'],
  receiver: 'attribute',
  kind: 'test',
  prepare: (args) => ({ state: normalizeFilterPattern(String(args[0]!.value)) }),
  test(input, state) {
    const v = input.value;
    if (v instanceof Unknown) return U;
    return typeof v === 'string' && normalizeFilterPattern(v) === state ? T : F;
  },
};
