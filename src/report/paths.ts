// Paths in reports: relative to the repository root (the nearest directory upward holding `.git`,
// else the scan root), with `/` separators, so code scanning and annotations find the files.
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** `file` relative to `root` with `/` separators; undefined when it lies outside `root`. */
export function relativeTo(root: string, file: string): string | undefined {
  const rel = relative(root, isAbsolute(file) ? file : resolve(file));
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** A relative path as a URI reference: each segment percent-encoded. */
export function pathToUri(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}
