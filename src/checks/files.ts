// Finding check files: every *.yaml / *.yml file under a check directory, sorted, recursively.
import { realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../common/diagnostics.js';
import { entryKind, sortedEntries } from '../load/discover.js';

const MAX_DEPTH = 16;

/** Check files under a directory, sorted, recursively (dot folders skipped). */
export function findCheckFiles(dir: string, diagnostics: Diagnostic[]): string[] {
  const out: string[] = [];
  const visited = new Set<string>();
  const walk = (d: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    // A directory reached twice (a symbolic link loop, or two links to one folder) is read once.
    let real: string;
    try {
      real = realpathSync(d);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = sortedEntries(d);
    } catch (e) {
      diagnostics.push({
        severity: 'error',
        code: 'checks-dir',
        file: d,
        message: `cannot read the check directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        hint: 'give --checks-dir a directory of check .yaml files',
      });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      const kind = entryKind(e, p);
      if (!kind) continue;
      if (kind.isDir) walk(p, depth + 1);
      else if (kind.isFile && (e.name.endsWith('.yaml') || e.name.endsWith('.yml'))) out.push(p);
    }
  };
  let st;
  try {
    st = statSync(dir);
  } catch (e) {
    diagnostics.push({
      severity: 'error',
      code: 'checks-dir',
      file: dir,
      message: `cannot read the check directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      hint: 'give --checks-dir a directory of check .yaml files',
    });
    return out;
  }
  if (!st.isDirectory()) {
    diagnostics.push({
      severity: 'error',
      code: 'checks-dir',
      file: dir,
      message: 'is not a directory',
      hint: 'give --checks-dir a directory of check .yaml files',
    });
    return out;
  }
  walk(dir, 0);
  return out;
}
