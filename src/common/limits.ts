// The budgets of one scan (issue 12): what the scanned input may cost. Set once per load from the command-line flags
// (src/scan/options.ts; a scanned repository's .tfguard.yaml cannot raise them) and read where the cost is spent:
// the evaluator (src/evaluate/budget.ts) and the readers (src/load, e.g. the expanded size of gzip input). One load
// at a time per thread: useLimits at its start.

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
  /** Bytes a compressed input (.gz) may expand to. */
  maxExpandedSize: number;
  /** Module and resource instances of one root module with the modules it calls (nested count/for_each multiply). */
  maxTotalInstances: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxDepth: 500,
  maxStringLength: 16 * 1024 * 1024,
  maxCollectionSize: 1_000_000,
  maxInstances: 10_000,
  maxEvalSteps: 20_000_000,
  maxExpandedSize: 64 * 1024 * 1024,
  maxTotalInstances: 100_000,
};

/** The flag that raises each limit (its row in src/scan/options.ts). */
export const LIMIT_FLAGS: Readonly<Record<keyof Limits, string>> = {
  maxDepth: '--max-depth',
  maxStringLength: '--max-string-length',
  maxCollectionSize: '--max-collection-size',
  maxInstances: '--max-instances',
  maxEvalSteps: '--max-eval-steps',
  maxExpandedSize: '--max-expanded-size',
  maxTotalInstances: '--max-total-instances',
};

/** What each limit is called in messages. */
export const LIMIT_NAMES: Readonly<Record<keyof Limits, string>> = {
  maxDepth: 'nesting depth',
  maxStringLength: 'string length',
  maxCollectionSize: 'collection size',
  maxInstances: 'instance count',
  maxEvalSteps: 'evaluation steps per module',
  maxExpandedSize: 'expanded size',
  maxTotalInstances: 'total instance',
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
