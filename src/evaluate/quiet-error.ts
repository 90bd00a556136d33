// Errors the evaluator throws and catches as control flow (try(), lookups of what a module does not set): they record
// no stack trace, whose capture by V8 was a tenth of evaluation's own time.

export class QuietError extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/** Give an error class its name (on the prototype: a field would be one more write per error). */
export function named(cls: { prototype: Error }, name: string): void {
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true });
}
