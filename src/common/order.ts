// The one order of results in every output: by file, line, column, check ID, then address.

export interface Placed {
  file: string;
  range: { start: { line: number; column: number } };
  checkId: string;
  address: string;
}

export function byPlace(a: Placed, b: Placed): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.range.start.line !== b.range.start.line) return a.range.start.line - b.range.start.line;
  if (a.range.start.column !== b.range.start.column) return a.range.start.column - b.range.start.column;
  if (a.checkId !== b.checkId) return a.checkId < b.checkId ? -1 : 1;
  return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}

/** Diagnostics by file, then line and column (one without a place first in its file); stable for the rest. */
export function diagnosticOrder(
  a: { file: string; range?: { start: { line: number; column: number } } },
  b: { file: string; range?: { start: { line: number; column: number } } },
): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const x = a.range?.start;
  const y = b.range?.start;
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  return x.line - y.line || x.column - y.column;
}
