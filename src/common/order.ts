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
