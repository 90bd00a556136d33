// Diagnostics as compilers print them: where, what, the source line with a caret, and how to fix it.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Diagnostic } from '../common/diagnostics.js';
import { inert } from '../common/escape.js';
import { LineIndex } from '../common/line-index.js';

export interface DiagnosticFormatOptions {
  /** Paths are shown relative to this directory. */
  cwd?: string;
  /** Source text by file path, to show the offending line: a LineIndex when many diagnostics share a file. */
  sourceOf?: (file: string) => string | LineIndex | undefined;
}

export function displayPath(file: string, cwd: string = process.cwd()): string {
  if (!file.startsWith('/')) return file;
  const rel = relative(cwd, file);
  // Outside the working directory a path of `../../..` says less than the absolute one.
  if (rel === '..' || rel.startsWith(`..${sep}`)) return file;
  return rel === '' ? '.' : rel;
}

export function formatDiagnostic(d: Diagnostic, options: DiagnosticFormatOptions = {}): string {
  // Messages, paths and source lines come from the scanned repository: each made inert (src/common/escape.ts).
  const file = inert(displayPath(d.file, options.cwd));
  const where = d.range ? `${file}:${d.range.start.line}:${d.range.start.column}` : file;
  const lines = [`${d.severity}[${d.code}]: ${inert(d.message)}`, `  --> ${where}`];
  const source = d.range ? options.sourceOf?.(d.file) : undefined;
  if (d.range && source !== undefined) {
    const index = typeof source === 'string' ? new LineIndex(source) : source;
    const lineText = d.range.start.line <= index.starts.length ? index.lineText(d.range.start.line - 1) : undefined;
    if (lineText !== undefined) {
      const n = String(d.range.start.line);
      const pad = ' '.repeat(n.length);
      const width = d.range.end.line === d.range.start.line ? Math.max(1, d.range.end.column - d.range.start.column) : 1;
      const shown = inert(lineText.replace(/\t/g, ' ').replace(/\r$/, ''));
      lines.push(
        `${pad} |`,
        `${n} | ${shown}`,
        `${pad} | ${' '.repeat(d.range.start.column - 1)}${'^'.repeat(Math.min(width, Math.max(1, shown.length - d.range.start.column + 1)))}`,
      );
    }
  }
  if (d.hint) lines.push(`  = help: ${inert(d.hint)}`);
  return lines.join('\n');
}

/**
 * Diagnostics compiler-style, each followed by a blank line, with the offending source line: from `known` files
 * (already read) or read from disk when the file is not among them.
 */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], known: readonly { path: string; text: string }[] = []): string {
  // Each file's lines are indexed once: a file with thousands of diagnostics is not split into lines for each.
  const texts = new Map<string, string>(known.map((f) => [f.path, f.text]));
  const cache = new Map<string, LineIndex | undefined>();
  const sourceOf = (f: string): LineIndex | undefined => {
    if (!cache.has(f)) {
      let text = texts.get(f);
      if (text === undefined) {
        try {
          text = readFileSync(f, 'utf8');
        } catch {
          text = undefined;
        }
      }
      cache.set(f, text === undefined ? undefined : new LineIndex(text));
    }
    return cache.get(f);
  };
  return diagnostics.map((d) => formatDiagnostic(d, { sourceOf }) + '\n\n').join('');
}
