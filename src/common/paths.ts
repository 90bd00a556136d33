// Path rules shared by the stages.
import { resolve, sep } from 'node:path';

/** Is `p` inside `root` (or `root` itself)? `root` absolute; `p` resolved against the working directory. */
export function isInside(root: string, p: string): boolean {
  const r = resolve(p);
  return r === root || r.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Inside a `.terraform` directory (modules installed by `terraform init`, which nobody edits)? Either separator. */
export function isUnderDotTerraform(path: string): boolean {
  return /(^|[\\/])\.terraform([\\/]|$)/.test(path);
}
