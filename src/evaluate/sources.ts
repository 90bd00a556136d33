// Where a module call's code is: a local path, a module installed by `terraform init`
// (.terraform/modules/modules.json), or a remote source that is not here.
import type { DiagnosticCode } from '../common/diagnostics.js';
import { closeSync, existsSync, fstatSync, readFileSync, realpathSync } from 'node:fs';
import { openToRead } from '../load/read.js';
import { join, resolve } from 'node:path';
import { isInside } from '../common/paths.js';

export type ResolvedSource =
  | { kind: 'dir'; dir: string }
  | { kind: 'remote'; reason: string }
  | { kind: 'error'; code: DiagnosticCode; message: string; hint: string };

export function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
}

interface ManifestEntry {
  Key: string;
  Source?: string;
  Dir: string;
}

/** Installed modules of one root module directory, by key (`a`, `a.b` for nested calls). */
export class ModuleManifest {
  private readonly entries = new Map<string, string>();

  /** `boundary`: a manifest whose real path leaves it (a link out of the repository) is not read. */
  constructor(rootModuleDir: string, boundary?: string) {
    const path = join(rootModuleDir, '.terraform', 'modules', 'modules.json');
    if (!existsSync(path)) return;
    try {
      if (boundary !== undefined && !isInside(boundary, realpathSync.native(path))) return;
      const data = JSON.parse(readManifest(path)) as { Modules?: ManifestEntry[] };
      for (const m of data.Modules ?? []) {
        if (typeof m?.Key === 'string' && typeof m?.Dir === 'string' && m.Key !== '') {
          this.entries.set(m.Key, resolve(rootModuleDir, m.Dir));
        }
      }
    } catch {
      // An unreadable manifest is the same as none: remote modules are then reported as not installed.
    }
  }

  dirFor(key: string): string | undefined {
    return this.entries.get(key);
  }
}

/**
 * Resolve a module call. `callerDir` is the calling module's directory, `key` the dot-joined names
 * of the calls from the root (`network.subnets`), `root` the scan root nothing may leave.
 */
export function resolveModuleSource(
  source: string,
  callerDir: string,
  key: string,
  root: string,
  manifest: ModuleManifest,
): ResolvedSource {
  if (isLocalSource(source)) {
    const dir = resolve(callerDir, source);
    // Outside by its path: said without looking there, whether or not it exists.
    if (!isInside(root, dir)) return outsideRoot(source, dir, root);
    if (!existsSync(dir)) {
      return {
        kind: 'error',
        code: 'module-not-found',
        message: `module source "${source}" does not exist (looked for ${dir})`,
        hint: 'fix the path in source, relative to the calling module',
      };
    }
    const real = realpathSync.native(dir);
    // Inside by its path but a link leads out.
    if (!isInside(root, real)) return outsideRoot(source, real, root);
    return { kind: 'dir', dir: real };
  }
  const installed = manifest.dirFor(key);
  if (installed && existsSync(installed)) {
    const real = realpathSync.native(installed);
    if (!isInside(root, real)) {
      return {
        kind: 'error',
        code: 'module-outside-root',
        message: `installed module "${key}" is outside the scan root (${real}); it was not read`,
        hint: 'scan the directory that holds .terraform/',
      };
    }
    return { kind: 'dir', dir: real };
  }
  return { kind: 'remote', reason: `remote module "${source}" is not installed; run "terraform init" to have tfguard scan it` };
}

function outsideRoot(source: string, dir: string, root: string): ResolvedSource {
  return {
    kind: 'error',
    code: 'module-outside-root',
    message: `module source "${source}" leads to ${dir}, outside the scan root ${root}; it was not read`,
    hint: 'the scan root is the git repository holding the scanned path; widen it with --root DIR to read the module',
  };
}

/** The manifest's text; a named pipe or device in its place is not read (opening one to read would wait forever). */
function readManifest(path: string): string {
  const fd = openToRead(path);
  try {
    if (!fstatSync(fd).isFile()) throw new Error('not a regular file');
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
