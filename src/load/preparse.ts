// Parsing ahead: the native-syntax files of every discovered module directory are read here once and parsed (or
// taken from the --cache), before evaluation; the evaluator then takes the files from the result (loadFile) instead of
// reading them again.
import type { ParseCache } from './parse-cache.js';
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';
import type { File } from './ast.js';
import type { Diagnostic } from '../common/diagnostics.js';
import { parseHcl } from './hcl/index.js';
import { moduleConfigNames, moduleDirNames } from './module-dir.js';
import { type ReadOptions, readTextFile } from './read.js';

/** Files read and parsed ahead, by path: a File, or the diagnostic that stopped it being read. */
export type Preparsed = Map<string, { file?: File; diagnostic?: Diagnostic }>;

export interface PreparseOptions extends ReadOptions {
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

/** Read and parse the native-syntax files (.tf, .tofu) of `moduleDirs`, each once. */
export function preparse(moduleDirs: readonly string[], options: PreparseOptions = {}): Preparsed {
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
    return parseTexts(texts, options, out);
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

function parseTexts(texts: Text[], options: PreparseOptions, out: Preparsed): Preparsed {
  let parsed = 0;
  for (const { path, text } of texts) {
    out.set(path, { file: parseHcl(path, text) });
    options.progress?.({ stage: 'parse', done: ++parsed, total: texts.length });
  }
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
