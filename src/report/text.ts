// The terminal format: each finding on a line that starts with path:line:col (as compilers print it, so terminals
// and editors link it), with the offending source line and a marker under the range; files apart by a blank line;
// then a summary by severity. Colour only when asked (a TTY without NO_COLOR).
import { isAbsolute, relative } from 'node:path';
import { SEVERITIES, type Severity } from '../checks/model.js';
import { countBySeverity, type Report, type ReportFinding } from './model.js';
import { inert } from '../common/escape.js';

export interface TextOptions {
  color?: boolean;
  /** Paths are shown relative to this directory (default: the working directory). */
  base?: string;
  /** List unknown results with their reasons. */
  showUnknown?: boolean;
  /** List the checks blocked by a failing prerequisite. */
  showBlocked?: boolean;
}

const SGR: Record<Severity | 'dim' | 'bold' | 'green', string> = {
  critical: '1;35',
  high: '1;31',
  medium: '33',
  low: '36',
  info: '2',
  dim: '2',
  bold: '1',
  green: '32',
};

/**
 * A path as the first thing on a line, as compilers print it so terminals and editors link it: relative ones
 * begin with `./`, so no file or folder name from the scanned repository (`::warning …`) starts a line.
 */
export function linePath(base: string, file: string): string {
  const rel = relative(base, file) || '.';
  const shown = isAbsolute(rel) || rel.startsWith('../') || rel === '..' ? rel : `./${rel}`;
  return inert(shown);
}

export function renderText(report: Report, options: TextOptions = {}): string {
  const paint = (code: keyof typeof SGR, s: string): string => (options.color ? `\u001b[${SGR[code]}m${s}\u001b[0m` : s);
  const base = options.base ?? process.cwd();
  const show = (file: string): string => inert(relative(base, file) || '.');
  const out: string[] = [];
  const byFile = new Map<string, ReportFinding[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  for (const [file, findings] of byFile) {
    const lines = report.sources.get(file)?.split('\n');
    for (const f of findings) {
      const { line, column } = f.range.start;
      const at = paint('bold', `${linePath(base, file)}:${line}:${column}`);
      out.push(`${at}  ${paint(f.severity, f.severity.toUpperCase().padEnd(8))} ${f.checkId}  ${inert(f.message)}`);
      const src = lines?.[line - 1];
      if (src !== undefined) {
        const shown = inert(src.replace(/\t/g, ' ').replace(/\r$/, ''));
        const n = String(line);
        const width = f.range.end.line === line ? Math.max(1, f.range.end.column - column) : Math.max(1, shown.length - column + 1);
        out.push(`    ${paint('dim', `${n} |`)} ${shown}`);
        out.push(`    ${' '.repeat(n.length)} ${paint('dim', '|')} ${' '.repeat(column - 1)}${paint(f.severity, '^'.repeat(width))}`);
      }
      for (const r of f.related ?? [])
        out.push(
          `    ${paint('dim', `${r.named ? 'see' : 'via'} ${show(r.file)}:${r.range.start.line}:${r.range.start.column}  ${inert(r.message)}`)}`,
        );
      if (f.note) out.push(`    ${paint('dim', `note: ${inert(f.note)}`)}`);
      if (f.instances) {
        const each = f.instances.map((i) => `${inert(i.address)}${i.root !== undefined ? ` (root ${show(i.root)})` : ''}`);
        const shown = each.length > 10 ? [...each.slice(0, 10), `and ${each.length - 10} more`] : each;
        out.push(`    ${paint('dim', `one cause, ${each.length} instances: ${shown.join(', ')}`)}`);
      }
    }
    out.push('');
  }
  if (options.showUnknown && report.unknowns.length) {
    out.push('Unknown results (no finding: a value the check needs is not known):');
    for (const u of report.unknowns) {
      out.push(`  ${show(u.file)}:${u.range.start.line}:${u.range.start.column}  ${u.checkId}  ${inert(u.address)}`);
      for (const r of u.reasons) out.push(`      ${inert(r)}`);
    }
    out.push('');
  }
  if (options.showBlocked && report.blocked.length) {
    out.push('Blocked (no finding: a check they require fails at the same place; fixing it unblocks them):');
    const byPlace = new Map<string, string[]>();
    for (const b of report.blocked) {
      const at = `${show(b.file)}:${b.range.start.line}:${b.range.start.column}  ${inert(b.address)}: ${b.requires} fails here; blocked:`;
      byPlace.set(at, [...(byPlace.get(at) ?? []), b.checkId]);
    }
    for (const [at, ids] of byPlace) out.push(`  ${at} ${ids.join(', ')}`);
    out.push('');
  }
  if (report.fixed.length) {
    out.push(paint('green', 'Fixed since the baseline:'));
    for (const e of report.fixed) out.push(`  ${e.check}  ${inert(e.address)}${e.path ? ` (${inert(e.path)})` : ''}`);
    out.push('');
  }
  out.push(summaryLine(report));
  return out.join('\n') + '\n';
}

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

export function summaryLine(report: Report): string {
  const counts = countBySeverity(report.findings);
  const parts = [
    report.findings.length
      ? `${plural(report.findings.length, 'finding')} (${SEVERITIES.filter((s) => counts[s])
          .map((s) => `${counts[s]} ${s}`)
          .join(', ')})`
      : 'no findings',
  ];
  // The checks that ran, as `tfguard test` counts them (tfguard's own suppression rules are not checks).
  const checks = report.rules.filter((r) => !r.own).length;
  parts.push(`${plural(checks, 'check')} over ${plural(report.resources, 'resource')}`);
  const inline = report.suppressed.filter((f) => f.suppressed?.kind === 'inline').length;
  const baseline = report.suppressed.length - inline;
  if (inline) parts.push(`${inline} suppressed inline`);
  if (baseline) parts.push(`${baseline} in the baseline`);
  if (report.fixed.length) parts.push(`${report.fixed.length} fixed since the baseline`);
  if (report.unknowns.length) parts.push(plural(report.unknowns.length, 'unknown result'));
  if (report.blocked.length) {
    const by = [...new Set(report.blocked.map((b) => b.requires))].join(', ');
    parts.push(`${plural(report.blocked.length, 'check')} blocked by ${by}`);
  }
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) parts.push(`${plural(errors, 'error')} in the input: results may be incomplete`);
  return parts.join('; ');
}
