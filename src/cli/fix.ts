// `tfguard fix [paths] [--check ...] [--dry-run]`: the scan, then the fixes of the checks that declare one
// (src/report/fixes.ts), printed as a unified diff and, without --dry-run, written. Findings whose value cannot be
// placed are listed with why ("no automatic fix").
import { readFileSync, writeFileSync } from 'node:fs';
import { inert } from '../common/escape.js';
import type { Io } from '../common/io.js';
import { applyEdits, planFixes } from '../report/fixes.js';
import { relativeTo } from '../report/paths.js';
import { unifiedDiff } from '../report/unified-diff.js';
import { EXIT_ERROR, EXIT_OK, scan, type ScanRequest } from '../scan/scan.js';

export async function runFix(request: ScanRequest, dryRun: boolean, io: Io): Promise<number> {
  const r = await scan(request);
  if (!r.ok) {
    io.stderr(`tfguard: ${inert(r.message)}\n${r.hint ? `  = help: ${inert(r.hint)}\n` : ''}`);
    return EXIT_ERROR;
  }
  const report = r.report;
  const { edits, refused } = planFixes(report);
  const byFile = new Map<string, typeof edits>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const rel = (f: string): string => relativeTo(report.repoRoot, f) ?? f;
  for (const [file, es] of [...byFile].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const before = report.sources.get(file) ?? readFileSync(file, 'utf8');
    const after = applyEdits(before, es);
    // Scanned text follows a diff marker on every line; its control characters are made inert line by line.
    io.stdout(
      // The path is escaped on its own first: a line feed in a folder name must not split the header line.
      unifiedDiff(inert(rel(file)), before, after)
        .split('\n')
        .map((l) => inert(l))
        .join('\n'),
    );
    if (!dryRun) {
      try {
        writeFileSync(file, after);
      } catch (e) {
        io.stderr(`tfguard: cannot write ${inert(rel(file))}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        return EXIT_ERROR;
      }
    }
  }
  for (const x of refused)
    io.stderr(
      `note: no automatic fix for ${inert(x.finding.checkId)} at ${inert(rel(x.finding.file))}:${x.finding.range.start.line}: ${inert(x.reason)}\n`,
    );
  const files = byFile.size;
  io.stderr(
    `${dryRun ? 'would change' : 'changed'} ${edits.length} place${edits.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}${refused.length ? `; ${refused.length} finding${refused.length === 1 ? '' : 's'} with no automatic fix` : ''}\n`,
  );
  return EXIT_OK;
}
