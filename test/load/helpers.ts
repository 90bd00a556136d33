// Shared helpers for the load tests.
import type { Diagnostic, Expr, File, Range } from '../../src/load/ast.js';
import { formatDiagnostic } from '../../src/load/hcl/index.js';

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

export function messages(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${d.code} ${formatDiagnostic(d)}`);
}
