// GitHub Actions workflow commands: one annotation per finding. Every value is escaped as the runner
// expects (`%`, CR, LF in data; also `:` and `,` in properties), so nothing taken from the scanned
// code can end the command early or start another one.
import type { Severity } from '../checks/model.js';
import type { Report } from './model.js';
import { relativeTo } from './paths.js';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

export function renderGithub(report: Report): string {
  const out: string[] = [];
  for (const f of report.findings) {
    const file = relativeTo(report.repoRoot, f.file) ?? f.file;
    const props = [
      `file=${escapeProperty(file)}`,
      `line=${f.range.start.line}`,
      `endLine=${f.range.end.line}`,
      ...(f.range.start.line === f.range.end.line ? [`col=${f.range.start.column}`, `endColumn=${f.range.end.column}`] : []),
      `title=${escapeProperty(`${f.checkId} (${f.severity}) ${f.title}`)}`,
    ];
    out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
  }
  for (const d of report.diagnostics.filter((x) => x.severity === 'error')) {
    const file = relativeTo(report.repoRoot, d.file) ?? d.file;
    const props = [
      `file=${escapeProperty(file)}`,
      ...(d.range ? [`line=${d.range.start.line}`, `col=${d.range.start.column}`] : []),
      `title=${escapeProperty(`tfguard: ${d.code}`)}`,
    ];
    out.push(`::error ${props.join(',')}::${escapeData(d.message)}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}
