// `tfguard scan`: the command line's door to the scan (src/scan). It prints what could not run, renders each format
// to standard output or its file, writes a new baseline, prints the diagnostics, and returns the exit code.
import { progressLineFor } from './progress.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Io } from '../common/io.js';
import { render, renderDiagnostics } from '../report/index.js';
import { EXIT_ERROR, type ScanRequest, scan } from '../scan/scan.js';

/** Print a problem as `tfguard: message` with its help line; exit code 2. */
export function usage(io: Io, message: string, hint?: string): number {
  io.stderr(`tfguard: ${message}\n${hint ? `  = help: ${hint}\n` : ''}`);
  return EXIT_ERROR;
}

function write(path: string, text: string): string | undefined {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(resolve(path), text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export async function runScanCommand(request: ScanRequest, io: Io, base?: string): Promise<number> {
  const line = progressLineFor(io, request.flags.quiet);
  const r = await scan(line ? { ...request, progress: (p) => line.update(p) } : request);
  line?.clear();
  if (!r.ok) {
    io.stderr(renderDiagnostics(r.diagnostics));
    return usage(io, r.message, r.hint);
  }
  if (r.baseline) {
    const failed = write(r.baseline.path, r.baseline.text);
    if (failed) return usage(io, `cannot write the baseline ${r.baseline.path}: ${failed}`);
    io.stderr(`tfguard: wrote ${r.baseline.count} finding${r.baseline.count === 1 ? '' : 's'} to the baseline ${r.baseline.path}\n`);
  }
  const s = r.settings;
  for (const o of r.outputs) {
    const text = render(o.format, r.report, {
      color: !o.path && (io.color ?? false),
      showUnknown: s.showUnknown,
      showBlocked: s.showBlocked,
      includeSuppressed: s.sarifIncludeSuppressed,
      ...(base ? { base } : {}),
    });
    if (!o.path) {
      io.stdout(text);
      continue;
    }
    const failed = write(o.path, text);
    if (failed) return usage(io, `cannot write ${o.format} output to ${o.path}: ${failed}`);
  }
  io.stderr(
    renderDiagnostics(
      r.diagnostics,
      [...r.report.sources].map(([path, text]) => ({ path, text })),
    ),
  );
  return r.exitCode;
}
