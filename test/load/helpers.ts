// Shared helpers for the load tests.
import type { Expr, File } from '../../src/load/ast.js';
import type { Diagnostic, Range } from '../../src/common/diagnostics.js';

/** `line:col-line:col` of a range (1-based). */
export function at(r: Range): string {
  return `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
}

/** The expression with ranges removed, for shape assertions. */
export function shape(e: unknown): unknown {
  return JSON.parse(JSON.stringify(e, (k, v: unknown) => (k === 'range' ? undefined : v)));
}

export function attr(f: File, name: string): Expr {
  const a = f.body.attributes.find((x) => x.name === name);
  if (!a) throw new Error(`no attribute ${name}`);
  return a.expr;
}

/** `file:line:col: message`, the one-line form the tests assert. */
function formatDiagnostic(d: Diagnostic): string {
  const at = d.range ? `:${d.range.start.line}:${d.range.start.column}` : '';
  return `${d.file}${at}: ${d.message}`;
}

export function messages(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${d.code} ${formatDiagnostic(d)}`);
}
