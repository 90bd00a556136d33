// The HTML format: one self-contained page (inline CSS, no script, nothing fetched: its Content-Security-Policy
// forbids it) for teams without GitHub code scanning. With `--benchmark`, totals per section drawn as bars and every
// recommendation with its findings (and code frames) or the reasons it is unknown; without, the findings by check.
// Every scanned text is escaped.
import { inert } from '../common/escape.js';
import { SEVERITIES } from '../checks/model.js';
import type { UnknownResult } from '../checks/model.js';
import { benchmarkReport, STATUSES, type RecommendationStatus } from './benchmark.js';
import { STATUS_LABEL } from './benchmark-markdown.js';
import { countBySeverity, TOOL, type Report, type ReportFinding } from './model.js';
import { relativeTo } from './paths.js';
import { sourceLines } from './source-lines.js';

export function htmlEscape(s: string): string {
  return inert(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const COLOR: Record<RecommendationStatus, string> = {
  pass: '#2e7d32',
  fail: '#c62828',
  unknown: '#f9a825',
  'not-applicable': '#90a4ae',
  'not-judged': '#cfd8dc',
};

const SEVERITY_COLOR: Record<string, string> = { critical: '#7b1fa2', high: '#c62828', medium: '#ef6c00', low: '#f9a825', info: '#90a4ae' };

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1c2228}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dde3e8;padding-bottom:.3rem}
.summary{color:#4b5866}.legend span{display:inline-block;margin-right:1rem}.sw{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-1px}
table.bars{border-collapse:collapse;width:100%}table.bars td{padding:.25rem .4rem;vertical-align:middle}table.bars td.name{width:18rem}table.bars td.meter{width:45%}
.bar{display:flex;height:1.1rem;border-radius:3px;overflow:hidden;background:#eceff1}.bar div{height:100%}
.rec{border:1px solid #dde3e8;border-radius:6px;margin:.6rem 0;padding:.5rem .8rem}.rec h3{font-size:1rem;margin:.1rem 0}
.badge{display:inline-block;border-radius:10px;padding:0 .55rem;font-size:.8rem;color:#fff;margin-right:.4rem}
.checks,.why{color:#4b5866;font-size:.85rem}.finding{margin:.5rem 0}
pre{background:#f6f8fa;border-radius:4px;padding:.4rem .6rem;overflow-x:auto;font-size:12.5px;line-height:1.35;margin:.3rem 0}
pre .hit{background:#ffebee;display:block}ul{margin:.3rem 0 .3rem 1.2rem;padding:0}
`;

function page(title: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlEscape(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The lines of a finding with two lines around them, numbered, the finding's own lines marked. */
function codeFrame(report: Report, f: ReportFinding): string {
  const lines = sourceLines(report, f.file);
  if (lines === undefined) return '';
  const first = Math.max(1, f.range.start.line - 2);
  const last = Math.min(lines.count, Math.max(f.range.end.line, f.range.start.line) + 2, f.range.start.line + 12);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const hit = n >= f.range.start.line && n <= f.range.end.line;
    const line = `${String(n).padStart(width)} | ${htmlEscape(lines.line(n) ?? '')}`;
    out.push(hit ? `<span class="hit">${line}</span>` : `${line}\n`);
  }
  return `<pre>${out.join('')}</pre>`;
}

function findingHtml(report: Report, f: ReportFinding): string {
  const where = `${relativeTo(report.repoRoot, f.file) ?? f.file}:${f.range.start.line}`;
  return `<div class="finding"><strong>${htmlEscape(where)}</strong> ${htmlEscape(f.checkId)}: ${htmlEscape(f.message)}${codeFrame(report, f)}</div>`;
}

function unknownHtml(report: Report, u: UnknownResult): string {
  const where = `${relativeTo(report.repoRoot, u.file) ?? u.file}:${u.range.start.line}`;
  return `<li>${htmlEscape(where)} ${htmlEscape(u.checkId)} on ${htmlEscape(u.address)}: ${htmlEscape(u.reasons.join('; '))}</li>`;
}

function bar(counts: Record<string, number>, colors: Record<string, string>, keys: readonly string[]): string {
  const total = keys.reduce((n, k) => n + (counts[k] ?? 0), 0) || 1;
  const parts = keys
    .filter((k) => counts[k])
    .map(
      (k) =>
        `<div style="width:${((100 * counts[k]!) / total).toFixed(2)}%;background:${colors[k]}" title="${htmlEscape(`${k}: ${counts[k]}`)}"></div>`,
    );
  return `<div class="bar">${parts.join('')}</div>`;
}

function legend(keys: readonly string[], colors: Record<string, string>, label: (k: string) => string): string {
  return `<p class="legend">${keys.map((k) => `<span><i class="sw" style="background:${colors[k]}"></i>${htmlEscape(label(k))}</span>`).join('')}</p>`;
}

function benchmarkBody(report: Report): string[] {
  const b = report.benchmark!;
  const br = benchmarkReport(report, b);
  const label = (k: string): string => STATUS_LABEL[k as RecommendationStatus];
  const out = [`<h1>${htmlEscape(b.title)}: compliance report</h1>`];
  out.push(
    `<p class="summary">${htmlEscape(`${TOOL.name} ${TOOL.version} judged ${report.resources} resources of ${relativeTo(report.repoRoot, report.scanRoot) || '.'}: ${STATUSES.map((s) => `${br.totals[s]} ${label(s)}`).join(', ')}.`)}</p>`,
  );
  out.push(legend(STATUSES, COLOR, label), '<table class="bars">');
  for (const s of br.sections)
    out.push(
      `<tr><td class="name">${htmlEscape(`${s.id} ${s.title}`)}</td><td class="meter">${bar(s.counts, COLOR, STATUSES)}</td><td>${STATUSES.filter(
        (k) => s.counts[k],
      )
        .map((k) => `${s.counts[k]} ${htmlEscape(label(k))}`)
        .join(', ')}</td></tr>`,
    );
  out.push('</table>');
  for (const s of br.sections) {
    out.push(`<h2>${htmlEscape(`${s.id} ${s.title}`)}</h2>`);
    for (const r of br.results.filter((x) => x.recommendation.id.split('.')[0] === s.id)) {
      out.push(`<div class="rec" id="r${htmlEscape(r.recommendation.id)}">`);
      out.push(
        `<h3><span class="badge" style="background:${COLOR[r.status]};color:${r.status === 'not-judged' ? '#1c2228' : '#fff'}">${htmlEscape(label(r.status))}</span>${htmlEscape(`${r.recommendation.id} ${r.recommendation.title}`)}</h3>`,
      );
      if (r.checks.length) out.push(`<div class="checks">${htmlEscape(`checks: ${r.checks.join(', ')}`)}</div>`);
      if (r.recommendation.notJudged) out.push(`<div class="why">${htmlEscape(r.recommendation.notJudged)}</div>`);
      for (const f of r.findings) out.push(findingHtml(report, f));
      if (r.blocked.length)
        out.push(
          `<ul>${r.blocked.map((x) => `<li>${htmlEscape(`${x.address}: ${x.checkId} blocked by ${x.blockedBy}, which fails`)}</li>`).join('')}</ul>`,
        );
      if (r.unknowns.length) out.push(`<div class="why">Unknown:</div><ul>${r.unknowns.map((u) => unknownHtml(report, u)).join('')}</ul>`);
      if (r.suppressed.length) out.push(`<div class="why">${r.suppressed.length} finding(s) suppressed</div>`);
      out.push('</div>');
    }
  }
  return out;
}

function plainBody(report: Report): string[] {
  const counts = countBySeverity(report.findings);
  const out = ['<h1>tfguard report</h1>'];
  out.push(
    `<p class="summary">${htmlEscape(`${TOOL.name} ${TOOL.version}: ${report.findings.length} findings over ${report.resources} resources and ${report.rules.filter((r) => !r.own).length} checks; ${report.unknowns.length} unknown results.`)}</p>`,
  );
  out.push(
    legend(SEVERITIES, SEVERITY_COLOR, (k) => k),
    `<div style="max-width:40rem">${bar(counts, SEVERITY_COLOR, SEVERITIES)}</div>`,
  );
  const byCheck = new Map<string, ReportFinding[]>();
  for (const f of report.findings) {
    if (!byCheck.has(f.checkId)) byCheck.set(f.checkId, []);
    byCheck.get(f.checkId)!.push(f);
  }
  for (const [id, fs] of byCheck) {
    out.push(`<h2>${htmlEscape(`${id}: ${fs[0]!.title}`)}</h2>`);
    for (const f of fs) out.push(findingHtml(report, f));
  }
  if (report.unknowns.length)
    out.push('<h2>Unknown results</h2>', `<ul>${report.unknowns.map((u) => unknownHtml(report, u)).join('')}</ul>`);
  return out;
}

export function renderHtml(report: Report): string {
  return page(
    report.benchmark ? `${report.benchmark.title}: compliance report` : 'tfguard report',
    report.benchmark ? benchmarkBody(report) : plainBody(report),
  );
}
