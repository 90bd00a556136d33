// Reading ahead: the native-syntax files of every discovered module directory are read here once, before
// evaluation, and parsed (or taken from the --cache) when the evaluator asks for them (loadFile), so that it can tell
// which directories are called as modules from their texts and let each root module's syntax trees go once done.
import type { ParseCache } from './parse-cache.js';
import { getHeapStatistics } from 'node:v8';
import { childPath } from '../common/paths.js';
import type { File } from './ast.js';
import type { Diagnostic } from '../common/diagnostics.js';
import { parseHcl } from './hcl/index.js';
import { moduleConfigNames, moduleDirNames } from './module-dir.js';
import { type ReadOptions, readTextFile } from './read.js';

/** What loadFile is given for a path read ahead: the parsed File, or the diagnostic that stopped it being read. */
export interface Preread {
  file?: File;
  diagnostic?: Diagnostic;
}

/** Files read ahead (preparse): loadFile asks here first (src/load/read.ts ReadOptions.preparsed). */
export interface Preparsed {
  get(path: string): Preread | undefined;
}

export interface PreparseOptions extends ReadOptions {
  /** Heap bytes the texts may take (tests); default: V8's heap limit. */
  memoryBytes?: number;
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
 * Heap bytes per character of .tf text. A root module is evaluated and checked, then let go: while it is, its text
 * takes IN_FLIGHT_PER_CHAR (measured: a 10 MB file of small resources peaks at 1.7 GB); what stays for the whole scan
 * (texts, comments, the trees of modules several roots call, the results) takes KEPT_PER_CHAR (measured: 72 MB after
 * loading the 26.5 M characters of the corpus, 2.7 per character). Text past what the heap holds is not read: a
 * diagnostic says so, where V8 would otherwise abort the process when its heap is full.
 */
const IN_FLIGHT_PER_CHAR = 200;
const KEPT_PER_CHAR = 8;

/**
 * Read the native-syntax files (.tf, .tofu) of `moduleDirs`, each once, and keep their texts; a file is parsed when
 * it is first asked for (or taken from the --cache), and its syntax tree is not kept here, so the evaluator can let
 * a root module's trees go once it is evaluated. Files that cannot be read, or that would not fit in memory, are
 * diagnostics at once.
 */
export function preparse(moduleDirs: readonly string[], options: PreparseOptions = {}): Sources {
  const sources = new Sources(options);
  readModuleTexts(moduleDirs, options, sources, options.memoryBytes ?? getHeapStatistics().heap_size_limit);
  return sources;
}

export class Sources implements Preparsed {
  private readonly texts = new Map<string, string>();
  private readonly failed = new Map<string, Diagnostic>();
  private readonly names = new Map<string, string[]>();
  private parsed = 0;

  constructor(private readonly options: PreparseOptions) {}

  addText(path: string, text: string): void {
    this.texts.set(path, text);
  }

  setNames(dir: string, paths: string[]): void {
    this.names.set(dir, paths);
  }

  /** The configuration files of a directory read ahead (JSON ones included, though not read), or undefined. */
  namesIn(dir: string): readonly string[] | undefined {
    return this.names.get(dir);
  }

  addFailure(path: string, diagnostic: Diagnostic): void {
    this.failed.set(path, diagnostic);
  }

  /** The paths read ahead, in the order read. */
  paths(): string[] {
    return [...this.texts.keys(), ...this.failed.keys()];
  }

  /** The text of a file read ahead (undefined when it was not read, or could not be). */
  text(path: string): string | undefined {
    return this.texts.get(path);
  }

  /** The file parsed now (or from the cache), or the diagnostic that stopped it being read; undefined when not read ahead. */
  get(path: string): Preread | undefined {
    const diagnostic = this.failed.get(path);
    if (diagnostic) return { diagnostic };
    const text = this.texts.get(path);
    if (text === undefined) return undefined;
    const cache = this.options.cache;
    let file = cache?.get(path, text);
    if (!file) {
      file = parseHcl(path, text);
      cache?.put(file);
    }
    this.options.progress?.({ stage: 'parse', done: ++this.parsed, total: this.texts.size });
    return { file };
  }
}

/**
 * The native-syntax texts of every module directory; files that cannot be read, or that would take more memory than
 * the process has (`memoryBytes`: all texts kept, one directory's in flight), go into `out` as diagnostics.
 */
function readModuleTexts(moduleDirs: readonly string[], options: ReadOptions, out: Sources, memoryBytes: number): void {
  let chars = 0;
  for (const dir of moduleDirs) {
    let names: string[];
    try {
      // The configuration files loadModuleDir will read; the native-syntax ones (.tf, .tofu) are read here.
      names = moduleConfigNames(moduleDirNames(dir, options));
    } catch {
      continue; // loadModuleDir reports the unreadable directory
    }
    out.setNames(
      dir,
      names.map((n) => childPath(dir, n)),
    );
    let dirChars = 0;
    for (const name of names) {
      if (name.endsWith('.json')) continue;
      const path = childPath(dir, name);
      const r = readTextFile(path, options);
      if (!r.ok) out.addFailure(path, r.diagnostic);
      else if ((chars + r.text.length) * KEPT_PER_CHAR + (dirChars + r.text.length) * IN_FLIGHT_PER_CHAR > memoryBytes)
        out.addFailure(path, tooLarge(path, chars + r.text.length, dirChars + r.text.length, memoryBytes));
      else {
        chars += r.text.length;
        dirChars += r.text.length;
        out.addText(path, r.text);
      }
    }
  }
}

function tooLarge(path: string, total: number, inDir: number, memoryBytes: number): Diagnostic {
  const heap = Math.round(memoryBytes / 2 ** 20);
  const dirAlone = inDir * IN_FLIGHT_PER_CHAR > memoryBytes / 2;
  return {
    severity: 'error',
    code: 'too-large',
    file: path,
    message: dirAlone
      ? `not analysed: with this file its module would be ${inDir} characters of Terraform, more than a heap of ${heap} MB evaluates at once (about ${Math.floor(memoryBytes / IN_FLIGHT_PER_CHAR)} characters)`
      : `not analysed: with this file the Terraform to scan would be ${total} characters, more than this process's memory holds (about ${Math.floor(memoryBytes / KEPT_PER_CHAR)} characters for a heap of ${heap} MB)`,
    hint: dirAlone
      ? 'split the module, or give Node more memory: NODE_OPTIONS=--max-old-space-size=<MB>'
      : 'scan fewer or smaller files (--exclude), or give Node more memory: NODE_OPTIONS=--max-old-space-size=<MB>',
  };
}
