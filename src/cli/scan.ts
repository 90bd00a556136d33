// `tfguard scan`: load a project, run every check, print the findings at their exact places.
import { type Finding, type UnknownResult, runChecks } from '../checks/index.js';
import type { ProjectOptions } from '../evaluate/project.js';
import { type InputFlags, loadInputs } from './inputs.js';
import { displayPath } from '../report/diagnostics.js';
import { type CheckDirs, loadCheckSet } from './checks.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type Io } from './main.js';
import { printDiagnostics } from './resources.js';

export interface ScanOptions extends CheckDirs {
  showUnknown: boolean;
  load: ProjectOptions;
  /** --plan / --source-dir. */
  inputs?: InputFlags;
  /** Evaluation time for before()/after() (tests); default now. */
  now?: number;
}

function place(x: Finding | UnknownResult): string {
  return `${displayPath(x.file)}:${x.range.start.line}:${x.range.start.column}`;
}

export function findingLine(f: Finding): string {
  return `${place(f)}  ${f.severity.toUpperCase()}  ${f.checkId}  ${f.title}  ${f.address}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function runScan(path: string | undefined, opts: ScanOptions, io: Io): Promise<number> {
  const checks = loadCheckSet(opts, io);
  if (!checks) return EXIT_ERROR;
  const project = await loadInputs(path, opts.inputs ?? {}, opts.load);
  if ('usage' in project) {
    io.stderr(`tfguard scan: ${project.usage}\n`);
    return EXIT_ERROR;
  }
  const result = runChecks(checks, project, opts.now !== undefined ? { now: opts.now } : {});
  for (const f of result.findings) io.stdout(findingLine(f) + '\n');
  if (opts.showUnknown && result.unknowns.length) {
    if (result.findings.length) io.stdout('\n');
    io.stdout('Unknown results (no finding: a value the check needs is not known):\n');
    for (const u of result.unknowns) {
      io.stdout(`${place(u)}  UNKNOWN  ${u.checkId}  ${u.title}  ${u.address}\n`);
      for (const r of u.reasons) io.stdout(`    ${r}\n`);
    }
  }
  printDiagnostics(project, io);

  const bySeverity = new Map<string, number>();
  for (const f of result.findings) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
  const counts = ['critical', 'high', 'medium', 'low', 'info'].filter((s) => bySeverity.has(s)).map((s) => `${bySeverity.get(s)} ${s}`);
  const parts = [result.findings.length ? `${plural(result.findings.length, 'finding')} (${counts.join(', ')})` : 'no findings', `${plural(checks.length, 'check')} over ${plural(project.resources.length, 'resource')}`];
  if (result.unknowns.length) parts.push(`${plural(result.unknowns.length, 'unknown result')}${opts.showUnknown ? '' : ' (--show-unknown lists them)'}`);
  const errors = project.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) parts.push(`${plural(errors, 'error')} in the input: results may be incomplete`);
  if (result.findings.length || opts.showUnknown) io.stdout('\n');
  io.stdout(parts.join('; ') + '\n');
  if (errors) return EXIT_ERROR;
  return result.findings.length ? EXIT_FINDINGS : EXIT_OK;
}
