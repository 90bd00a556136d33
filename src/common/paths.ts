// Path rules shared by the stages.
import { resolve, sep } from 'node:path';

/** Is `p` inside `root` (or `root` itself)? `root` absolute; `p` resolved against the working directory. */
export function isInside(root: string, p: string): boolean {
  const prefix = root.endsWith(sep) ? root : root + sep;
  // Already what resolve would make of it (no `.` or `..` segment, no doubled separator): no resolve, which the
  // scan paid for every file it read.
  if (sep === '/' && p.startsWith(prefix) && !p.includes('/.') && !p.includes('//')) return true;
  const r = resolve(p);
  return r === root || r.startsWith(prefix);
}

/**
 * `join(dir, name)` for a directory already normalized (resolved, or a real path) and a file name without a
 * separator, without path.join's normalization, which the scan paid for every file it listed and read.
 */
export function childPath(dir: string, name: string): string {
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/** Inside a `.terraform` directory (modules installed by `terraform init`, which nobody edits)? Either separator. */
export function isUnderDotTerraform(path: string): boolean {
  return /(^|[\\/])\.terraform([\\/]|$)/.test(path);
}
