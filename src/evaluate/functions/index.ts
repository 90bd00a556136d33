// The Terraform function library: lookup, arity, unknown propagation, errors.
import { BudgetError } from '../budget.js';
import { type Value, containsUnknown, unknown } from '../value.js';
import { unknownOf } from './args.js';
import { collectionFunctions } from './collections.js';
import { conversionFunctions } from './conversions.js';
import { encodingFunctions } from './encoding.js';
import { formatFunctions } from './format.js';
import { networkFunctions } from './network.js';
import { numberFunctions } from './numbers.js';
import { regexFunctions } from './regex.js';
import { setFunctions } from './sets.js';
import { stringFunctions } from './strings.js';
import { FunctionError, type FunctionSpec } from './types.js';
import { UNEVALUATED_FUNCTIONS, unevaluatedReason } from './unevaluated.js';

export { FunctionError, UNEVALUATED_FUNCTIONS };
export type { FunctionSpec };

export const functions: ReadonlyMap<string, FunctionSpec> = new Map(
  Object.entries({
    ...collectionFunctions,
    ...setFunctions,
    ...conversionFunctions,
    ...stringFunctions,
    ...numberFunctions,
    ...encodingFunctions,
    ...formatFunctions,
    ...regexFunctions,
    ...networkFunctions,
  }),
);

function arityMessage(name: string, spec: FunctionSpec, got: number): string {
  const { minArgs: min, maxArgs: max } = spec;
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  const expected =
    min === max
      ? plural(min)
      : max === Infinity
        ? `at least ${plural(min)}`
        : max === min + 1
          ? `${min} or ${plural(max)}`
          : `${min} to ${plural(max)}`;
  return `${name}() takes ${expected}, got ${got}`;
}

/**
 * Call a Terraform function on evaluated arguments. Unknown and provider functions, and those
 * tfguard does not evaluate, give an unknown value; invalid input throws FunctionError (and
 * nothing else) with a message starting with the function name.
 */
export function callFunction(name: string, args: Value[]): Value {
  const skipped = unevaluatedReason(name);
  if (skipped !== undefined) return unknown({ kind: 'function', name, detail: skipped });
  const spec = functions.get(name);
  if (!spec) return unknown({ kind: 'function', name });
  if (args.length < spec.minArgs || args.length > spec.maxArgs) throw new FunctionError(arityMessage(name, spec, args.length));
  if (!spec.handlesUnknown && args.some(containsUnknown)) return unknownOf(args);
  try {
    return spec.fn(args);
  } catch (e) {
    if (e instanceof FunctionError) throw new FunctionError(`${name}(): ${e.message}`);
    // The engine's stack or length limit, or a budget: reported as such by the evaluator (budget.ts).
    if (e instanceof RangeError || e instanceof BudgetError) throw e;
    // A guard missed: a stack overflow or a string too long for the engine. Still a clean error.
    throw new FunctionError(`${name}(): ${e instanceof Error ? e.message : String(e)}`);
  }
}
