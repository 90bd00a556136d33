// What a scan reads: Terraform configuration (a directory or .tf file), a plan (`--plan FILE`, or a plan JSON
// file given as the path), AWS snapshots and CloudTrail logs (a JSON/JSON lines/.gz file, or a directory of
// them that holds no Terraform files). Everything becomes one Project.
import { useLimits } from '../common/limits.js';
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { findRepoRoot } from '../common/repo.js';
import type { Project } from '../evaluate/model.js';
import { type ProjectOptions, loadProject, tfVarEntries } from '../evaluate/project.js';
import { type Diagnostic, diagnosticKey } from '../common/diagnostics.js';
import { discover } from '../load/discover.js';
import { MODULE_FILE } from './targets.js';
import type { EventFilter } from './event-filter.js';
import type { CheckDirs } from './checks.js';
import type { CheckRunResult } from '../checks/model.js';
import type { Shards as ShardsType } from './shards.js';

export interface InputFlags {
  plan?: string;
  sourceDir?: string;
}

/** Module directories from which a scan with --jobs N is worth worker threads (starting one costs about 0.1 s of CPU). */
export const MIN_SHARDED_DIRS = 200;

/** A scan of a large repository shares its root modules out over worker threads (src/scan/shards.ts). */
export interface ShardPlan {
  /** Threads in all, this one included. */
  jobs: number;
  checks: CheckDirs;
  checkIds: string[];
  now: number;
  /** Given the checks' results of each worker. */
  onRun: (run: CheckRunResult) => void;
}

// Plans, snapshots and logs (with zlib for .gz) are imported only when such an input is given, so a
// Terraform scan does not load them at start-up.
const planInputs = (): Promise<typeof import('../evaluate/plan.js')> => import('../evaluate/plan.js');
const dataInputs = async (): Promise<typeof import('../evaluate/data.js') & typeof import('../load/data-file.js')> => ({
  ...(await import('../evaluate/data.js')),
  ...(await import('../load/data-file.js')),
});

/**
 * Load the inputs of a command; a usage problem is returned as text (exit code 2). Without a boundary (`--root`),
 * nothing outside the repository that holds the input is read (the input's directory when it is in none). With
 * `events` (a scan), log files are streamed and only the events those checks need are kept (src/scan/logs.ts); `-`
 * is standard input.
 */
export async function loadInputs(
  path: string | undefined,
  flags: InputFlags,
  given: ProjectOptions,
  events?: EventFilter,
  shard?: ShardPlan,
): Promise<Project | { usage: string }> {
  useLimits(given.limits); // plans, snapshots and logs are read here, not only through loadProject
  const repo = given.boundary === undefined ? findRepoRoot(resolve(path ?? flags.plan ?? '.')) : undefined;
  const load: ProjectOptions = repo !== undefined ? { ...given, boundary: repo } : given;
  if (flags.plan !== undefined) {
    if (path !== undefined) return { usage: 'give either a <path> or --plan FILE, not both (the plan finds its source with --source-dir)' };
    const { loadPlanProject } = await planInputs();
    return loadPlanProject(flags.plan, { ...load, ...(flags.sourceDir !== undefined ? { sourceDir: flags.sourceDir } : {}) });
  }
  if (path === undefined)
    return {
      usage: 'missing <path>: give a directory of Terraform files, a .tf file, a plan, snapshot or CloudTrail log file, or --plan FILE',
    };
  const streamed = async (files: string[], onlyEvents = false, more?: Iterator<string>): Promise<Project | undefined> => {
    const { loadLogFiles } = await import('./logs.js');
    const { DEFAULT_MAX_DATA_BYTES } = await import('../load/data-file.js');
    const maxBytes = Math.max(load.maxFileBytes ?? 0, DEFAULT_MAX_DATA_BYTES);
    const all = more
      ? (function* (): Generator<string> {
          yield* files;
          for (let n = more.next(); !n.done; n = more.next()) yield n.value;
        })()
      : files;
    return loadLogFiles(all, events!, {
      maxBytes,
      onlyEvents,
      ...(load.jobs ? { jobs: load.jobs } : {}),
      ...(load.boundary !== undefined ? { boundary: load.boundary } : {}),
    });
  };
  if (path === '-') {
    if (!events) return { usage: 'standard input (`-`) is read by `tfguard scan` only, as CloudTrail events' };
    if (process.stdin.isTTY)
      return { usage: 'standard input is a terminal: pipe CloudTrail events into `tfguard scan -` (gunzip -c is not needed)' };
    if (flags.sourceDir !== undefined) return { usage: '--source-dir applies to a plan only' };
    const p = await streamed(['-'], true);
    return p ?? { usage: 'standard input holds CloudTrail events only (a log file, JSON lines); give a plan or snapshot as a file' };
  }
  let st;
  try {
    st = statSync(path);
  } catch {
    return loadProject(path, load); // reports the missing path as the loader always has
  }
  if (st.isFile() && !MODULE_FILE.test(basename(path))) {
    // A file that is not an event log (a plan finds its source; a snapshot) is read by the whole-file readers below.
    if (events && flags.sourceDir === undefined) {
      const p = await streamed([path], true);
      if (p) return p;
    }
    const { dataProject, readDataFile, DEFAULT_MAX_DATA_BYTES } = await dataInputs();
    const r = readDataFile(path, { maxBytes: Math.max(load.maxFileBytes ?? 0, DEFAULT_MAX_DATA_BYTES) });
    if (!r.input) return failed(path, r.diagnostics);
    if (r.input.kind === 'plan')
      return (await planInputs()).loadPlanProject(
        path,
        { ...load, ...(flags.sourceDir !== undefined ? { sourceDir: flags.sourceDir } : {}) },
        r.input,
      );
    if (flags.sourceDir !== undefined) return { usage: '--source-dir applies to a plan only' };
    return dataProject(r.input);
  }
  if (flags.sourceDir !== undefined) return { usage: '--source-dir applies to a plan only (give --plan FILE)' };
  const found = st.isDirectory() ? discover(path, load) : undefined;
  if (found && found.moduleDirs.length === 0) {
    const { findDataFiles, walkDataFiles, loadDataFiles, DEFAULT_MAX_DATA_BYTES } = await dataInputs();
    const diagnostics: Diagnostic[] = [];
    if (events) {
      // Streamed: the files are walked as they are read.
      const walk = walkDataFiles(path, diagnostics);
      const first = walk.next();
      if (!first.done) {
        const p = (await streamed([first.value], false, walk))!;
        p.root = path;
        p.diagnostics.unshift(...diagnostics);
        return p;
      }
      diagnostics.length = 0;
    }
    const files = findDataFiles(path, diagnostics);
    if (files.length) {
      const p = loadDataFiles(files, Math.max(load.maxFileBytes ?? 0, DEFAULT_MAX_DATA_BYTES));
      p.root = path;
      p.diagnostics.unshift(...diagnostics);
      return p;
    }
  }
  if (!found) return loadProject(path, load);
  // Only where each root's resources are handed over (a scan): a worker's resources stay in the worker.
  if (shard && shard.jobs > 1 && load.eachRoot && found.moduleDirs.length >= MIN_SHARDED_DIRS)
    return loadSharded(path, { ...load, discovered: found }, shard);
  return loadProject(path, { ...load, discovered: found });
}

async function loadSharded(path: string, load: ProjectOptions, plan: ShardPlan): Promise<Project> {
  const env = Object.fromEntries(tfVarEntries(load.env ?? process.env));
  const { exclude, cliVariables, boundary, maxFileBytes, limits } = load;
  // Loaded only for a scan that uses threads: a one-module scan does not compile it.
  const { Shards } = await import('./shards.js');
  const shards: ShardsType | undefined = Shards.start(plan.jobs, {
    path,
    found: load.discovered!,
    options: { exclude, cliVariables, boundary, maxFileBytes, limits },
    env,
    checks: plan.checks,
    checkIds: plan.checkIds,
    now: plan.now,
  });
  if (!shards) return loadProject(path, load);
  try {
    let total = 0;
    const progress = load.progress;
    const project = await loadProject(path, {
      ...load,
      shareRoots: (roots, size) => ((total = roots.length), shards.share(roots, size)),
      ...(progress ? { progress: (p) => progress(p.stage === 'evaluate' ? { ...p, done: p.done + shards.evaluated(), total } : p) } : {}),
    });
    const got = await shards.collect();
    for (const run of got.runs) plan.onRun(run);
    const parts: Pick<Project, 'diagnostics' | 'files' | 'modules' | 'handedOver'>[] = [got];
    // What a worker did not finish is evaluated here, as it would have been without workers.
    if (got.left.length) {
      parts.push(await loadProject(path, { ...load, roots: got.left }));
      project.diagnostics.push({
        severity: 'note',
        code: 'worker-failed',
        file: path,
        message: `a worker thread stopped (${got.failures.join('; ')}); this thread evaluated its ${got.left.length} root modules, with the same results`,
        hint: 'with --jobs 1 the scan uses one thread from the start',
      });
    }
    const seen = new Set(project.diagnostics.map(diagnosticKey));
    const files = new Set(project.files.map((f) => f.path));
    for (const p of parts) {
      for (const d of p.diagnostics) {
        const key = diagnosticKey(d);
        if (seen.has(key)) continue;
        seen.add(key);
        project.diagnostics.push(d);
      }
      for (const f of p.files) {
        if (files.has(f.path)) continue;
        files.add(f.path);
        project.files.push(f);
      }
      project.modules.push(...p.modules);
      project.handedOver = (project.handedOver ?? 0) + (p.handedOver ?? 0);
    }
    return project;
  } finally {
    shards.stop();
  }
}

function failed(path: string, diagnostics: Diagnostic[]): Project {
  return { root: path, resources: [], modules: [], diagnostics, files: [] };
}
