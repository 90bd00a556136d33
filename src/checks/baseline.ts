// Baselines: the findings a team accepts today, recorded by an identity that survives line moves
// (check ID, resource address, attribute path, and the root module when a scan holds several), so a
// later scan fails only on new findings and can say which recorded ones are fixed.
import { relative, sep } from 'node:path';
import type { Diagnostic } from '../common/diagnostics.js';
import type { Finding } from './model.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  check: string;
  address: string;
  /** Attribute path that decided the finding, '' for the resource itself. */
  path: string;
  /**
   * The root module directory, relative to the scanned directory (`envs/prod`), when it is not the
   * scanned directory itself: the same address in two root modules is two resources.
   */
  root?: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

export function baselineKey(e: BaselineEntry): string {
  return JSON.stringify([e.check, e.address, e.path, e.root ?? '']);
}

/** The identity of a finding; `scanRoot` (absolute) makes the root module relative, so baselines move with the repository. */
export function entryOf(f: Finding, scanRoot?: string): BaselineEntry {
  const root = f.resource?.root && scanRoot ? relative(scanRoot, f.resource.root).split(sep).join('/') : '';
  // An expired suppression is keyed by its date, as baselines have always recorded it (`exp:YYYY-MM-DD`).
  const p = f.suppressionProblem;
  const path = f.path ?? (p?.kind === 'expired' ? `exp:${p.expires}` : '');
  return { check: f.checkId, address: f.address, path, ...(root ? { root } : {}) };
}

function compare(a: BaselineEntry, b: BaselineEntry): number {
  const ka = baselineKey(a);
  const kb = baselineKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The baseline of these findings, deduplicated and sorted: the same findings give the same bytes. */
export function createBaseline(findings: readonly Finding[], scanRoot?: string): Baseline {
  const seen = new Map<string, BaselineEntry>();
  for (const f of findings) seen.set(baselineKey(entryOf(f, scanRoot)), entryOf(f, scanRoot));
  return { version: BASELINE_VERSION, findings: [...seen.values()].sort(compare) };
}

export function serializeBaseline(b: Baseline): string {
  return JSON.stringify(b, null, 2) + '\n';
}

/** Parse a baseline file; problems are diagnostics naming the file and what was expected. */
export function parseBaseline(text: string, file: string): { baseline?: Baseline; diagnostics: Diagnostic[] } {
  const bad = (message: string): { diagnostics: Diagnostic[] } => ({
    diagnostics: [
      { severity: 'error', code: 'baseline', file, message, hint: 'recreate it with `tfguard scan --create-baseline FILE <path>`' },
    ],
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return bad(`the baseline is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return bad('the baseline must be a JSON object with `version` and `findings`');
  const o = data as { version?: unknown; findings?: unknown };
  if (o.version !== BASELINE_VERSION) return bad(`unsupported baseline version ${JSON.stringify(o.version)}; expected ${BASELINE_VERSION}`);
  if (!Array.isArray(o.findings)) return bad('`findings` must be a list');
  const findings: BaselineEntry[] = [];
  for (const [i, e] of o.findings.entries()) {
    const x = e as Partial<BaselineEntry> | null;
    if (
      !x ||
      typeof x.check !== 'string' ||
      typeof x.address !== 'string' ||
      typeof x.path !== 'string' ||
      (x.root !== undefined && typeof x.root !== 'string')
    ) {
      return bad(`findings[${i}] must be an object with string fields check, address and path (and optionally root)`);
    }
    findings.push({ check: x.check, address: x.address, path: x.path, ...(x.root ? { root: x.root } : {}) });
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
export function compareBaseline(
  findings: readonly Finding[],
  baseline: Baseline,
  ranChecks: ReadonlySet<string>,
  scanRoot?: string,
): BaselineComparison {
  const keys = new Set(baseline.findings.map(baselineKey));
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const k = baselineKey(entryOf(f, scanRoot));
    if (keys.has(k)) {
      known.push(f);
      seen.add(k);
    } else fresh.push(f);
  }
  const fixed = baseline.findings.filter((e) => ranChecks.has(e.check) && !seen.has(baselineKey(e))).sort(compare);
  return { fresh, known, fixed };
}
