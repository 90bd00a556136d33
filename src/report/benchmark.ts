// A compliance report for one benchmark version (`--benchmark cis-aws-5.0.0`): every recommendation with its status
// for the scanned configuration, the findings and unknown results behind it, and totals per section. Every format
// that shows it (Markdown, JSON, HTML) renders this one model.
import { type Benchmark, checksByRecommendation, type Recommendation, sectionOf } from '../checks/benchmarks.js';
import type { UnknownResult } from '../checks/model.js';
import type { Report, ReportFinding, RuleInfo } from './model.js';

/**
 * pass: the checks ran on resources of the configuration and held; fail: a finding (or a result blocked by a failing
 * prerequisite); unknown: no finding, and a value a check needs is not known; not-applicable: nothing in the
 * configuration the checks apply to; not-judged: Terraform cannot show it (the root user, runtime data).
 */
export type RecommendationStatus = 'pass' | 'fail' | 'unknown' | 'not-applicable' | 'not-judged';

export const STATUSES: readonly RecommendationStatus[] = ['pass', 'fail', 'unknown', 'not-applicable', 'not-judged'];

export interface RecommendationResult {
  recommendation: Recommendation;
  section: { id: string; title: string };
  status: RecommendationStatus;
  /** The checks that judge it (none when not judged). */
  checks: string[];
  findings: ReportFinding[];
  /** Findings silenced by a suppression or the baseline: listed, not counted. */
  suppressed: ReportFinding[];
  unknowns: UnknownResult[];
  /** Failing results blocked by a failing prerequisite: they fail the recommendation too. */
  blocked: { checkId: string; address: string; blockedBy: string }[];
  passes: number;
}

export interface SectionTotals {
  id: string;
  title: string;
  counts: Record<RecommendationStatus, number>;
}

export interface BenchmarkReport {
  benchmark: Benchmark;
  results: RecommendationResult[];
  /** Top-level sections, in order. */
  sections: SectionTotals[];
  totals: Record<RecommendationStatus, number>;
}

function zero(): Record<RecommendationStatus, number> {
  return { pass: 0, fail: 0, unknown: 0, 'not-applicable': 0, 'not-judged': 0 };
}

export function benchmarkReport(report: Report, b: Benchmark): BenchmarkReport {
  const byRec = checksByRecommendation(b, report.rules);
  const results: RecommendationResult[] = b.recommendations.map((rec) => {
    const checks = rec.notJudged ? [] : (byRec.get(rec.id) ?? []).map((r) => r.id);
    const has = (id: string): boolean => checks.includes(id);
    const findings = report.findings.filter((f) => has(f.checkId));
    const suppressed = report.suppressed.filter((f) => has(f.checkId));
    const unknowns = report.unknowns.filter((u) => has(u.checkId));
    const blocked = report.blocked
      .filter((x) => has(x.checkId))
      .map((x) => ({ checkId: x.checkId, address: x.address, blockedBy: x.requires }));
    const passes = report.passed.filter((p) => has(p.checkId) && !p.excluded).length;
    const status: RecommendationStatus = rec.notJudged
      ? 'not-judged'
      : findings.length || blocked.length
        ? 'fail'
        : unknowns.length
          ? 'unknown'
          : passes || suppressed.length
            ? 'pass'
            : 'not-applicable';
    const s = sectionOf(b, rec.id);
    return { recommendation: rec, section: { id: s.id, title: s.title }, status, checks, findings, suppressed, unknowns, blocked, passes };
  });
  const totals = zero();
  const sections = b.sections.filter((s) => !s.id.includes('.')).map((s) => ({ id: s.id, title: s.title, counts: zero() }));
  for (const r of results) {
    totals[r.status]++;
    const top = sections.find((s) => s.id === r.recommendation.id.split('.')[0]);
    if (top) top.counts[r.status]++;
  }
  return { benchmark: b, results, sections, totals };
}

/** The sections of `b` a check judges (for SARIF results). */
export function sectionsOfCheck(b: Benchmark, rule: RuleInfo | undefined): string[] {
  return rule?.compliance[b.framework]?.[b.version] ?? [];
}
