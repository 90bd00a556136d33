// Building the precompiled check library (src/checks/precompiled.ts) from a built-in checks directory:
// the checks are read from YAML exactly as a scan without it would read them, then stored without
// their tests. Used at build time by scripts/precompile-checks.mjs.
import type { Diagnostic } from '../common/diagnostics.js';
import { loadCheckEntries } from './load.js';
import { PRECOMPILED_FORMAT, type PrecompiledLibrary, checkLibraryHash, relativeName } from './precompiled.js';

/** The library of `dir`, or the problems that stop it (an invalid check file, an unreadable directory). */
export function precompileChecks(dir: string): { library?: PrecompiledLibrary; diagnostics: Diagnostic[] } {
  const hash = checkLibraryHash(dir);
  const { entries, diagnostics } = loadCheckEntries([{ dir, builtin: true }]);
  if (diagnostics.length || hash === undefined) return { diagnostics };
  // Read again after loading: a file edited meanwhile gives a hash that no longer matches (never a wrong cache).
  if (checkLibraryHash(dir) !== hash)
    return {
      diagnostics: [
        {
          severity: 'error',
          code: 'checks-changed',
          file: dir,
          message: 'the check files changed while they were read',
          hint: 'build again',
        },
      ],
    };
  const checks = entries.map(({ check, idRange, logicSource }) => {
    const { tests: _tests, file, rule: _rule, builtin: _builtin, ...definition } = check;
    return { file: relativeName(dir, file), idRange, logicSource, definition };
  });
  return { library: { format: PRECOMPILED_FORMAT, hash, checks }, diagnostics: [] };
}
