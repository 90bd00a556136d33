// Loading the checks a command runs: the built-in checks, then each --checks-dir in order.
import type { Check } from '../checks/index.js';
import { builtinChecksDir, loadChecks } from '../checks/index.js';
import type { Io } from './main.js';
import { printDiagnosticList } from './resources.js';

export interface CheckDirs {
  /** Directories given with --checks-dir, in command-line order. */
  dirs: string[];
  /** Replaces the built-in checks directory (tests). */
  builtinDir?: string;
}

/** Load the checks; on any invalid check file print the problems and return undefined. */
export function loadCheckSet(opts: CheckDirs, io: Io): Check[] | undefined {
  const loaded = loadChecks([{ dir: opts.builtinDir ?? builtinChecksDir(), builtin: true }, ...opts.dirs.map((dir) => ({ dir }))]);
  if (loaded.diagnostics.length) {
    printDiagnosticList(loaded.diagnostics, io);
    const n = new Set(loaded.diagnostics.map((d) => d.file)).size;
    io.stderr(`tfguard: ${n} check file${n === 1 ? ' is' : 's are'} not valid; nothing was run\n`);
    return undefined;
  }
  return loaded.checks;
}
