// Markdown for a job summary or a pull-request comment: counts by severity and a table of findings.
// Scanned text is escaped so it cannot break the table or inject HTML, and its control characters are inert.
import { SEVERITIES } from '../checks/model.js';
import { countBySeverity, relatedLines, type Report } from './model.js';
import { relativeTo } from './paths.js';
import { inert } from '../common/escape.js';
import { renderBenchmarkMarkdown } from './benchmark-markdown.js';
import { planFixes } from './fixes.js';

export function mdEscape(s: string): string {
  return inert(s.replace(/[\r\n]+/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1');
}

const MAX_ROWS = 500;

export function renderMarkdown(report: Report): string {
  if (report.benchmark) return renderBenchmarkMarkdown(report, report.benchmark);
  const counts = countBySeverity(report.findings);
  const checks = report.rules.filter((r) => !r.own).length;
  const out = ['## tfguard', ''];
  out.push(
    report.findings.length
      ? `**${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}** over ${report.resources} resources and ${checks} checks.`
      : `No findings over ${report.resources} resources and ${checks} checks.`,
    '',
  );
  out.push('| severity | findings |', '|---|---:|');
  for (const s of SEVERITIES) out.push(`| ${s} | ${counts[s]} |`);
  if (report.suppressed.length) out.push(`| suppressed | ${report.suppressed.length} |`);
  if (report.fixed.length) out.push(`| fixed since the baseline | ${report.fixed.length} |`);
  if (report.blocked.length) out.push(`| blocked by a failing prerequisite | ${report.blocked.length} |`);
  out.push('');
  if (report.findings.length) {
    out.push('| severity | check | resource | location | message |', '|---|---|---|---|---|');
    const fixes = planFixes(report).byFinding;
    for (const f of report.findings.slice(0, MAX_ROWS)) {
      const file = relativeTo(report.repoRoot, f.file) ?? f.file;
      const edit = fixes.get(f);
      // The change `tfguard fix` would make, as a suggestion under the message.
      const suggested = edit ? [`suggested change (tfguard fix): ${edit.change}`] : [];
      out.push(
        `| ${f.severity} | ${mdEscape(f.checkId)} | ${mdEscape(f.address)} | ${mdEscape(`${file}:${f.range.start.line}`)} | ${[f.message, ...relatedLines(f, (x) => relativeTo(report.repoRoot, x) ?? x), ...suggested].map(mdEscape).join('<br>')} |`,
      );
    }
    if (report.findings.length > MAX_ROWS) out.push('', `…and ${report.findings.length - MAX_ROWS} more (see the SARIF or JSON output).`);
    out.push('');
  }
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) out.push(`> ${errors} error${errors === 1 ? '' : 's'} in the input: results may be incomplete.`, '');
  return out.join('\n');
}
