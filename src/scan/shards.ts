// A large Terraform scan split over worker threads (`--jobs`). The main thread walks the tree and finds the root
// modules; the roots are then shared out in order, by the estimated cost of each: the main thread evaluates and checks
// the first share, each worker (shard-worker.ts, started with the walk while the roots were being found) one of the
// others, and their results are merged into the main thread's. A worker that fails or cannot start leaves its roots to the main thread:
// nothing is lost, and the result is the one a single thread gives.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../common/diagnostics.js';
import type { CheckRunResult } from '../checks/model.js';
import { type SentRun, receiveRun } from '../checks/transfer.js';
import type { ModuleInfo, SourceFile } from '../evaluate/model.js';
import type { ProjectOptions } from '../evaluate/project.js';
import type { Discovery } from '../load/discover.js';
import type { CheckDirs } from './checks.js';

const WORKER_URL = new URL('./shard-worker.js', import.meta.url);

/** The main thread's share of the roots' text: it also merges and writes the report when the workers are done. */
const MAIN_SHARE = 0.45;

/** What a worker is started with: what it needs to read, evaluate and check as the main thread would. */
export interface ShardWorkerData {
  path: string;
  /** The main thread's walk of the tree (a structured clone costs less than walking it again). */
  found: Discovery;
  options: Pick<ProjectOptions, 'exclude' | 'cliVariables' | 'boundary' | 'maxFileBytes' | 'limits'>;
  env: Record<string, string>;
  checks: CheckDirs;
  checkIds: string[];
  now: number;
  /** One Int32: roots evaluated so far (the progress line). */
  progress: SharedArrayBuffer;
}

export interface ShardRequest {
  roots: string[];
}

export type ShardReply =
  { run: SentRun; diagnostics: Diagnostic[]; files: SourceFile[]; modules: ModuleInfo[]; handedOver: number } | { error: string };

/** What the workers evaluated and checked, to merge into the main thread's results. */
export interface ShardResults {
  runs: CheckRunResult[];
  diagnostics: Diagnostic[];
  files: SourceFile[];
  modules: ModuleInfo[];
  handedOver: number;
  /** Roots a worker was given and did not finish (it failed): the main thread evaluates them. */
  left: string[];
  /** Why each worker that failed did. */
  failures: string[];
}

interface Started {
  worker: Worker;
  /** Roots it has evaluated (written by the worker). */
  done: Int32Array;
  /** Settled when the worker fails or stops, whenever that is (before it is given its roots too). */
  ended: Promise<ShardReply>;
}

interface Running {
  roots: string[];
  reply: Promise<ShardReply>;
}

export class Shards {
  private readonly running: Running[] = [];

  private constructor(private readonly workers: Started[]) {}

  /**
   * Start `jobs - 1` workers for a scan of `path` (undefined when there is nothing to start: one job, or the worker
   * file missing, as when tfguard runs from its TypeScript build in a test without it).
   */
  static start(jobs: number, data: Omit<ShardWorkerData, 'progress'>): Shards | undefined {
    if (jobs < 2 || WORKER_URL.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER_URL))) return undefined;
    const workers: Started[] = [];
    for (let i = 1; i < jobs; i++) {
      const progress = new SharedArrayBuffer(4);
      const worker = new Worker(WORKER_URL, { workerData: { ...data, progress } satisfies ShardWorkerData });
      // A worker that cannot start, fails or stops says so here, even before it is given its roots: its share then
      // goes back to the main thread (collect).
      const ended = new Promise<ShardReply>((resolve) => {
        worker.once('error', (e) => resolve({ error: e.message }));
        worker.once('exit', (code) => resolve({ error: `the worker stopped (exit code ${code})` }));
      });
      workers.push({ worker, done: new Int32Array(progress), ended });
    }
    return new Shards(workers);
  }

  /**
   * Share the roots out: the main thread's share is returned, each worker is sent its own. Shares are runs of
   * consecutive roots (neighbours call the same modules, which each thread then reads once), cut by the estimated
   * cost of each root (its text and that of the local modules it calls), so the threads finish together and the
   * merged results keep the order of the roots.
   */
  share(roots: readonly string[], cost: (dir: string) => number): string[] {
    const sizes = roots.map((r) => 1000 + cost(r)); // a root costs something however small its text
    const total = sizes.reduce((a, b) => a + b, 0);
    const n = this.workers.length;
    const cuts: number[] = []; // the end of the main share, then of each worker's
    let acc = 0;
    let i = 0;
    for (let k = 0; k <= n; k++) {
      const goal = total * (MAIN_SHARE + ((1 - MAIN_SHARE) * k) / n);
      while (i < roots.length && (k === n || acc + sizes[i]! / 2 <= goal)) acc += sizes[i++]!;
      cuts.push(i);
    }
    for (let k = 0; k < n; k++) {
      const { worker, ended } = this.workers[k]!;
      const mine = roots.slice(cuts[k], cuts[k + 1]);
      const reply = Promise.race([new Promise<ShardReply>((resolve) => worker.once('message', resolve)), ended]);
      worker.postMessage({ roots: mine } satisfies ShardRequest);
      this.running.push({ roots: mine, reply });
    }
    return roots.slice(0, cuts[0]);
  }

  /** Wait for the workers; what one did not finish is in `left`. Every worker is stopped. */
  async collect(): Promise<ShardResults> {
    const out: ShardResults = { runs: [], diagnostics: [], files: [], modules: [], handedOver: 0, left: [], failures: [] };
    try {
      for (const r of this.running) {
        const m = await r.reply;
        if ('error' in m) {
          out.left.push(...r.roots);
          out.failures.push(m.error);
          continue;
        }
        out.runs.push(receiveRun(m.run));
        out.diagnostics.push(...m.diagnostics);
        out.files.push(...m.files);
        out.modules.push(...m.modules);
        out.handedOver += m.handedOver;
      }
    } finally {
      this.stop();
    }
    return out;
  }

  /** Roots the workers have evaluated so far. */
  evaluated(): number {
    let n = 0;
    for (const w of this.workers) n += Atomics.load(w.done, 0);
    return n;
  }

  /** Stop every worker (also when the scan ends early). */
  stop(): void {
    for (const w of this.workers) void w.worker.terminate();
  }
}
