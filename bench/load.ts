// Load and evaluate throughput over a Terraform corpus (default ../shared/corpus/terraform).
//   node dist/bench/load.js [--corpus DIR] [--runs 3] [--fractions 25,50,100] [--workers 2] [--modes tree-sitter,parse,evaluate,load]
//                           [--exclude GLOB,GLOB]
// Each measurement runs in a fresh child process (so its peak RSS is its own) and keeps the best of --runs runs
// inside that process. Modes:
//   tree-sitter  the raw tree-sitter parser only (parse + delete the tree): the front end tfguard's own parser replaced,
//                kept dev-only (test/treesitter) for comparison;
//   parse        read + parse every configuration and auto-loaded variable file of every module directory into
//                the syntax model (src/load), as evaluateProject reads them;
//   evaluate     evaluateProject on each repository folder (discover, read, parse, evaluate), all in one thread;
//   load         loadProject, what `tfguard` does: as evaluate, reading the texts ahead (src/load/preparse.ts) and
//                letting each root module's syntax trees go once it is evaluated.
// Units of work are repository folders (`--depth` levels below the corpus); a fraction is the first repositories
// in four byte-balanced groups, so 25 % is about a quarter of the bytes (as near as whole repositories allow). With --workers N the repositories are
// split among N worker threads (largest first, to the least-loaded worker), except in load mode, where N is --jobs.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { evaluateProject, loadProject } from '../src/evaluate/project.js';
import { discover } from '../src/load/discover.js';
import { isAutoVarFile, parseConfigText } from '../src/load/module-dir.js';
import { initParser, withTree } from '../test/treesitter/treesitter.js';
import { corpusRepoDirs } from '../test/conformance/corpus-dirs.js';

type Mode = 'tree-sitter' | 'parse' | 'evaluate' | 'load';

interface Work {
  mode: Mode;
  repos: string[];
  /** Globs skipped, as tfguard's --exclude (e.g. the max_file_size folders holding kics's two 3.2 MB stress files). */
  exclude: string[];
}

interface Done {
  files: number;
  bytes: number;
  resources: number;
}

interface Measurement extends Done {
  mode: Mode;
  fraction: number;
  workers: number;
  bestMs: number;
  runsMs: number[];
  /** CPU time (user + system, all threads) of the best run: steadier than wall time on a shared machine. */
  cpuMs: number;
  peakRssMb: number;
}

/** The files evaluateProject reads in one repository: .tf/.tf.json and auto-loaded variable files of every module directory. */
function moduleFiles(repo: string, exclude: string[]): string[] {
  const out: string[] = [];
  for (const dir of discover(repo, { exclude }).moduleDirs) {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isFile()) continue;
      const n = e.name;
      if (n.endsWith('.tf') || n.endsWith('.tf.json') || isAutoVarFile(n)) out.push(join(dir, n));
    }
  }
  return out;
}

function runWork(w: Work): Done {
  const done: Done = { files: 0, bytes: 0, resources: 0 };
  for (const repo of w.repos) {
    if (w.mode === 'evaluate') {
      const p = evaluateProject(repo, { env: {}, exclude: w.exclude });
      done.resources += p.resources.length;
      for (const f of p.files) {
        done.files++;
        done.bytes += Buffer.byteLength(f.text);
      }
      continue;
    }
    for (const path of moduleFiles(repo, w.exclude)) {
      const text = readFileSync(path, 'utf8');
      done.files++;
      done.bytes += Buffer.byteLength(text);
      if (w.mode === 'parse') parseConfigText(path, text);
      else if (!path.endsWith('.json')) withTree(text, () => 0);
    }
  }
  return done;
}

/** loadProject on each repository with `jobs` parsing threads (the product's parallelism). */
async function runLoad(w: Work, jobs: number): Promise<Done> {
  const done: Done = { files: 0, bytes: 0, resources: 0 };
  for (const repo of w.repos) {
    const p = await loadProject(repo, { env: {}, exclude: w.exclude, jobs });
    done.resources += p.resources.length;
    for (const f of p.files) {
      done.files++;
      done.bytes += Buffer.byteLength(f.text);
    }
  }
  return done;
}

function inWorker(w: Work): Promise<Done> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: w });
    worker.once('message', (d: Done) => resolve(d));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker exited with code ${code}`)));
  });
}

function split(repos: string[], sizes: Map<string, number>, n: number): string[][] {
  const bins = Array.from({ length: n }, () => ({ repos: [] as string[], bytes: 0 }));
  for (const r of [...repos].sort((a, b) => sizes.get(b)! - sizes.get(a)!)) {
    const bin = bins.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    bin.repos.push(r);
    bin.bytes += sizes.get(r)!;
  }
  return bins.map((b) => b.repos).filter((b) => b.length > 0);
}

/** Repositories in four byte-balanced groups, one after the other: 25 % is about the first group, 50 % the first two. */
function balancedOrder(repos: string[], sizes: Map<string, number>): string[] {
  return split(repos, sizes, 4).flat();
}

async function measureOne(args: Record<string, string>): Promise<void> {
  const corpus = args.corpus!;
  const mode = args.mode as Mode;
  const fraction = Number(args.fraction);
  const workers = Number(args.workers);
  const runs = Number(args.runs);
  const repos = corpusRepoDirs(corpus, Number(args.depth));
  const exclude = args.exclude ? args.exclude.split(',') : [];
  const sizes = new Map(repos.map((r) => [r, moduleFiles(r, exclude).reduce((a, f) => a + statSync(f).size, 0)]));
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const chosen: string[] = [];
  let bytes = 0;
  for (const r of balancedOrder(repos, sizes)) {
    if (bytes >= (total * fraction) / 100 - 1) break;
    chosen.push(r);
    bytes += sizes.get(r)!;
  }
  await initParser();
  const runsMs: number[] = [];
  const cpusMs: number[] = [];
  let done: Done = { files: 0, bytes: 0, resources: 0 };
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    if (mode === 'load') {
      done = await runLoad({ mode, repos: chosen, exclude }, workers);
    } else if (workers <= 1) {
      done = runWork({ mode, repos: chosen, exclude });
    } else {
      const parts = await Promise.all(split(chosen, sizes, workers).map((rs) => inWorker({ mode, repos: rs, exclude })));
      done = parts.reduce((a, b) => ({ files: a.files + b.files, bytes: a.bytes + b.bytes, resources: a.resources + b.resources }));
    }
    runsMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpusMs.push((c.user + c.system) / 1000);
  }
  const m: Measurement = {
    mode,
    fraction,
    workers,
    ...done,
    bestMs: Math.min(...runsMs),
    runsMs,
    cpuMs: cpusMs[runsMs.indexOf(Math.min(...runsMs))]!,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(m));
}

function parseArgs(argv: string[]): Record<string, string> {
  const defaults: Record<string, string> = {
    corpus: join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'shared', 'corpus', 'terraform'),
    runs: '3',
    fractions: '25,50,100',
    workers: '2',
    modes: 'tree-sitter,parse,evaluate,load',
    depth: '2',
    exclude: '',
  };
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i]!.replace(/^--/, '');
    if (argv[i + 1] === undefined) throw new Error(`--${k} needs a value`);
    out[k] = argv[i + 1]!;
  }
  return out;
}

function row(m: Measurement): string {
  const s = m.bestMs / 1000;
  return `| ${m.mode} | ${m.workers} | ${m.fraction} % | ${m.files} | ${(m.bytes / 1e6).toFixed(2)} | ${s.toFixed(2)} | ${(m.bytes / 1e6 / s).toFixed(2)} | ${Math.round(m.files / s)} | ${(m.cpuMs / 1000).toFixed(2)} | ${(m.bytes / 1e3 / m.cpuMs).toFixed(2)} | ${Math.round(m.peakRssMb)} | ${m.runsMs.map((x) => (x / 1000).toFixed(2)).join(' / ')} |`;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.one) return void measureOne(args);
  const self = fileURLToPath(import.meta.url);
  const plan: { mode: string; fraction: string; workers: string }[] = [];
  for (const mode of args.modes!.split(',')) {
    for (const fraction of args.fractions!.split(',')) plan.push({ mode, fraction, workers: '1' });
    if (Number(args.workers) > 1) plan.push({ mode, fraction: '100', workers: args.workers! });
  }
  console.log(
    `corpus ${args.corpus}${args.exclude ? ` without ${args.exclude}` : ''}, best of ${args.runs} runs, each line a fresh process`,
  );
  console.log('| mode | threads | corpus | files | MB | best s | MB/s | files/s | CPU s | MB/CPU-s | peak RSS MB | runs s |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const p of plan) {
    const out = execFileSync(
      process.execPath,
      [
        self,
        '--one',
        '1',
        '--corpus',
        args.corpus!,
        '--runs',
        args.runs!,
        '--depth',
        args.depth!,
        '--mode',
        p.mode,
        '--exclude',
        args.exclude!,
        '--fraction',
        p.fraction,
        '--workers',
        p.workers,
      ],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    console.log(row(JSON.parse(out.trim().split('\n').pop()!) as Measurement));
  }
}

if (isMainThread) {
  main();
} else {
  const w = workerData as Work;
  await initParser();
  parentPort!.postMessage(runWork(w));
}
