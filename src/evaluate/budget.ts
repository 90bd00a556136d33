// Budgets instead of hangs (issue 12): what one scan spends on the scanned code is bounded. Each limit, when reached,
// makes the value unknown with the limit as its reason and gives one diagnostic at the expression, naming the limit
// and the command-line flag that raises it; the rest of the scan goes on. The limits come from the flags (src/scan/
// options.ts, only from the command line: a scanned repository's .tfguard.yaml cannot raise them) through
// ProjectOptions.limits, and hold for the load that sets them (one at a time per thread: useLimits at its start).
import { EvalError } from './convert.js';
import { type JsonDepth, Unknown, type Value, isObject } from './value.js';

export interface Limits {
  /** Nesting of expressions, templates and JSON values (plans, .tf.json, snapshots, CloudTrail records). */
  maxDepth: number;
  /** Characters in one string value. */
  maxStringLength: number;
  /** Elements in one value, counted through every nested list and object. */
  maxCollectionSize: number;
  /** Instances of one resource or module block (count, for_each). */
  maxInstances: number;
  /** Expression evaluation steps in one module instance. */
  maxEvalSteps: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxDepth: 500,
  maxStringLength: 16 * 1024 * 1024,
  maxCollectionSize: 1_000_000,
  maxInstances: 10_000,
  maxEvalSteps: 20_000_000,
};

/** The flag that raises each limit (its row in src/scan/options.ts). */
export const LIMIT_FLAGS: Readonly<Record<keyof Limits, string>> = {
  maxDepth: '--max-depth',
  maxStringLength: '--max-string-length',
  maxCollectionSize: '--max-collection-size',
  maxInstances: '--max-instances',
  maxEvalSteps: '--max-eval-steps',
};

const WHAT: Readonly<Record<keyof Limits, string>> = {
  maxDepth: 'nesting depth',
  maxStringLength: 'string length',
  maxCollectionSize: 'collection size',
  maxInstances: 'instance count',
  maxEvalSteps: 'evaluation steps per module',
};

let current: Limits = { ...DEFAULT_LIMITS };

/** Set the limits of the load about to run (undefined fields: the defaults). */
export function useLimits(limits: Partial<Limits> | undefined): void {
  current = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(limits ?? {})) if (typeof v === 'number' && v > 0) current[k as keyof Limits] = v;
}

export function limits(): Readonly<Limits> {
  return current;
}

/**
 * A limit was reached: the message says which, how far, and the flag that raises it. An EvalError, so that every
 * place that turns evaluation errors into unknowns handles it; try() and can() pass it on (it is no error of the code).
 */
export class BudgetError extends EvalError {
  override name = 'BudgetError';
  constructor(
    readonly limit: keyof Limits,
    detail: string,
  ) {
    super(`${detail}, over the ${WHAT[limit]} limit of ${current[limit]}; raise it with ${LIMIT_FLAGS[limit]}`);
  }
}

/** The hint every budget diagnostic carries. */
export function budgetHint(e: BudgetError): string {
  return `the value is unknown and checks that need it give no finding; ${LIMIT_FLAGS[e.limit]} N raises the limit`;
}

/** The unknown a budget leaves behind, with the limit as its reason. */
export function budgetUnknown(e: BudgetError): Unknown {
  return new Unknown([{ kind: 'expression', detail: `limit reached: ${e.message}` }]);
}

// Sizes of lists and objects, counted with multiplicity (a list holding the same list twice counts it twice: that is
// what any walk over it costs), cached per object so that sharing never makes the count itself exponential.
const sizes = new WeakMap<object, number>();

/** Elements of a value, all levels counted (a scalar is 1). Stops counting past the limit. */
export function valueSize(v: Value): number {
  if (v === null || typeof v !== 'object' || v instanceof Unknown) return 1;
  const cached = sizes.get(v);
  if (cached !== undefined) return cached;
  const max = current.maxCollectionSize;
  let n = 1;
  const items = Array.isArray(v) ? v : isObject(v) ? Object.values(v) : [];
  for (const x of items) {
    n += valueSize(x);
    if (n > max) break;
  }
  sizes.set(v, n);
  return n;
}

/** Throws when `v` is larger than the collection-size limit or, for a string, the string-length limit. */
export function checkSize(v: Value): Value {
  if (typeof v === 'string') {
    if (v.length > current.maxStringLength) throw new BudgetError('maxStringLength', `a string of ${v.length} characters`);
    return v;
  }
  if (v !== null && typeof v === 'object' && !(v instanceof Unknown)) {
    const n = valueSize(v);
    if (n > current.maxCollectionSize)
      throw new BudgetError('maxCollectionSize', `a value of more than ${current.maxCollectionSize} elements`);
  }
  return v;
}

/** The engine's own limits (stack, string or array length) as the budget that stands for them. */
export function budgetOfRangeError(e: RangeError): BudgetError {
  if (/call stack/i.test(e.message)) return new BudgetError('maxDepth', 'nesting too deep for the engine');
  if (/string length/i.test(e.message)) return new BudgetError('maxStringLength', 'a string too long for the engine');
  return new BudgetError('maxCollectionSize', `a value too large for the engine (${e.message})`);
}

/**
 * fromJSON's depth limit for JSON inputs (plans, snapshots, CloudTrail records, jsondecode): `cut` is called once per
 * value cut (report it there), or, without `cut`, the BudgetError is thrown (jsondecode: evaluateOrUnknown reports it).
 */
export function jsonDepth(cut?: () => void): JsonDepth {
  const e = new BudgetError('maxDepth', `JSON nested more than ${current.maxDepth} deep`);
  return {
    maxDepth: current.maxDepth,
    detail: `limit reached: ${e.message}`,
    cut:
      cut ??
      ((): void => {
        throw e;
      }),
  };
}

/** A diagnostic's message and hint for a JSON input cut at the depth limit. */
export function jsonDepthDiagnostic(what: string): { message: string; hint: string } {
  const e = new BudgetError('maxDepth', `${what} is JSON nested more than ${current.maxDepth} deep`);
  return { message: `${e.message}; the deeper values are unknown`, hint: budgetHint(e) };
}

/** Counts evaluation steps of one module instance. */
export class StepCounter {
  steps = 0;
  /** Set once the limit is reported, so a module over budget gives one diagnostic, not one per expression. */
  reported = false;
  step(): void {
    if (++this.steps > current.maxEvalSteps) throw new BudgetError('maxEvalSteps', `more than ${current.maxEvalSteps} steps`);
  }
}
