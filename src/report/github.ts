// GitHub Actions workflow commands: one annotation per finding, built by src/common/escape.ts, so nothing taken
// from the scanned code can end the command early or start another one.
import type { Severity } from '../checks/model.js';
import { relatedLines, type Report } from './model.js';
import { relativeTo } from './paths.js';
import { workflowCommand } from '../common/escape.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

export function renderGithub(report: Report): string {
  let out = '';
  for (const f of report.findings) {
    const file = relativeTo(report.repoRoot, f.file) ?? f.file;
    const oneLine = f.range.start.line === f.range.end.line;
    out += workflowCommand(
      COMMAND[f.severity],
      {
        file,
        line: f.range.start.line,
        endLine: f.range.end.line,
        ...(oneLine ? { col: f.range.start.column, endColumn: f.range.end.column } : {}),
        title: `${f.checkId} (${f.severity}) ${f.title}`,
      },
      [f.message, ...relatedLines(f, (x) => relativeTo(report.repoRoot, x) ?? x)].join('\n'),
    );
  }
  for (const d of report.diagnostics.filter((x) => x.severity === 'error')) {
    const file = relativeTo(report.repoRoot, d.file) ?? d.file;
    const at: Record<string, number> = d.range ? { line: d.range.start.line, col: d.range.start.column } : {};
    out += workflowCommand('error', { file, ...at, title: `tfguard: ${d.code}` }, d.message);
  }
  return out;
}
