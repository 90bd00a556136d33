// JUnit XML for CI test tabs: one test suite per check that ran, one test case per resource it judged (named by
// resource address): failing for a finding, skipped for a suppressed one, passing where the check held; a check
// that judged no resource has one passing case of its own.
import { relativeTo } from './paths.js';
import { relatedLines, type Report, type ReportFinding } from './model.js';

/** Escape for XML text and attributes; characters XML 1.0 cannot hold are dropped. */
export function xmlEscape(s: string): string {
  return (
    s
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
      .replace(/\t/g, '&#9;')
  );
}

export function renderJunit(report: Report): string {
  const rel = (file: string): string => relativeTo(report.repoRoot, file) ?? file;
  const group = <T extends { checkId: string }>(list: readonly T[]): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (const x of list) {
      const l = m.get(x.checkId);
      if (l) l.push(x);
      else m.set(x.checkId, [x]);
    }
    return m;
  };
  const failed = group(report.findings);
  const skipped = group(report.suppressed);
  const blocked = group(report.blocked);
  const passed = group(report.passed);
  const suites: string[] = [];
  let tests = 0;
  for (const rule of report.rules) {
    const f = failed.get(rule.id) ?? [];
    const s = skipped.get(rule.id) ?? [];
    const p = passed.get(rule.id) ?? [];
    const b = blocked.get(rule.id) ?? [];
    const n = f.length + s.length + p.length + b.length;
    const cases: string[] = [];
    for (const x of f) {
      const where = `${rel(x.file)}:${x.range.start.line}:${x.range.start.column}`;
      cases.push(`    <testcase ${caseAttributes(x.address, rule.id, rel(x.file), x.range.start.line)}>`);
      cases.push(
        `      <failure message="${xmlEscape(x.message)}" type="${x.severity}">${xmlEscape([`${where} ${x.severity.toUpperCase()} ${x.checkId}`, x.message, ...relatedLines(x, rel)].join('\n'))}</failure>`,
      );
      cases.push('    </testcase>');
    }
    for (const x of s) {
      cases.push(`    <testcase ${caseAttributes(x.address, rule.id, rel(x.file), x.range.start.line)}>`);
      cases.push(`      <skipped message="${xmlEscape(suppressedBy(x, rel))}"/>`);
      cases.push('    </testcase>');
    }
    for (const x of b) {
      cases.push(`    <testcase ${caseAttributes(x.address, rule.id, rel(x.file), x.range.start.line)}>`);
      cases.push(`      <skipped message="${xmlEscape(`blocked: requires ${x.requires}, which fails here`)}"/>`);
      cases.push('    </testcase>');
    }
    for (const x of p) cases.push(`    <testcase ${caseAttributes(x.address, rule.id, rel(x.file), x.range.start.line)}/>`);
    // A check that met no resource still shows that it ran.
    if (!n) cases.push(`    <testcase name="${xmlEscape(rule.title)}" classname="${xmlEscape(rule.id)}"/>`);
    tests += Math.max(1, n);
    suites.push(
      `  <testsuite name="${xmlEscape(rule.id)}" tests="${Math.max(1, n)}" failures="${f.length}" errors="0" skipped="${s.length + b.length}">`,
      ...cases,
      '  </testsuite>',
    );
  }
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tfguard" tests="${tests}" failures="${report.findings.length}" skipped="${report.suppressed.length + report.blocked.length}">`,
    ...suites,
    '</testsuites>',
  ];
  return out.join('\n') + '\n';
}

function caseAttributes(address: string, checkId: string, file: string, line: number): string {
  return `name="${xmlEscape(address)}" classname="${xmlEscape(checkId)}" file="${xmlEscape(file)}" line="${line}"`;
}

function suppressedBy(f: ReportFinding, rel: (file: string) => string): string {
  const by = f.suppressed;
  if (!by || by.kind === 'baseline') return by ? 'in the baseline' : 'suppressed';
  return `suppressed by a ${by.source ?? 'tfguard'} comment at ${by.file ? rel(by.file) : '?'}:${by.line ?? '?'}${by.reason ? `: ${by.reason}` : ''}`;
}
