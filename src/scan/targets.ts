// Several paths for one scan (`tfguard scan a/main.tf b/ c/variables.tf`, as pre-commit passes them):
// a Terraform file stands for its module directory (scanning one file alone misses the variables and
// locals of its siblings), directories are scanned recursively, and each module is loaded once.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Project } from '../evaluate/model.js';
import { isInside } from '../common/paths.js';
import { diagnosticKey } from '../common/diagnostics.js';

/** Files that belong to a Terraform module directory (pre-commit's `\.(tf|tofu|tfvars)$` and JSON forms). */
export const MODULE_FILE = /\.(tf|tf\.json|tofu|tofu\.json|tfvars|tfvars\.json)$/;

export interface ScanTargets {
  /** What to load, one entry per module directory or tree: a directory, a Terraform file (its directory), or a data file. */
  targets: string[];
}

const inside = (child: string, parent: string): boolean => isInside(parent, child);

function kind(p: string): 'dir' | 'file' | 'missing' {
  try {
    return statSync(p).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}

/**
 * Reduce the paths of one scan to what must be loaded: Terraform files widen to their directories,
 * a directory inside another given directory is covered by it, and each directory is loaded once.
 * Other files (plans, snapshots, logs) and missing paths are kept as given, so the loader reports them.
 */
export function scanTargets(paths: readonly string[]): ScanTargets {
  const given = new Map<string, string>();
  for (const p of paths) if (!given.has(resolve(p))) given.set(resolve(p), p);
  const abs = [...given.keys()];
  const dirs = abs.filter((p) => kind(p) === 'dir');
  const trees = dirs.filter((d) => !dirs.some((o) => o !== d && inside(d, o)));
  const covered = (dir: string): boolean => trees.some((t) => inside(dir, t));
  const targets: string[] = trees.map((d) => given.get(d)!);
  const moduleDirs = new Set<string>();
  for (const p of abs) {
    const k = kind(p);
    if (k === 'dir') continue;
    if (k === 'missing' || !MODULE_FILE.test(p)) {
      targets.push(given.get(p)!);
      continue;
    }
    const dir = dirname(p);
    if (covered(dir) || moduleDirs.has(dir)) continue;
    moduleDirs.add(dir);
    targets.push(given.get(p)!);
  }
  return { targets };
}

/** The deepest directory holding every target (a file stands for its directory). */
export function commonRoot(targets: readonly string[]): string {
  const dirOf = (p: string): string => (kind(p) === 'dir' ? resolve(p) : dirname(resolve(p)));
  let root = dirOf(targets[0]!);
  for (const t of targets.slice(1)) {
    const d = dirOf(t);
    while (!inside(d, root)) {
      const up = dirname(root);
      if (up === root) break;
      root = up;
    }
  }
  return root;
}

/** One project from several: resources, modules and diagnostics in target order; each file once. */
export function mergeProjects(root: string, projects: readonly Project[]): Project {
  const files = new Map<string, Project['files'][number]>();
  const seen = new Set<string>();
  const out: Project = { root, resources: [], modules: [], diagnostics: [], files: [] };
  for (const p of projects) {
    for (const r of p.resources) out.resources.push(r.root === undefined ? { ...r, root: p.root } : r);
    out.modules.push(...p.modules);
    for (const d of p.diagnostics) {
      const key = diagnosticKey(d);
      if (seen.has(key)) continue;
      seen.add(key);
      out.diagnostics.push(d);
    }
    for (const f of p.files) if (!files.has(f.path)) files.set(f.path, f);
    if (p.unkeptEvents) out.unkeptEvents = (out.unkeptEvents ?? 0) + p.unkeptEvents;
    if (p.handedOver) out.handedOver = (out.handedOver ?? 0) + p.handedOver;
  }
  out.files = [...files.values()];
  return out;
}
