// Which checks run: `--check` / `--skip-check` patterns (IDs, peers' aliases, globs, severities), and
// severity ordering for thresholds and the `--severity` filter.
import { minimatch } from 'minimatch';
import { ALIAS_TOOLS, SEVERITIES, type Check, type Severity } from './model.js';

/** Rank of a severity: critical 4 … info 0. */
export function severityRank(s: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(s);
}

export function atLeast(s: Severity, threshold: Severity): boolean {
  return severityRank(s) >= severityRank(threshold);
}

export function parseSeverity(text: string): Severity | undefined {
  const t = text.trim().toLowerCase();
  return (SEVERITIES as readonly string[]).includes(t) ? (t as Severity) : undefined;
}

/** Every name a check answers to: its ID and each peer alias (`CKV_AWS_35`, `AVD-AWS-0015`). */
export function checkNames(check: Check): string[] {
  const names = [check.id];
  for (const tool of ALIAS_TOOLS) for (const a of check.aliases[tool] ?? []) names.push(a);
  return names;
}

/** Does one pattern (ID, alias or glob; case-insensitive) name this check? */
export function namesCheck(pattern: string, check: Check): boolean {
  const p = pattern.trim();
  const glob = /[*?[\]{}]/.test(p);
  return checkNames(check).some((n) =>
    glob ? minimatch(n, p, { nocase: true, noglobstar: false, dot: true }) : n.toLowerCase() === p.toLowerCase(),
  );
}

export interface Selection {
  /** `--check`: run only checks named here; a severity selects that severity and above. */
  include: readonly string[];
  /** `--skip-check`: never run these; a severity skips that severity and below. */
  exclude: readonly string[];
}

export interface SelectionResult {
  checks: Check[];
  /** Patterns that name no check at all (almost always a typo): `--skip-check 'CKV_AWS_999'`. */
  unmatched: { flag: '--check' | '--skip-check'; pattern: string }[];
}

/** Split `a,b` lists and drop empty entries. */
export function splitList(values: readonly string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function selectChecks(checks: readonly Check[], selection: Selection): SelectionResult {
  const include = splitList(selection.include);
  const exclude = splitList(selection.exclude);
  const unmatched: SelectionResult['unmatched'] = [];
  const matches = (p: string, c: Check, below: boolean): boolean => {
    const sev = parseSeverity(p);
    if (sev) return below ? !atLeast(c.severity, sev) || c.severity === sev : atLeast(c.severity, sev);
    return namesCheck(p, c);
  };
  for (const [flag, list] of [
    ['--check', include],
    ['--skip-check', exclude],
  ] as const) {
    for (const p of list) if (!parseSeverity(p) && !checks.some((c) => namesCheck(p, c))) unmatched.push({ flag, pattern: p });
  }
  const out = checks.filter(
    (c) => (include.length === 0 || include.some((p) => matches(p, c, false))) && !exclude.some((p) => matches(p, c, true)),
  );
  return { checks: out, unmatched };
}
