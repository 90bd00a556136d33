// Paths in reports: relative to the repository root (the nearest directory upward holding `.git`,
// else the scan root), with `/` separators, so code scanning and annotations find the files.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The nearest directory at or above `start` that holds `.git` (a directory or a worktree file). */
export function findRepoRoot(start: string): string | undefined {
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (let i = 0; i < 256; i++) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/** `file` relative to `root` with `/` separators; undefined when it lies outside `root`. */
export function relativeTo(root: string, file: string): string | undefined {
  const rel = relative(root, isAbsolute(file) ? file : resolve(file));
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** Inside a `.terraform` directory (installed modules nobody edits)? */
export function isUnderDotTerraform(rel: string): boolean {
  return /(^|\/)\.terraform(\/|$)/.test(rel);
}

/** A relative path as a URI reference: each segment percent-encoded. */
export function pathToUri(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}
