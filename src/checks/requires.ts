// Prerequisites (`requires:` in a check file): a check that can only hold when another does (every CIS alarm needs the
// trail's CloudWatch Logs integration) is not a separate finding where the prerequisite fails for the same resource.
// It is reported once as blocked, naming the prerequisite, and counts as no finding.
import type { Diagnostic, Range } from '../common/diagnostics.js';
import type { BlockedResult, Check, Finding } from './model.js';

/** Split findings into those that stand and those blocked by a failing prerequisite on the same resource and root. */
export function applyPrerequisites(
  checks: readonly Check[],
  findings: readonly Finding[],
): { findings: Finding[]; blocked: BlockedResult[] } {
  const requires = new Map(checks.filter((c) => c.requires.length).map((c) => [c.id, c.requires]));
  if (!requires.size) return { findings: [...findings], blocked: [] };
  // The first finding of each prerequisite check per resource and root (only checks some check requires).
  const prerequisites = new Set([...requires.values()].flat());
  const failing = new Map<string, Finding>();
  const key = (checkId: string, f: Finding): string => `${checkId}\0${f.resource?.root ?? ''}\0${f.address}`;
  for (const f of findings) {
    if (!prerequisites.has(f.checkId)) continue;
    const k = key(f.checkId, f);
    if (!failing.has(k)) failing.set(k, f);
  }
  const kept: Finding[] = [];
  const blocked: BlockedResult[] = [];
  for (const f of findings) {
    const ids = requires.get(f.checkId);
    const prerequisite = ids?.map((id) => failing.get(key(id, f))).find((p) => p !== undefined);
    if (!prerequisite) {
      kept.push(f);
      continue;
    }
    blocked.push({
      checkId: f.checkId,
      title: f.title,
      severity: f.severity,
      address: f.address,
      ...(f.resource ? { resource: f.resource } : {}),
      file: prerequisite.file,
      range: prerequisite.range,
      requires: prerequisite.checkId,
    });
  }
  return { findings: kept, blocked };
}

/** Problems with the `requires:` of a set of checks: an unknown ID, a check requiring itself, a cycle. */
export function prerequisiteProblems(checks: readonly { check: Check; idRange: Range }[]): Diagnostic[] {
  const byId = new Map(checks.map((c) => [c.check.id, c]));
  const out: Diagnostic[] = [];
  for (const { check, idRange } of checks) {
    for (const id of check.requires) {
      if (id === check.id) out.push(problem(check.file, idRange, `check ${check.id} requires itself`, 'remove its own ID from `requires`'));
      else if (!byId.has(id))
        out.push(
          problem(
            check.file,
            idRange,
            `check ${check.id} requires ${id}, which is not loaded`,
            'name a check that exists (built-in or in --checks-dir), or remove it from `requires`',
          ),
        );
    }
    const cycle = findCycle(check.id, byId);
    if (cycle)
      out.push(
        problem(check.file, idRange, `checks require each other in a cycle: ${cycle.join(' → ')}`, 'remove one of the `requires` entries'),
      );
  }
  return out;
}

function findCycle(start: string, byId: Map<string, { check: Check }>): string[] | undefined {
  const walk = (id: string, path: string[]): string[] | undefined => {
    for (const next of byId.get(id)?.check.requires ?? []) {
      if (next === start && path.length > 1) return [...path, next];
      if (path.includes(next) || next === id) continue;
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}

function problem(file: string, range: Range, message: string, hint: string): Diagnostic {
  return { severity: 'error', code: 'check-requires', file, range, message, hint };
}
