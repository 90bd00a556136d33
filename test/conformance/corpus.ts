// Conformance: load and evaluate the whole corpus, one scan per repository folder, as `tfguard` would.
//   node dist/test/conformance/corpus.js --corpus <dir> [--depth 2] [--timeout 300]
// Repository folders are the directories `--depth` levels below the corpus (corpus/terraform/{real,fixtures}/<repo>).
// Each is scanned with evaluateProject in a worker thread, one at a time; a scan that throws, or takes longer
// than --timeout seconds (a hang: the worker is terminated), fails the run (exit 1). Prints resources, modules,
// files and diagnostics by code, and the slowest repositories.
import { relative } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { evaluateProject } from '../../src/evaluate/project.js';
import { corpusRepoDirs } from './corpus-dirs.js';

interface RepoResult {
  repo: string;
  ok: boolean;
  error?: string;
  ms: number;
  files: number;
  modules: number;
  resources: number;
  unknownExpansions: number;
  diagnostics: Record<string, number>;
}

async function scanInWorker(dir: string): Promise<void> {
  const t0 = performance.now();
  const p = evaluateProject(dir, { env: {} });
  const ms = performance.now() - t0;
  const diagnostics: Record<string, number> = {};
  for (const d of p.diagnostics) {
    const k = `${d.severity} ${d.code}`;
    diagnostics[k] = (diagnostics[k] ?? 0) + 1;
  }
  parentPort!.postMessage({
    ms,
    files: p.files.length,
    modules: p.modules.length,
    resources: p.resources.length,
    unknownExpansions: p.resources.filter((r) => r.expansionUnknown).length,
    diagnostics,
  });
}

function scanRepo(corpus: string, dir: string, timeoutMs: number): Promise<RepoResult> {
  const repo = relative(corpus, dir);
  const t0 = performance.now();
  return new Promise((done) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { dir } });
    let settled = false;
    const finish = (r: Omit<RepoResult, 'repo' | 'ms'> & { ms?: number }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void w.terminate();
      done({ repo, ms: r.ms ?? performance.now() - t0, ...r });
    };
    const empty = { files: 0, modules: 0, resources: 0, unknownExpansions: 0, diagnostics: {} };
    const timer = setTimeout(() => finish({ ok: false, error: `no result after ${timeoutMs / 1000} s (hang?)`, ...empty }), timeoutMs);
    w.on('message', (m: Omit<RepoResult, 'repo' | 'ok'>) => finish({ ok: true, ...m }));
    w.on('error', (e) => finish({ ok: false, error: e.stack ?? String(e), ...empty }));
    w.on('exit', (code) => finish({ ok: false, error: `worker exited (code ${code}) without a result`, ...empty }));
  });
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const opt = (name: string, dflt: string): string => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : dflt;
  };
  const corpus = opt('--corpus', '');
  if (!corpus) throw new Error('usage: corpus.js --corpus <dir> [--depth 2] [--timeout 300]');
  const depth = Number(opt('--depth', '2'));
  const timeoutMs = Number(opt('--timeout', '300')) * 1000;

  const results: RepoResult[] = [];
  for (const dir of corpusRepoDirs(corpus, depth)) {
    const r = await scanRepo(corpus, dir, timeoutMs);
    results.push(r);
    const diags = Object.values(r.diagnostics).reduce((a, b) => a + b, 0);
    console.log(
      `${r.ok ? 'ok  ' : 'FAIL'} ${r.repo}: ${(r.ms / 1000).toFixed(2)} s, ${r.files} files, ${r.modules} modules, ${r.resources} resources, ${diags} diagnostics${r.error ? `\n     ${r.error}` : ''}`,
    );
  }
  const sum = (f: (r: RepoResult) => number): number => results.reduce((a, r) => a + f(r), 0);
  const codes: Record<string, number> = {};
  for (const r of results) for (const [k, n] of Object.entries(r.diagnostics)) codes[k] = (codes[k] ?? 0) + n;
  console.log(
    `corpus: ${results.length} repositories, ${sum((r) => r.files)} files, ${sum((r) => r.modules)} module instances, ${sum((r) => r.resources)} resources (${sum((r) => r.unknownExpansions)} with unknown count/for_each), ${(sum((r) => r.ms) / 1000).toFixed(1)} s`,
  );
  console.log('diagnostics by code:');
  for (const [k, n] of Object.entries(codes).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)} ${k}`);
  console.log('slowest:');
  for (const r of [...results].sort((a, b) => b.ms - a.ms).slice(0, 5)) console.log(`  ${(r.ms / 1000).toFixed(2)} s ${r.repo}`);
  const failed = results.filter((r) => !r.ok);
  if (failed.length) {
    console.log(`FAIL: ${failed.length} repositories threw or hung: ${failed.map((r) => r.repo).join(', ')}`);
    return 1;
  }
  console.log('OK: every repository loaded and evaluated without an exception');
  return 0;
}

if (isMainThread) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error((e as Error)?.stack ?? String(e));
      process.exit(2);
    },
  );
} else {
  await scanInWorker((workerData as { dir: string }).dir);
}
