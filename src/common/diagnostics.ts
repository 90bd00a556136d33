// Positions in source files and the diagnostics every stage reports: the one definition of each, shared by
// load, evaluate, gsl, checks, report and the doors.

/** A point in a source file. line and column are 1-based; column and offset count UTF-16 code units. */
export interface Pos {
  line: number;
  column: number;
  offset: number;
}

/** A half-open range [start, end) in one file. */
export interface Range {
  start: Pos;
  end: Pos;
}

/** The start of a file. */
export const FILE_START: Pos = Object.freeze({ line: 1, column: 1, offset: 0 });

/** An empty range at a point (default: the start of the file). */
export function pointRange(at: Pos = FILE_START): Range {
  return { start: at, end: at };
}

/** How serious a diagnostic is (not to be confused with a check's severity, critical … info). */
export type DiagnosticLevel = 'error' | 'warning' | 'note';

/** Every diagnostic code tfguard reports; docs/loading.md and docs/checks.md explain them. */
export type DiagnosticCode =
  // reading files and directories
  | 'not-found'
  | 'unreadable'
  | 'binary'
  | 'encoding'
  | 'file-too-large'
  | 'broken-link'
  | 'symlink-loop'
  | 'outside-root'
  | 'too-deep'
  | 'too-large'
  | 'skipped-block'
  | 'internal'
  // syntax
  | 'syntax'
  | 'duplicate-attribute'
  | 'duplicate-key'
  | 'not-json'
  | 'unknown-block'
  | 'unsupported-argument'
  | 'interpolated-label'
  | 'override-without-base'
  // evaluation
  | 'eval-error'
  | 'limit-reached'
  | 'cycle'
  | 'invalid-count'
  | 'invalid-for_each'
  | 'count-and-for_each'
  | 'duplicate-local'
  | 'duplicate-module'
  | 'duplicate-variable'
  | 'dynamic-body'
  | 'dynamic-label'
  | 'undeclared-local'
  | 'undeclared-module'
  | 'undeclared-variable'
  | 'undeclared-variable-value'
  | 'variable-default'
  | 'variable-type'
  | 'missing-input'
  | 'tfvars-block'
  | 'tfvars-value'
  | 'cli-var'
  // modules
  | 'module-cycle'
  | 'module-depth'
  | 'module-not-found'
  | 'module-not-installed'
  | 'module-outside-root'
  | 'module-source'
  // plans and other inputs
  | 'not-a-plan'
  | 'plan-shape'
  | 'plan-format'
  | 'bad-gzip'
  | 'not-an-event'
  | 'not-a-trail'
  | 'unknown-input'
  | 'plan-unplaced'
  | 'source-dir'
  // threads
  | 'worker-failed'
  // checks, configuration, suppressions, baselines
  | 'check-logic'
  | 'check-schema'
  | 'check-requires'
  | 'check-unreadable'
  | 'check-yaml'
  | 'checks-changed'
  | 'checks-dir'
  | 'duplicate-check-id'
  | 'config'
  | 'config-yaml'
  | 'baseline'
  | 'suppression-date'
  | 'suppression-id';

/** A problem found while reading input. Messages say what was found, what was expected, and how to fix it. */
export interface Diagnostic {
  severity: DiagnosticLevel;
  code: DiagnosticCode;
  message: string;
  file: string;
  range?: Range;
  /** How to fix it, when there is something to say. */
  hint?: string;
}

/** What makes two diagnostics the same one (reported once, however many module instances or threads raise it). */
export function diagnosticKey(d: Diagnostic): string {
  return `${d.code}\u0000${d.file}\u0000${d.range?.start.offset ?? ''}\u0000${d.message}`;
}

/** A file that could not be read, as an error naming what it is and the system's reason (ENOENT, EACCES, ...). */
export function unreadable(file: string, code: DiagnosticCode, what: string, e: unknown, hint?: string): Diagnostic {
  const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return { severity: 'error', code, file, message: `cannot read the ${what}: ${reason}`, ...(hint ? { hint } : {}) };
}
