// Parsing ahead: the native-syntax files of every discovered module directory are read here once and parsed,
// by worker threads (parse-pool.ts) while this thread converts the trees that come back and parses the smallest
// files itself, or, below PARALLEL_MIN_CHARS of text (starting workers would cost more than it saves), all in
// this thread. The evaluator then takes the files from the result (loadFile) instead of reading them again.
import type { ParseCache } from './parse-cache.js';
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';
import type { File } from './ast.js';
import type { Diagnostic } from '../common/diagnostics.js';
import { parseHcl } from './hcl/index.js';
import { moduleConfigNames, moduleDirNames } from './module-dir.js';
import { ParsePool, RETIRE_AFTER_CHARS, parseWorkersAvailable } from './parse-pool.js';
import { type ReadOptions, readTextFile } from './read.js';
import { parserWasmDir } from './treesitter.js';

/** Below this many characters of .tf text, parsing stays in this thread (a worker takes ~50 ms to start). */
export const PARALLEL_MIN_CHARS = 512 * 1024;
/** More threads than this do not pay: this thread's conversion becomes the bottleneck. */
const MAX_AUTO_JOBS = 4;
/** Requests each worker holds at once: one parsing, one waiting, so it never idles while we convert. */
const IN_FLIGHT_PER_WORKER = 2;

/** Files read and parsed ahead, by path: a File, or the diagnostic that stopped it being read. */
export type Preparsed = Map<string, { file?: File; diagnostic?: Diagnostic }>;

export interface PreparseOptions extends ReadOptions {
  /**
   * Threads that parse, this one included (`--jobs`): 1 parses here only (files of RETIRE_AFTER_CHARS or more
   * still go to a worker, whose memory goes with it); undefined is one per core, at most 4, when there are
   * PARALLEL_MIN_CHARS of .tf text or more.
   */
  jobs?: number;
  /** Characters of .tf text this process can hold (tests); default: the heap limit over MEMORY_PER_CHAR. */
  memoryChars?: number;
  /** Told how far loading is, for a progress line (src/cli/progress.ts): files parsed, then root modules evaluated. */
  progress?: (p: LoadProgress) => void;
  /** `--cache DIR`: parses kept on disk (parse-cache.ts); files found there are not parsed again. */
  cache?: ParseCache;
}

export interface LoadProgress {
  stage: 'parse' | 'evaluate';
  done: number;
  total: number;
}

/**
 * Bytes of memory one character of .tf text takes through parsing, evaluation and the checks (measured: a 10 MB
 * file of small resources peaks at 1.7 GB). Text past the heap limit over this is not read: a diagnostic says so,
 * where V8 would otherwise abort the process when its heap is full.
 */
const MEMORY_PER_CHAR = 200;

/** Parsing threads for `jobs` (undefined: automatic), this one included. */
export function parseThreads(jobs: number | undefined): number {
  if (jobs !== undefined) return Math.max(1, Math.floor(jobs));
  return Math.min(availableParallelism(), MAX_AUTO_JOBS);
}

/**
 * Read and parse the native-syntax files (.tf, .tofu) of `moduleDirs`, each once, with parse workers beside this
 * thread when they are worth it (enough text or a large file, more than one thread, the worker script there),
 * else in this thread. `withPool` replaces the process's shared workers (tests).
 */
export async function preparse(moduleDirs: readonly string[], options: PreparseOptions = {}, withPool?: ParsePool): Promise<Preparsed> {
  const threads = parseThreads(options.jobs);
  const out: Preparsed = new Map();
  const all = readModuleTexts(
    moduleDirs,
    options,
    out,
    options.memoryChars ?? Math.floor(getHeapStatistics().heap_size_limit / MEMORY_PER_CHAR),
  );
  const cache = options.cache;
  const texts = cache ? fromCache(all, cache, out) : all;
  try {
    return await parseTexts(texts, threads, options, out, withPool);
  } finally {
    // What was parsed now is kept for the next run (not the files that failed to parse in a worker).
    if (cache)
      for (const t of texts) {
        const got = out.get(t.path);
        if (got?.file && !got.diagnostic) cache.put(got.file);
      }
  }
}

/** The texts not in the cache; the others go into `out` as they were parsed before. */
function fromCache(texts: Text[], cache: ParseCache, out: Preparsed): Text[] {
  const rest: Text[] = [];
  for (const t of texts) {
    const file = cache.get(t.path, t.text);
    if (file) out.set(t.path, { file });
    else rest.push(t);
  }
  return rest;
}

async function parseTexts(
  texts: Text[],
  threads: number,
  options: PreparseOptions,
  out: Preparsed,
  withPool?: ParsePool,
): Promise<Preparsed> {
  // A large file is parsed in a worker even with one thread: should its pieces not join (split.ts), the whole
  // parse grows tree-sitter's WASM memory by about 90 bytes per byte of text, which goes only with the worker.
  const isLarge = (t: Text): boolean => t.text.length >= RETIRE_AFTER_CHARS;
  let chars = 0;
  let big = 0;
  for (const t of texts) {
    chars += t.text.length;
    if (isLarge(t)) big++;
  }
  const parallel = threads > 1 && (chars >= PARALLEL_MIN_CHARS || options.jobs !== undefined);
  let parsed = 0;
  const tell = (): void => options.progress?.({ stage: 'parse', done: ++parsed, total: texts.length });
  if ((!parallel && big === 0) || !(withPool || parseWorkersAvailable())) {
    for (const { path, text } of texts) {
      out.set(path, { file: parseHcl(path, text) });
      tell();
    }
    return out;
  }

  const pool = withPool ?? sharedPool(Math.max(1, threads - 1));
  // Workers take from the front (largest first, so none is left with a big file at the end); this thread
  // takes from the back, and never a large file.
  const queue = [...texts].sort((a, b) => b.text.length - a.text.length);
  const forWorkers = (t: Text): boolean => parallel || isLarge(t);
  let inFlight = 0;
  // Large files one at a time, so that two whole parses never hold their memory at once.
  let largeInFlight = 0;
  let allDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allDone = resolve));
  const feed = (): void => {
    while (
      inFlight < pool.size * IN_FLIGHT_PER_WORKER &&
      queue.length > 0 &&
      forWorkers(queue[0]!) &&
      !(isLarge(queue[0]!) && largeInFlight > 0)
    ) {
      const { path, text } = queue.shift()!;
      const large = isLarge({ path, text });
      inFlight++;
      if (large) largeInFlight++;
      pool
        .parse(text)
        .then(
          (flat) => out.set(path, { file: parseHcl(path, text, flat) }),
          // A worker that failed: parse here, as without workers, and say so.
          (e: Error) => {
            const file = parseHcl(path, text);
            // Results are complete only when the main thread could parse what the worker could not.
            const failed = file.diagnostics.some((d) => d.code === 'internal');
            out.set(path, {
              file,
              diagnostic: {
                severity: 'note',
                code: 'parse-worker',
                file: path,
                message: `${e.message}; the file was parsed in the main thread${failed ? ', which failed too' : ''}`,
                hint: failed
                  ? 'the file was not analysed (see the error)'
                  : 'results are complete; run with --jobs 1 to parse without workers',
              },
            });
          },
        )
        .finally(() => {
          tell();
          inFlight--;
          if (large) largeInFlight--;
          feed();
          if (inFlight === 0 && queue.length === 0) allDone();
        });
    }
  };
  feed();
  while (queue.length > 0 && !isLarge(queue[queue.length - 1]!)) {
    const { path, text } = queue.pop()!;
    out.set(path, { file: parseHcl(path, text) });
    tell();
    // Let the workers' answers in: they are converted, and the workers fed, between our own files.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (inFlight > 0 || queue.length > 0) await done;
  return out;
}

interface Text {
  path: string;
  text: string;
}

/**
 * The native-syntax texts of every module directory; files that cannot be read, or that would take more memory than
 * the process has (`memoryChars` of text in all), go into `out` as diagnostics.
 */
function readModuleTexts(moduleDirs: readonly string[], options: ReadOptions, out: Preparsed, memoryChars: number): Text[] {
  const texts: Text[] = [];
  let chars = 0;
  for (const dir of moduleDirs) {
    let names: string[];
    try {
      // The native-syntax configuration files loadModuleDir will read (.tf, .tofu).
      names = moduleConfigNames(moduleDirNames(dir, options)).filter((n) => !n.endsWith('.json'));
    } catch {
      continue; // loadModuleDir reports the unreadable directory
    }
    for (const name of names) {
      const path = join(dir, name);
      const r = readTextFile(path, options);
      if (!r.ok) out.set(path, { diagnostic: r.diagnostic });
      else if (chars + r.text.length > memoryChars) {
        const heap = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
        out.set(path, {
          diagnostic: {
            severity: 'error',
            code: 'too-large',
            file: path,
            message: `not analysed: with this file the Terraform to scan would be ${chars + r.text.length} characters, more than this process's memory holds (about ${memoryChars} characters for a heap of ${heap} MB)`,
            hint: 'scan fewer or smaller files (--exclude), or give Node more memory: NODE_OPTIONS=--max-old-space-size=<MB>',
          },
        });
      } else {
        chars += r.text.length;
        texts.push({ path, text: r.text });
      }
    }
  }
  return texts;
}

let shared: ParsePool | undefined;

/** One pool per process, kept between loads; idle workers do not keep the process alive. */
function sharedPool(jobs: number): ParsePool {
  if (shared?.size !== jobs) {
    void shared?.close();
    shared = new ParsePool(jobs, parserWasmDir());
  }
  return shared;
}

/** Parse workers running in this process (tests). */
export function runningParseWorkers(): number {
  return shared?.running ?? 0;
}

/** Stop the shared parse workers (tests; a process that wants its memory back now). */
export async function closeParseWorkers(): Promise<void> {
  const p = shared;
  shared = undefined;
  await p?.close();
}
