// The contract between the expression evaluator and the Terraform function library.
import type { Value } from '../value.js';
import { QuietError, named } from '../quiet-error.js';

/**
 * A function error (wrong argument type, index out of range, ...). The evaluator turns it into a
 * diagnostic, or into `false` for `can()` and a fallback for `try()`. Like EvalError, without a stack trace.
 */
export class FunctionError extends QuietError {}
named(FunctionError, 'FunctionError');

/**
 * A Terraform function over evaluated arguments. Implementations never throw anything but
 * FunctionError. Unless `handlesUnknown` is set, the evaluator returns unknown without calling
 * the function when any argument contains an unknown.
 */
export interface TfFunction {
  (args: Value[]): Value;
}

export interface FunctionSpec {
  fn: TfFunction;
  /** Minimum and maximum argument count (max Infinity for variadic). */
  minArgs: number;
  maxArgs: number;
  /** The function deals with unknown arguments itself (e.g. `length` of a list with unknown items). */
  handlesUnknown?: boolean;
}
