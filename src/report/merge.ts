// `tfguard merge`: reports of split runs (one per log prefix, CI matrix job or `xargs -P` process) combined into the
// report one run over everything would have written. JSON reports: every list united with duplicates removed,
// results in the one order (file, line, column, check ID, address), the summary counted again. SARIF: the runs
// become one run with the rules united and sorted by ID, each result's ruleIndex renumbered, duplicates removed.
import type * as Sarif from 'sarif';
import { SEVERITIES } from '../checks/model.js';

type Json = Record<string, unknown>;

export type MergeResult = { ok: true; kind: 'json' | 'sarif'; text: string } | { ok: false; message: string };

/** The deepest directory holding every one of these `/`-separated relative paths ('.' for none). */
function commonDir(paths: readonly string[]): string {
  const parts = paths.map((p) => (p === '.' ? [] : p.split('/')));
  const first = parts[0] ?? [];
  let n = first.length;
  for (const p of parts) {
    let k = 0;
    while (k < n && k < p.length && p[k] === first[k]) k++;
    n = k;
  }
  return n ? first.slice(0, n).join('/') : '.';
}

function unique<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const cmp = (a: unknown, b: unknown): number => (a === b ? 0 : String(a) < String(b) ? -1 : 1);
const num = (a: unknown, b: unknown): number => Number(a ?? 0) - Number(b ?? 0);

/** The one order of results: file, line, column, check ID, address. */
function byPlace(a: Json, b: Json): number {
  return cmp(a.file, b.file) || num(a.line, b.line) || num(a.column, b.column) || cmp(a.check_id, b.check_id) || cmp(a.address, b.address);
}

function mergeJson(docs: Json[]): MergeResult {
  const version = docs[0]!.version;
  if (docs.some((d) => d.version !== version)) return { ok: false, message: 'the JSON reports have different format versions' };
  const list = (key: string): Json[] => unique(docs.flatMap((d) => (Array.isArray(d[key]) ? (d[key] as Json[]) : [])));
  const findings = list('findings').sort(byPlace);
  const checks = unique(list('checks')).sort((a, b) => cmp(a.id, b.id));
  const diagnostics = list('diagnostics');
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length]));
  const summary = (key: string): number => docs.reduce((n, d) => n + Number((d.summary as Json | undefined)?.[key] ?? 0), 0);
  const out = {
    version,
    tool: docs[0]!.tool,
    scan_root: commonDir(docs.map((d) => String(d.scan_root ?? '.'))),
    summary: {
      findings: findings.length,
      by_severity: bySeverity,
      suppressed: list('suppressed').length,
      unknown: list('unknowns').length,
      blocked: list('blocked').length,
      fixed: list('fixed').length,
      // As a single run counts them: tfguard's own suppression rules (TFG.TFGUARD.*) are no checks.
      checks: checks.filter((c) => !String((c as { id?: unknown }).id ?? '').startsWith('TFG.TFGUARD.')).length,
      resources: summary('resources'),
      errors: diagnostics.filter((d) => d.severity === 'error').length,
    },
    checks,
    findings,
    suppressed: list('suppressed').sort(byPlace),
    unknowns: list('unknowns').sort(byPlace),
    blocked: list('blocked').sort(byPlace),
    fixed: list('fixed'),
    diagnostics,
  };
  return { ok: true, kind: 'json', text: JSON.stringify(out, null, 2) + '\n' };
}

function resultKey(r: Sarif.Result): Json {
  const loc = r.locations?.[0]?.physicalLocation;
  return {
    file: loc?.artifactLocation?.uri ?? '',
    line: loc?.region?.startLine ?? 0,
    column: loc?.region?.startColumn ?? 0,
    check_id: r.ruleId ?? '',
    address: (r.properties as Json | undefined)?.address ?? '',
  };
}

function mergeSarif(logs: Sarif.Log[]): MergeResult {
  const runs = logs.flatMap((l) => l.runs ?? []);
  if (!runs.length) return { ok: false, message: 'the SARIF files hold no runs' };
  const names = new Set(runs.map((r) => r.tool.driver.name));
  if (names.size > 1) return { ok: false, message: `the SARIF runs come from different tools (${[...names].join(', ')})` };
  const rules = new Map<string, Sarif.ReportingDescriptor>();
  for (const run of runs) for (const r of run.tool.driver.rules ?? []) if (!rules.has(r.id)) rules.set(r.id, r);
  const sorted = [...rules.values()].sort((a, b) => cmp(a.id, b.id));
  const index = new Map(sorted.map((r, i) => [r.id, i]));
  const results = unique(runs.flatMap((run) => (run.results ?? []).map((r) => ({ ...r, ruleIndex: index.get(r.ruleId ?? '') ?? -1 }))))
    .map((r) => ({ r, k: resultKey(r) }))
    .sort((a, b) => byPlace(a.k, b.k))
    .map((x) => x.r);
  const ids = runs.map((r) => r.automationDetails?.id ?? '');
  const tool = String(runs[0]!.tool.driver.name);
  // The category is `tool/<scan root, with each run of other characters as '-'>/`: the common part of the roots.
  const dirs = ids.map(
    (id) =>
      id
        .replace(new RegExp(`^${tool}/?`), '')
        .replace(/\/+$/, '')
        .replace(/-/g, '/') || '.',
  );
  const dir = commonDir(dirs).replace(/\//g, '-');
  const run: Sarif.Run = {
    ...runs[0]!,
    tool: { driver: { ...runs[0]!.tool.driver, rules: sorted } },
    automationDetails: { id: dir === '.' ? `${tool}/` : `${tool}/${dir}/` },
    invocations: [
      {
        executionSuccessful: runs.every((r) => r.invocations?.every((i) => i.executionSuccessful) ?? true),
        toolExecutionNotifications: unique(runs.flatMap((r) => r.invocations?.flatMap((i) => i.toolExecutionNotifications ?? []) ?? [])),
      },
    ],
    results,
  };
  return { ok: true, kind: 'sarif', text: JSON.stringify({ ...logs[0]!, runs: [run] }, null, 2) + '\n' };
}

/** Merge the texts of JSON reports or SARIF logs (all of one kind). */
export function mergeReports(inputs: readonly { file: string; text: string }[]): MergeResult {
  if (!inputs.length) return { ok: false, message: 'give the reports to merge' };
  const docs: Json[] = [];
  // The same report given twice (a retried job) counts once.
  const seen = new Set<string>();
  for (const i of inputs) {
    if (seen.has(i.text.trim())) continue;
    seen.add(i.text.trim());
    let v: unknown;
    try {
      v = JSON.parse(i.text);
    } catch (e) {
      return { ok: false, message: `${i.file}: not valid JSON (${(e as Error).message})` };
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      return { ok: false, message: `${i.file}: not a tfguard JSON report or SARIF log` };
    docs.push(v as Json);
  }
  const kind = (d: Json): 'sarif' | 'json' | undefined =>
    Array.isArray(d.runs) ? 'sarif' : Array.isArray(d.findings) && d.summary ? 'json' : undefined;
  const kinds = docs.map(kind);
  const bad = kinds.findIndex((k) => !k);
  if (bad >= 0)
    return { ok: false, message: `${inputs[bad]!.file}: not a tfguard JSON report (--format json) or SARIF log (--format sarif)` };
  if (new Set(kinds).size > 1) return { ok: false, message: 'give reports of one kind: all JSON (--format json) or all SARIF' };
  return kinds[0] === 'sarif' ? mergeSarif(docs as unknown as Sarif.Log[]) : mergeJson(docs);
}
