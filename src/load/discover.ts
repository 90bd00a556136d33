// Discovery: a path (directory or file) becomes the Terraform module directories below it.
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Minimatch } from 'minimatch';
import type { Diagnostic } from '../common/diagnostics.js';
import { isInside } from '../common/paths.js';

export interface DiscoverOptions {
  /** Globs (minimatch) matched against paths relative to the scan root; matching files and folders are skipped. */
  exclude?: string[];
}

export interface Discovery {
  /** The scan root: the directory given, or the directory of the file given. Absolute, symlinks resolved. */
  root: string;
  /** Directories holding at least one .tf / .tf.json file, absolute, sorted. */
  moduleDirs: string[];
  diagnostics: Diagnostic[];
  /**
   * The names of the files (and symbolic links that are not directories) of every directory walked, sorted, so
   * that reading a module directory does not list it again (module-dir.ts).
   */
  listings?: Map<string, string[]>;
  /** The real path of every directory walked (the reader resolves a file's directory from it, not again). */
  realDirs?: Map<string, string>;
}

const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.terraform']);
const MAX_DEPTH = 64;

/** A Terraform configuration file: `.tf`, `.tf.json`, or OpenTofu's `.tofu`, `.tofu.json`. */
export function isConfigFile(name: string): boolean {
  return /\.(?:tf|tofu)(?:\.json)?$/.test(name);
}

/**
 * `--exclude`: does a path (file or folder, absolute) match one of the globs, taken relative to `root`? A glob
 * naming a folder also excludes what is inside it.
 */
export function excludeMatcher(root: string, globs: readonly string[]): (path: string) => boolean {
  const excludes = globs.map((g) => g.replace(/\/+$/, ''));
  if (!excludes.length) return () => false;
  // Compiled once: minimatch() would compile the pattern again for every path.
  const matchers = excludes.flatMap((g) => [new Minimatch(g, { dot: true }), new Minimatch(`${g}/**`, { dot: true })]);
  const under = root.endsWith(sep) ? root : root + sep;
  return (p: string): boolean => {
    // The walk's paths lie under the root: their relative path is a slice, not path.relative's normalising.
    let rel = p.startsWith(under) ? p.slice(under.length) : relative(root, p);
    if (sep !== '/') rel = rel.split(sep).join('/');
    return rel !== '' && matchers.some((m) => m.match(rel));
  };
}

export function discover(path: string, options: DiscoverOptions = {}): Discovery {
  const diagnostics: Diagnostic[] = [];
  const abs = resolve(path);
  let st;
  try {
    st = statSync(abs);
  } catch (e) {
    diagnostics.push({
      severity: 'error',
      code: 'not-found',
      file: path,
      message: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      hint: 'give a directory of Terraform files, or one .tf file',
    });
    return { root: abs, moduleDirs: [], diagnostics };
  }
  if (st.isFile()) {
    const root = realpathSync.native(dirname(abs));
    return { root, moduleDirs: [root], diagnostics };
  }
  const root = realpathSync.native(abs);
  const isExcluded = excludeMatcher(root, options.exclude ?? []);
  const moduleDirs = new Set<string>();
  const visited = new Set<string>();

  const listings = new Map<string, string[]>();
  const realDirs = new Map<string, string>();
  /** `knownReal`: the directory's real path when its parent's is known and it is not a link (no realpath call). */
  const walk = (dir: string, shownAs: string, depth: number, knownReal?: string): void => {
    if (depth > MAX_DEPTH) {
      diagnostics.push({
        severity: 'warning',
        code: 'too-deep',
        file: shownAs,
        message: `directory nesting deeper than ${MAX_DEPTH} levels was not scanned`,
      });
      return;
    }
    let real: string;
    try {
      real = knownReal ?? realpathSync.native(dir);
    } catch (e) {
      diagnostics.push({
        severity: 'warning',
        code: 'unreadable',
        file: shownAs,
        message: `cannot resolve directory: ${(e as Error).message}`,
      });
      return;
    }
    if (visited.has(real)) {
      diagnostics.push({
        severity: 'warning',
        code: 'symlink-loop',
        file: shownAs,
        message: `directory was reached again through a symbolic link (${real}); it is scanned once`,
        hint: 'remove the link loop, or exclude the link with --exclude',
      });
      return;
    }
    if (!isInside(root, real)) {
      diagnostics.push({
        severity: 'warning',
        code: 'outside-root',
        file: shownAs,
        message: `symbolic link leads outside the scan root (to ${real}); it was not followed`,
        hint: 'scan the target directory itself if it should be checked',
      });
      return;
    }
    visited.add(real);
    realDirs.set(dir, real);
    let entries;
    try {
      entries = sortedEntries(dir);
    } catch (e) {
      diagnostics.push({
        severity: 'warning',
        code: 'unreadable',
        file: shownAs,
        message: `cannot list directory: ${(e as Error).message}`,
      });
      return;
    }
    const files: string[] = [];
    listings.set(dir, files);
    // A name from readdir holds no separator and is never . or ..: joined without path.join's normalising.
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    const realPrefix = real.endsWith(sep) ? real : real + sep;
    for (const ent of entries) {
      const p = prefix + ent.name;
      if (isExcluded(p)) continue;
      const kind = entryKind(ent, p);
      if (!kind) {
        // A configuration file's broken link is the reader's to report (read.ts), once; others are reported here.
        if (isConfigFile(ent.name)) {
          moduleDirs.add(dir);
          files.push(ent.name);
        } else
          diagnostics.push({
            severity: 'warning',
            code: 'broken-link',
            file: join(shownAs, ent.name),
            message: 'symbolic link points nowhere; skipped',
          });
        continue;
      }
      const { isDir, isFile } = kind;
      if (!isDir) files.push(ent.name);
      // A file that links outside the root is left to the reader (read.ts), which refuses it with one diagnostic.
      if (isDir) {
        if (SKIPPED_DIRS.has(ent.name)) continue;
        walk(p, join(shownAs, ent.name), depth + 1, ent.isSymbolicLink() ? undefined : realPrefix + ent.name);
      } else if (isFile && isConfigFile(ent.name)) {
        moduleDirs.add(dir);
      }
    }
  };
  walk(root, path, 0, root);
  return { root, moduleDirs: [...moduleDirs].sort(), diagnostics, listings, realDirs };
}

/** A directory's entries sorted by name (a stable walk order on every file system). */
export function sortedEntries(dir: string): Dirent[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** What an entry is, following a symbolic link once; undefined for a link that points nowhere. */
export function entryKind(ent: Dirent, path: string): { isDir: boolean; isFile: boolean } | undefined {
  if (!ent.isSymbolicLink()) return { isDir: ent.isDirectory(), isFile: ent.isFile() };
  try {
    const t = statSync(path);
    return { isDir: t.isDirectory(), isFile: t.isFile() };
  } catch {
    return undefined;
  }
}
