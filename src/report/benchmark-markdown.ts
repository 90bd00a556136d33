// The compliance report of `--benchmark` as a Markdown page: totals per section, then every recommendation with its
// status, the checks that judge it, and the findings, unknown results or reason behind the status.
import { mdEscape } from './markdown.js';
import { benchmarkReport, STATUSES, type RecommendationResult, type RecommendationStatus } from './benchmark.js';
import type { Report } from './model.js';
import { relativeTo } from './paths.js';
import type { Benchmark } from '../checks/benchmarks.js';
import { TOOL } from './model.js';

export const STATUS_LABEL: Record<RecommendationStatus, string> = {
  pass: 'pass',
  fail: 'fail',
  unknown: 'unknown',
  'not-applicable': 'not applicable',
  'not-judged': 'not judged from Terraform',
};

/** At most this many findings or unknown results are listed per recommendation (the JSON has them all). */
const PER_RECOMMENDATION = 10;

function details(r: RecommendationResult, report: Report): string[] {
  const rel = (f: string): string => relativeTo(report.repoRoot, f) ?? f;
  if (r.status === 'not-judged') return [r.recommendation.notJudged ?? ''];
  const out: string[] = [];
  for (const f of r.findings.slice(0, PER_RECOMMENDATION)) out.push(`${rel(f.file)}:${f.range.start.line} ${f.checkId}: ${f.message}`);
  for (const b of r.blocked.slice(0, PER_RECOMMENDATION)) out.push(`${b.address}: ${b.checkId} blocked by ${b.blockedBy}, which fails`);
  for (const u of r.unknowns.slice(0, PER_RECOMMENDATION))
    out.push(`${rel(u.file)}:${u.range.start.line} ${u.checkId} on ${u.address}: unknown (${u.reasons.join('; ')})`);
  const more = r.findings.length + r.blocked.length + r.unknowns.length - out.length;
  if (more > 0) out.push(`…and ${more} more (see the JSON output)`);
  if (r.suppressed.length) out.push(`${r.suppressed.length} finding${r.suppressed.length === 1 ? '' : 's'} suppressed`);
  if (r.status === 'pass') out.push(`held ${r.passes} time${r.passes === 1 ? '' : 's'} (per resource, or once for the configuration)`);
  if (r.status === 'not-applicable') out.push('nothing in the configuration that its checks apply to');
  return out;
}

export function renderBenchmarkMarkdown(report: Report, b: Benchmark): string {
  const br = benchmarkReport(report, b);
  const checks = report.rules.filter((r) => !r.own).length;
  const out = [`# ${mdEscape(b.title)}: compliance report`, ''];
  out.push(
    `${TOOL.name} ${TOOL.version} judged ${report.resources} resources of ${mdEscape(relativeTo(report.repoRoot, report.scanRoot) || '.')} with the ${checks} checks that map this version.`,
    '',
  );
  out.push(`| section | ${STATUSES.map((s) => STATUS_LABEL[s]).join(' | ')} |`, `|---|${STATUSES.map(() => '---:').join('|')}|`);
  for (const s of br.sections) out.push(`| ${s.id} ${mdEscape(s.title)} | ${STATUSES.map((x) => s.counts[x]).join(' | ')} |`);
  out.push(`| **total** | ${STATUSES.map((x) => `**${br.totals[x]}**`).join(' | ')} |`, '');
  for (const s of br.sections) {
    out.push(`## ${s.id} ${mdEscape(s.title)}`, '', '| recommendation | status | checks | details |', '|---|---|---|---|');
    for (const r of br.results.filter((x) => x.recommendation.id.split('.')[0] === s.id))
      out.push(
        `| ${r.recommendation.id} ${mdEscape(r.recommendation.title)} | ${r.status === 'fail' ? '**fail**' : STATUS_LABEL[r.status]} | ${r.checks.map(mdEscape).join(', ')} | ${details(r, report).map(mdEscape).join('<br>')} |`,
      );
    out.push('');
  }
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) out.push(`> ${errors} error${errors === 1 ? '' : 's'} in the input: results may be incomplete.`, '');
  return out.join('\n');
}
