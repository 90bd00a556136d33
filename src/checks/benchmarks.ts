// The benchmark versions tfguard reports on (benchmarks/*.yaml at the package root): every recommendation of a
// version with its section and title, and why the ones Terraform cannot judge are not judged. Which checks judge a
// recommendation is not written here: it is each check's `compliance` (test/checks/benchmarks.test.ts holds the
// two together), so a new check maps itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../common/package-root.js';
import { parse } from 'yaml';
import type { Check } from './model.js';

export interface Recommendation {
  /** The number in this version (`5.3`, `2.1.4`). */
  id: string;
  title: string;
  /** Why Terraform cannot judge it (the root user, runtime data); absent when checks judge it. */
  notJudged?: string;
}

export interface BenchmarkSection {
  id: string;
  title: string;
}

export interface Benchmark {
  /** `cis-aws-5.0.0`: what `--benchmark` takes. */
  id: string;
  /** The framework name in the checks' `compliance` (`CIS AWS Foundations`). */
  framework: string;
  version: string;
  title: string;
  /** Top-level sections and subsections, in number order. */
  sections: BenchmarkSection[];
  recommendations: Recommendation[];
}

/** The IDs of benchmarks/*.yaml (held equal to the files by test/checks/benchmarks.test.ts), for `--benchmark`. */
export const BENCHMARK_IDS = [
  'cis-aws-1.2.0',
  'cis-aws-1.4.0',
  'cis-aws-1.5.0',
  'cis-aws-2.0.0',
  'cis-aws-3.0.0',
  'cis-aws-4.0.1',
  'cis-aws-5.0.0',
] as const;

export function builtinBenchmarksDir(): string {
  return join(packageRoot(), 'benchmarks');
}

function numberOrder(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

function text(v: unknown, what: string, file: string): string {
  if (typeof v !== 'string' || !v.trim()) throw new Error(`${file}: ${what} must be a non-empty string`);
  return v;
}

/** Read one benchmark file; a malformed built-in file is a bug of tfguard, so it throws naming the file. */
export function readBenchmark(file: string): Benchmark {
  const d = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const sections = Object.entries((d.sections ?? {}) as Record<string, unknown>)
    .map(([id, t]) => ({ id, title: text(t, `sections.${id}`, file) }))
    .sort((a, b) => numberOrder(a.id, b.id));
  if (!Array.isArray(d.recommendations)) throw new Error(`${file}: recommendations must be a list`);
  const recommendations = (d.recommendations as Record<string, unknown>[]).map((r, i) => {
    const rec: Recommendation = {
      id: text(r.id, `recommendations.${i}.id`, file),
      title: text(r.title, `recommendations.${i}.title`, file),
    };
    if (r.not_judged !== undefined) rec.notJudged = text(r.not_judged, `recommendations.${i}.not_judged`, file);
    if (!sections.some((s) => s.id === rec.id.split('.')[0])) throw new Error(`${file}: recommendation ${rec.id} is in no section`);
    return rec;
  });
  return {
    id: text(d.id, 'id', file),
    framework: text(d.framework, 'framework', file),
    version: text(d.version, 'version', file),
    title: text(d.title, 'title', file),
    sections,
    recommendations: recommendations.sort((a, b) => numberOrder(a.id, b.id)),
  };
}

let cached: Benchmark[] | undefined;

/** Every built-in benchmark version, oldest first. */
export function builtinBenchmarks(): Benchmark[] {
  if (!cached) {
    const dir = builtinBenchmarksDir();
    cached = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => readBenchmark(join(dir, f)))
      .sort((a, b) => numberOrder(a.version, b.version));
  }
  return cached;
}

/** The section a recommendation belongs to, most specific first (`2.1.4` → `2.1`, else `2`). */
export function sectionOf(b: Benchmark, recommendation: string): BenchmarkSection {
  const parts = recommendation.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const s = b.sections.find((x) => x.id === parts.slice(0, n).join('.'));
    if (s) return s;
  }
  return b.sections.find((x) => x.id === parts[0])!;
}

/** The checks (or rules of a report) that judge each recommendation of `b`, by its number. */
export function checksByRecommendation<T extends Pick<Check, 'compliance'>>(b: Benchmark, checks: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const c of checks)
    for (const r of c.compliance[b.framework]?.[b.version] ?? []) {
      if (!out.has(r)) out.set(r, []);
      out.get(r)!.push(c);
    }
  return out;
}

/** Does the check judge some recommendation of `b`? */
export function inBenchmark(b: Benchmark, c: Check): boolean {
  return (c.compliance[b.framework]?.[b.version]?.length ?? 0) > 0;
}
