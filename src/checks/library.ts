// Loading the checks a scan runs: the built-in checks from the precompiled library when it matches
// the check files (src/checks/precompiled.ts), otherwise, and for every other directory, from YAML.
// The YAML loader (with `yaml` and `ajv`) is imported only when it is needed.
import type { CheckSource, LoadedChecks } from './load.js';
import { readPrecompiledChecks } from './precompiled.js';

export interface LibraryOptions {
  /** Path of the precompiled library of the built-in checks (dist/checks.json). */
  precompiled?: string;
}

/**
 * Load the checks of `sources` as loadChecks does, except that checks carry no tests when they come
 * from the precompiled library (use loadChecks for `tfguard test` and `tfguard docs`). `precompiled`
 * in the result says whether the built-in checks came from it.
 */
export async function loadCheckLibrary(
  sources: CheckSource[],
  options: LibraryOptions = {},
): Promise<LoadedChecks & { precompiled: boolean }> {
  const [first, ...rest] = sources;
  if (first?.builtin && options.precompiled) {
    const read = readPrecompiledChecks(options.precompiled, first.dir);
    if (read.ok) {
      if (!rest.length) return { checks: read.entries.map((e) => e.check), diagnostics: [], precompiled: true };
      const { loadChecks } = await import('./load.js');
      return { ...loadChecks(rest, { before: read.entries }), precompiled: true };
    }
  }
  const { loadChecks } = await import('./load.js');
  return { ...loadChecks(sources), precompiled: false };
}
