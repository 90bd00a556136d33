// Budgets instead of hangs (issue 12): what evaluating the scanned code spends is bounded (src/common/limits.ts). Each
// limit, when reached, makes the value unknown with the limit as its reason and gives one diagnostic at the
// expression, naming the limit and the command-line flag that raises it; the rest of the scan goes on.
import type { Diagnostic, Range } from '../common/diagnostics.js';
import { LIMIT_FLAGS, LIMIT_NAMES, type Limits, limits } from '../common/limits.js';
import { EvalError } from './convert.js';
import { named } from './quiet-error.js';
import { type JsonDepth, Unknown, type Value, isObject } from './value.js';

/**
 * A limit was reached: the message says which, how far, and the flag that raises it. An EvalError, so that every
 * place that turns evaluation errors into unknowns handles it; try() and can() pass it on (it is no error of the code).
 */
export class BudgetError extends EvalError {
  constructor(
    readonly limit: keyof Limits,
    detail: string,
  ) {
    super(`${detail}, over the ${LIMIT_NAMES[limit]} limit of ${limits()[limit]}; raise it with ${LIMIT_FLAGS[limit]}`);
  }
}
named(BudgetError, 'BudgetError');

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
  const max = limits().maxCollectionSize;
  let n = 1;
  if (Array.isArray(v)) {
    for (const x of v) {
      n += valueSize(x);
      if (n > max) break;
    }
  } else if (isObject(v)) {
    // for-in, not Object.values: no array made for each object counted (values inherit no enumerable keys)
    for (const k in v) {
      n += valueSize(v[k]!);
      if (n > max) break;
    }
  }
  sizes.set(v, n);
  return n;
}

/** Throws when `v` is larger than the collection-size limit or, for a string, the string-length limit. */
export function checkSize(v: Value): Value {
  if (typeof v === 'string') {
    if (v.length > limits().maxStringLength) throw new BudgetError('maxStringLength', `a string of ${v.length} characters`);
    return v;
  }
  if (v !== null && typeof v === 'object' && !(v instanceof Unknown)) {
    const n = valueSize(v);
    if (n > limits().maxCollectionSize)
      throw new BudgetError('maxCollectionSize', `a value of more than ${limits().maxCollectionSize} elements`);
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
  // The error (and its stack) is made only when a value is cut: a plan asks for one limit per resource.
  const error = (): BudgetError => new BudgetError('maxDepth', `JSON nested more than ${limits().maxDepth} deep`);
  return {
    maxDepth: limits().maxDepth,
    get detail(): string {
      return `limit reached: ${error().message}`;
    },
    cut:
      cut ??
      ((): void => {
        throw error();
      }),
  };
}

/** A diagnostic's message and hint for a JSON input cut at the depth limit (`are` when `what` is plural). */
export function jsonDepthDiagnostic(what: string, verb: 'is' | 'are' = 'is'): { message: string; hint: string } {
  const e = new BudgetError('maxDepth', `${what} ${verb} JSON nested more than ${limits().maxDepth} deep`);
  return { message: `${e.message}; the deeper values are unknown`, hint: budgetHint(e) };
}

/**
 * Values of one JSON input (a plan, a CloudTrail file) cut at the depth limit: one diagnostic, at the first value cut,
 * counting the others, instead of one per resource or event (a generated plan could give thousands of the same).
 */
export class DepthCuts {
  private diagnostic: Diagnostic | undefined;
  private first = '';
  private count = 0;

  /** `many(first, more)` says the first value and `more` others, as the subject of "are JSON nested ...". */
  constructor(
    private readonly out: Diagnostic[],
    private readonly many: (first: string, more: number) => string,
  ) {}

  add(file: string, range: Range, what: string): void {
    this.count++;
    if (!this.diagnostic) {
      this.first = what;
      this.diagnostic = { severity: 'error', code: 'limit-reached', file, range, ...jsonDepthDiagnostic(what) };
      this.out.push(this.diagnostic);
    } else Object.assign(this.diagnostic, jsonDepthDiagnostic(this.many(this.first, this.count - 1), 'are'));
  }
}

/** Counts evaluation steps of one module instance. */
export class StepCounter {
  steps = 0;
  /** Set once the limit is reported, so a module over budget gives one diagnostic, not one per expression. */
  reported = false;
  step(): void {
    if (++this.steps > limits().maxEvalSteps) throw new BudgetError('maxEvalSteps', `more than ${limits().maxEvalSteps} steps`);
  }
}
