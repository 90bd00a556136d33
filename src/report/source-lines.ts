// The lines of the reported files, indexed once per report: reporters that show or edit the line of a finding would
// otherwise split the whole file for each finding, which is quadratic in a file with thousands of findings.
import { LineIndex } from '../common/line-index.js';
import type { Report } from './model.js';

export interface SourceLines {
  /** The text of a 1-based line without its line ending; undefined past the end. */
  line(n: number): string | undefined;
  /** How many lines (a text ending in a line ending has an empty last line). */
  count: number;
  /** The file's line ending: '\r\n' when it holds one. */
  eol: '\n' | '\r\n';
}

const cache = new WeakMap<Report, Map<string, SourceLines | undefined>>();

/** The lines of a file the report holds the text of (undefined when it does not). */
export function sourceLines(report: Report, file: string): SourceLines | undefined {
  let files = cache.get(report);
  if (!files) cache.set(report, (files = new Map()));
  if (!files.has(file)) {
    const text = report.sources.get(file);
    files.set(file, text === undefined ? undefined : linesOf(text));
  }
  return files.get(file);
}

function linesOf(text: string): SourceLines {
  const index = new LineIndex(text);
  return {
    line: (n) => (n >= 1 && n <= index.starts.length ? index.lineText(n - 1) : undefined),
    count: index.starts.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}
