// JUnit XML for CI test tabs: one test suite per check that ran, one failing test case per finding
// (named by resource address), one passing case for a check without findings.
import { relativeTo } from './paths.js';
import type { Report, ReportFinding } from './model.js';

/** Escape for XML text and attributes; characters XML 1.0 cannot hold are dropped. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

export function renderJunit(report: Report): string {
  const rel = (file: string): string => relativeTo(report.repoRoot, file) ?? file;
  const byCheck = new Map<string, ReportFinding[]>(report.rules.map((r) => [r.id, []]));
  for (const f of report.findings) byCheck.get(f.checkId)?.push(f);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="tfguard" tests="${[...byCheck.values()].reduce((n, l) => n + Math.max(1, l.length), 0)}" failures="${report.findings.length}">`];
  for (const rule of report.rules) {
    const findings = byCheck.get(rule.id)!;
    out.push(`  <testsuite name="${xmlEscape(rule.id)}" tests="${Math.max(1, findings.length)}" failures="${findings.length}" errors="0" skipped="0">`);
    if (!findings.length) out.push(`    <testcase name="${xmlEscape(rule.title)}" classname="${xmlEscape(rule.id)}"/>`);
    for (const f of findings) {
      const where = `${rel(f.file)}:${f.range.start.line}:${f.range.start.column}`;
      out.push(`    <testcase name="${xmlEscape(f.address)}" classname="${xmlEscape(rule.id)}" file="${xmlEscape(rel(f.file))}" line="${f.range.start.line}">`);
      out.push(`      <failure message="${xmlEscape(f.message)}" type="${f.severity}">${xmlEscape(`${where} ${f.severity.toUpperCase()} ${f.checkId}\n${f.message}`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
