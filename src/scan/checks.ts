// Loading the checks a scan runs: the built-in checks, then each --checks-dir in order.
import type { Diagnostic } from '../common/diagnostics.js';
import type { Check } from '../checks/model.js';
import { builtinChecksDir, builtinPrecompiledPath } from '../checks/builtin.js';
import { loadCheckLibrary } from '../checks/library.js';

export interface CheckDirs {
  /** Directories given with --checks-dir, in command-line order. */
  dirs: string[];
  /** Replaces the built-in checks directory (tests, the Action's checkout). */
  builtinDir?: string;
  /**
   * The checks' embedded tests are needed (`tfguard test`, `tfguard docs`): read every check from
   * YAML. Otherwise the built-in checks come from the precompiled library when it is current.
   */
  withTests?: boolean;
  /** Replaces the precompiled library's path (tests). */
  precompiled?: string;
}

export type CheckSet = { ok: true; checks: Check[] } | { ok: false; diagnostics: Diagnostic[]; summary: string };

/** Load the checks; any invalid check file fails the whole set (nothing is run with a check missing). */
export async function loadCheckSet(opts: CheckDirs): Promise<CheckSet> {
  const sources = [{ dir: opts.builtinDir ?? builtinChecksDir(), builtin: true }, ...opts.dirs.map((dir) => ({ dir }))];
  const loaded = await loadCheckLibrary(sources, opts.withTests ? {} : { precompiled: opts.precompiled ?? builtinPrecompiledPath() });
  if (!loaded.diagnostics.length) return { ok: true, checks: loaded.checks };
  const n = new Set(loaded.diagnostics.map((d) => d.file)).size;
  return { ok: false, diagnostics: loaded.diagnostics, summary: `${n} check file${n === 1 ? ' is' : 's are'} not valid; nothing was run` };
}
