// Loading the checks a command runs: the built-in checks, then each --checks-dir in order.
import type { Check } from '../checks/model.js';
import { builtinChecksDir, builtinPrecompiledPath } from '../checks/builtin.js';
import { loadCheckLibrary } from '../checks/library.js';
import type { Io } from './main.js';
import { printDiagnosticList } from './resources.js';

export interface CheckDirs {
  /** Directories given with --checks-dir, in command-line order. */
  dirs: string[];
  /** Replaces the built-in checks directory (tests). */
  builtinDir?: string;
  /**
   * The checks' embedded tests are needed (`tfguard test`, `tfguard docs`): read every check from
   * YAML. Otherwise the built-in checks come from the precompiled library when it is current.
   */
  withTests?: boolean;
  /** Replaces the precompiled library's path (tests). */
  precompiled?: string;
}

/** Load the checks; on any invalid check file print the problems and return undefined. */
export async function loadCheckSet(opts: CheckDirs, io: Io): Promise<Check[] | undefined> {
  const sources = [{ dir: opts.builtinDir ?? builtinChecksDir(), builtin: true }, ...opts.dirs.map((dir) => ({ dir }))];
  const loaded = await loadCheckLibrary(sources, opts.withTests ? {} : { precompiled: opts.precompiled ?? builtinPrecompiledPath() });
  if (loaded.diagnostics.length) {
    printDiagnosticList(loaded.diagnostics, io);
    const n = new Set(loaded.diagnostics.map((d) => d.file)).size;
    io.stderr(`tfguard: ${n} check file${n === 1 ? ' is' : 's are'} not valid; nothing was run\n`);
    return undefined;
  }
  return loaded.checks;
}
