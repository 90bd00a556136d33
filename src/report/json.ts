// The JSON format (docs/output.md, "JSON"): versioned, paths relative to the repository root, keys
// in a fixed order, so two scans of the same input give the same bytes.
import { SEVERITIES } from '../checks/model.js';
import { FingerprintCache } from './fingerprint.js';
import { TOOL, countBySeverity, type Report, type ReportFinding } from './model.js';
import { relativeTo } from './paths.js';
import { benchmarkReport } from './benchmark.js';
import type { Benchmark } from '../checks/benchmarks.js';

export const JSON_FORMAT_VERSION = 1;

export function renderJson(report: Report): string {
  const rel = (file: string): string => relativeTo(report.repoRoot, file) ?? file;
  const hashes = new FingerprintCache();
  const finding = (f: ReportFinding): object => {
    const text = report.sources.get(f.file);
    const fp = text !== undefined ? hashes.lineHash(f.file, text, f.range.start.line) : undefined;
    return {
      check_id: f.checkId,
      title: f.title,
      severity: f.severity,
      address: f.address,
      file: rel(f.file),
      line: f.range.start.line,
      column: f.range.start.column,
      end_line: f.range.end.line,
      end_column: f.range.end.column,
      path: f.path ?? null,
      value: f.value ?? null,
      message: f.message,
      message_id: f.messageId ?? null,
      module_call: f.via ?? null,
      resource_location: f.resourceLocation ? { file: rel(f.resourceLocation.file), line: f.resourceLocation.range.start.line } : null,
      origin: f.origin ?? null,
      related: (f.related ?? []).map((r) => ({
        file: rel(r.file),
        line: r.range.start.line,
        column: r.range.start.column,
        message: r.message,
      })),
      note: f.note ?? null,
      event: f.event ?? null,
      fingerprint: fp ?? null,
      instances: (f.instances ?? [{ address: f.address }]).map((i) => ({
        address: i.address,
        root: i.root !== undefined ? rel(i.root) : null,
      })),
      suppressed: f.suppressed
        ? {
            kind: f.suppressed.kind,
            source: f.suppressed.source ?? null,
            reason: f.suppressed.reason ?? null,
            expires: f.suppressed.expires ?? null,
            file: f.suppressed.file ? rel(f.suppressed.file) : null,
            line: f.suppressed.line ?? null,
          }
        : null,
    };
  };
  const counts = countBySeverity(report.findings);
  const doc = {
    version: JSON_FORMAT_VERSION,
    tool: { name: TOOL.name, version: TOOL.version },
    scan_root: rel(report.scanRoot),
    summary: {
      findings: report.findings.length,
      by_severity: Object.fromEntries(SEVERITIES.map((s) => [s, counts[s]])),
      suppressed: report.suppressed.length,
      unknown: report.unknowns.length,
      blocked: report.blocked.length,
      fixed: report.fixed.length,
      checks: report.rules.filter((r) => !r.own).length,
      resources: report.resources,
      errors: report.diagnostics.filter((d) => d.severity === 'error').length,
    },
    checks: report.rules.map((r) => ({ id: r.id, title: r.title, severity: r.severity })),
    findings: report.findings.map(finding),
    suppressed: report.suppressed.map(finding),
    unknowns: report.unknowns.map((u) => ({
      check_id: u.checkId,
      title: u.title,
      address: u.address,
      file: rel(u.file),
      line: u.range.start.line,
      column: u.range.start.column,
      reasons: u.reasons,
    })),
    blocked: report.blocked.map((b) => ({
      check_id: b.checkId,
      title: b.title,
      severity: b.severity,
      address: b.address,
      requires: b.requires,
      file: rel(b.file),
      line: b.range.start.line,
      column: b.range.start.column,
    })),
    fixed: report.fixed.map((e) => ({ check_id: e.check, address: e.address, path: e.path })),
    diagnostics: report.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      file: rel(d.file),
      line: d.range?.start.line ?? null,
      column: d.range?.start.column ?? null,
      hint: d.hint ?? null,
    })),
    ...(report.benchmark ? { benchmark: benchmarkJson(report, report.benchmark, rel) } : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** `benchmark` of the JSON format: the compliance report of `--benchmark` (docs/benchmarks.md). */
function benchmarkJson(report: Report, b: Benchmark, rel: (file: string) => string): object {
  const br = benchmarkReport(report, b);
  return {
    id: b.id,
    framework: b.framework,
    version: b.version,
    title: b.title,
    totals: br.totals,
    sections: br.sections.map((s) => ({ id: s.id, title: s.title, counts: s.counts })),
    recommendations: br.results.map((r) => ({
      id: r.recommendation.id,
      title: r.recommendation.title,
      section: r.section.id,
      status: r.status,
      not_judged: r.recommendation.notJudged ?? null,
      checks: r.checks,
      findings: r.findings.map((f) => ({
        check_id: f.checkId,
        address: f.address,
        file: rel(f.file),
        line: f.range.start.line,
        message: f.message,
      })),
      blocked: r.blocked.map((x) => ({ check_id: x.checkId, address: x.address, blocked_by: x.blockedBy })),
      unknowns: r.unknowns.map((u) => ({
        check_id: u.checkId,
        address: u.address,
        file: rel(u.file),
        line: u.range.start.line,
        reasons: u.reasons,
      })),
      suppressed: r.suppressed.length,
      passes: r.passes,
    })),
  };
}
