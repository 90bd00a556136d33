// Baselines: the findings a team accepts today, recorded by an identity that survives line moves
// (check ID, resource address, attribute path), so a later scan fails only on new findings and can
// say which recorded ones are fixed.
import type { Diagnostic } from '../load/ast.js';
import type { Finding } from './model.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  check: string;
  address: string;
  /** Attribute path that decided the finding, '' for the resource itself. */
  path: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

export function baselineKey(e: BaselineEntry): string {
  return JSON.stringify([e.check, e.address, e.path]);
}

export function entryOf(f: Finding): BaselineEntry {
  return { check: f.checkId, address: f.address, path: f.path ?? '' };
}

function compare(a: BaselineEntry, b: BaselineEntry): number {
  const ka = baselineKey(a);
  const kb = baselineKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The baseline of these findings, deduplicated and sorted: the same findings give the same bytes. */
export function createBaseline(findings: readonly Finding[]): Baseline {
  const seen = new Map<string, BaselineEntry>();
  for (const f of findings) seen.set(baselineKey(entryOf(f)), entryOf(f));
  return { version: BASELINE_VERSION, findings: [...seen.values()].sort(compare) };
}

export function serializeBaseline(b: Baseline): string {
  return JSON.stringify(b, null, 2) + '\n';
}

/** Parse a baseline file; problems are diagnostics naming the file and what was expected. */
export function parseBaseline(text: string, file: string): { baseline?: Baseline; diagnostics: Diagnostic[] } {
  const bad = (message: string): { diagnostics: Diagnostic[] } => ({
    diagnostics: [{ severity: 'error', code: 'baseline', file, message, hint: 'recreate it with `tfguard scan --create-baseline FILE <path>`' }],
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return bad(`the baseline is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return bad('the baseline must be a JSON object with `version` and `findings`');
  const o = data as { version?: unknown; findings?: unknown };
  if (o.version !== BASELINE_VERSION) return bad(`unsupported baseline version ${JSON.stringify(o.version)}; expected ${BASELINE_VERSION}`);
  if (!Array.isArray(o.findings)) return bad('`findings` must be a list');
  const findings: BaselineEntry[] = [];
  for (const [i, e] of o.findings.entries()) {
    const x = e as Partial<BaselineEntry> | null;
    if (!x || typeof x.check !== 'string' || typeof x.address !== 'string' || typeof x.path !== 'string') {
      return bad(`findings[${i}] must be an object with string fields check, address and path`);
    }
    findings.push({ check: x.check, address: x.address, path: x.path });
  }
  return { baseline: { version: BASELINE_VERSION, findings }, diagnostics: [] };
}

export interface BaselineComparison {
  /** Findings not in the baseline: these fail. */
  fresh: Finding[];
  /** Findings the baseline accepts. */
  known: Finding[];
  /** Baseline entries no finding matches any more (among the checks that ran). */
  fixed: BaselineEntry[];
}

/** Compare findings with a baseline; `ranChecks` limits `fixed` to checks that actually ran. */
export function compareBaseline(findings: readonly Finding[], baseline: Baseline, ranChecks: ReadonlySet<string>): BaselineComparison {
  const keys = new Set(baseline.findings.map(baselineKey));
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const k = baselineKey(entryOf(f));
    if (keys.has(k)) {
      known.push(f);
      seen.add(k);
    } else fresh.push(f);
  }
  const fixed = baseline.findings.filter((e) => ranChecks.has(e.check) && !seen.has(baselineKey(e))).sort(compare);
  return { fresh, known, fixed };
}
