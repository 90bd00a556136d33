// Which findings become workflow-command annotations: GitHub shows only about ten errors and ten
// warnings per step, so the ones on lines the pull request changed come first, then the most severe,
// then by place. Input errors (the scan could not read something) always come before findings.
import { SEVERITIES } from '../checks/model.js';
import type { Report, ReportFinding } from '../report/index.js';
import { renderGithub } from '../report/index.js';
import { type DiffLines, inDiff } from './diff.js';

export function pickAnnotations(findings: readonly ReportFinding[], diff: DiffLines | undefined, max: number): ReportFinding[] {
  const rank = (f: ReportFinding): number =>
    (inDiff(diff, f.file, f.range.start.line, f.range.end.line) ? 0 : SEVERITIES.length) + SEVERITIES.indexOf(f.severity);
  return findings
    .map((f, i) => ({ f, i, r: rank(f) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, Math.max(0, max))
    .map((x) => x.f);
}

/** The annotation lines for a report, at most `max` in all. */
export function annotations(report: Report, diff: DiffLines | undefined, max: number): { text: string; shown: number; total: number } {
  const errors = report.diagnostics.filter((d) => d.severity === 'error').slice(0, max);
  const findings = pickAnnotations(report.findings, diff, max - errors.length);
  const text = renderGithub({ ...report, findings, diagnostics: errors });
  return {
    text,
    shown: errors.length + findings.length,
    total: report.findings.length + report.diagnostics.filter((d) => d.severity === 'error').length,
  };
}
