// Cost of running checks versus loading: every repository folder of a Terraform corpus (default
// ../shared/corpus/terraform, repositories two levels down) is loaded with evaluateProject, then the
// built-in checks are run over all its resources (managed and data), as `tfguard scan` does.
//   node dist/bench/checks.js [--corpus DIR] [--runs 3] [--synthetic 20]
// The built-in checks only target aws_cloudtrail, which few resources are; --synthetic N adds N rules
// (`<type> should not have tags isEmpty()`) over the N most common resource types of the corpus, so
// that most resources are evaluated. Check times keep the best of --runs runs; loading runs once.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Check, builtinChecksDir, loadChecks, projectWorlds, runChecks } from '../src/checks/index.js';
import type { Project } from '../src/evaluate/model.js';
import { evaluateProject } from '../src/evaluate/project.js';
import { compileRule } from '../src/gsl/index.js';
import { initParser } from '../test/treesitter/treesitter.js';
import { corpusRepoDirs } from '../test/conformance/corpus-dirs.js';

function args(): { corpus: string; runs: number; synthetic: number } {
  const a = process.argv.slice(2);
  const get = (k: string, d: string): string => {
    const i = a.indexOf(`--${k}`);
    return i >= 0 && a[i + 1] ? a[i + 1]! : d;
  };
  const here = fileURLToPath(new URL('.', import.meta.url));
  return {
    corpus: get('corpus', join(here, '..', '..', '..', 'shared', 'corpus', 'terraform')),
    runs: Number(get('runs', '3')),
    synthetic: Number(get('synthetic', '20')),
  };
}

function syntheticChecks(projects: Project[], n: number, template: Check): Check[] {
  const counts = new Map<string, number>();
  for (const p of projects) for (const r of p.resources) if (r.mode === 'managed') counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  const types = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([t]) => t);
  return types.map((t, i) => {
    const c = compileRule(`${t} should not have tags isEmpty()`, `synthetic-${i}`);
    if (!c.ok) throw new Error(c.errors.map((e) => e.rendered).join('\n'));
    return { ...template, id: `SYNTHETIC.${i + 1}`, rule: c.rule };
  });
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = f();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

async function main(): Promise<void> {
  const { corpus, runs, synthetic } = args();
  await initParser();
  const compile = time(() => loadChecks([{ dir: builtinChecksDir(), builtin: true }]));
  if (compile.value.diagnostics.length)
    throw new Error(`built-in checks do not load: ${compile.value.diagnostics.map((d) => d.message).join('; ')}`);
  const builtin = compile.value.checks;

  const projects: Project[] = [];
  let loadMs = 0;
  for (const repo of corpusRepoDirs(corpus)) {
    const t = time(() => evaluateProject(repo, { env: {} }));
    loadMs += t.ms;
    projects.push(t.value);
  }
  const resources = projects.reduce((n, p) => n + p.resources.length, 0);
  const extra = syntheticChecks(projects, synthetic, builtin[0]!);

  const measure = (checks: Check[]): { ms: number; worldMs: number; evaluations: number; findings: number; unknowns: number } => {
    let best = { ms: Infinity, worldMs: 0, evaluations: 0, findings: 0, unknowns: 0 };
    for (let run = 0; run < runs; run++) {
      const worldMs = projects.reduce((ms, p) => ms + time(() => projectWorlds(p)).ms, 0);
      let evaluations = 0;
      let findings = 0;
      let unknowns = 0;
      const ms = projects.reduce((total, p) => {
        const t = time(() => runChecks(checks, p));
        evaluations += t.value.evaluations;
        findings += t.value.findings.length;
        unknowns += t.value.unknowns.length;
        return total + t.ms;
      }, 0);
      if (ms < best.ms) best = { ms, worldMs, evaluations, findings, unknowns };
    }
    return best;
  };
  const b = measure(builtin);
  const s = measure([...builtin, ...extra]);
  const pct = (ms: number): string => `${((100 * ms) / loadMs).toFixed(2)} %`;
  const rows = [
    ['corpus', corpus],
    ['repositories', String(projects.length)],
    ['resources (managed and data)', String(resources)],
    ['load (evaluateProject, all repositories)', `${loadMs.toFixed(0)} ms`],
    ['compile the built-in checks (read, validate, compile)', `${compile.ms.toFixed(1)} ms`],
    [
      `built-in checks (${builtin.length}): world + run`,
      `${b.ms.toFixed(1)} ms (${pct(b.ms)} of load; world ${b.worldMs.toFixed(1)} ms), ${b.evaluations} evaluations, ${b.findings} findings, ${b.unknowns} unknown`,
    ],
    [
      `built-in + ${extra.length} synthetic rules: world + run`,
      `${s.ms.toFixed(1)} ms (${pct(s.ms)} of load), ${s.evaluations} evaluations (${((1000 * s.ms) / Math.max(1, s.evaluations)).toFixed(2)} µs each), ${s.findings} findings, ${s.unknowns} unknown`,
    ],
  ];
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(56)} ${v}\n`);
}

await main();
