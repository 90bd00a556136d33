// Which module directories are called: a directory that another scanned module calls by a local path is not a root
// module of its own. Found before anything is evaluated, from the literal `source` of each top-level module block.
import { basename, resolve } from 'node:path';
import type { File } from '../load/ast.js';
import { moduleSources } from '../load/hcl/module-sources.js';
import type { ModuleDir } from '../load/module-dir.js';
import { isOverrideFileName } from '../load/override.js';
import type { Sources } from '../load/preparse.js';
import type { Session } from './session.js';
import { isLocalSource } from './sources.js';

/**
 * The directories of `moduleDirs` that one of them calls by a local path. Only directories whose files can hold a
 * module block are read for this (their texts say so). Each of their native-syntax files is read by
 * moduleSources (no syntax tree); the directory is then read in full only when evaluated, and the session is told so
 * (Session.defer: its diagnostics keep their place, and the full reading is compared with this one). A directory
 * with a file moduleSources cannot decide, a JSON or override file, or a file not read ahead is parsed now (`quick`
 * false: every one), and let go after: the syntax trees of the whole repository are never held at once.
 */
export function calledDirs(moduleDirs: readonly string[], sources: Sources, session: Session, quick = true): Set<string> {
  const called = new Set<string>();
  const add = (dir: string, source: string): void => {
    if (isLocalSource(source)) called.add(resolve(dir, source));
  };
  for (const dir of moduleDirs) {
    if (!mayCallModules(dir, sources)) continue;
    const read = quick ? quickCalls(dir, sources) : undefined;
    if (read) {
      for (const list of read.values()) for (const s of list) add(dir, s);
      session.defer(dir, (m) => sameCalls(m, read));
      continue;
    }
    const m = session.moduleDir(dir);
    for (const f of m.files) for (const s of literalSources(f)) add(m.dir, s);
    // Parsed again when evaluated: holding the trees of every calling directory until then took more memory than
    // the second parse takes time.
    session.unload(dir);
  }
  return called;
}

/** The literal sources of a directory's files by path, read without parsing; undefined when one cannot be. */
function quickCalls(dir: string, sources: Sources): Map<string, string[]> | undefined {
  const paths = sources.namesIn(dir);
  if (paths === undefined) return undefined;
  const out = new Map<string, string[]>();
  for (const path of paths) {
    // Override files change the module blocks of the others (applyOverrides); JSON is parsed as it is read.
    if (path.endsWith('.json') || isOverrideFileName(basename(path))) return undefined;
    const text = sources.text(path);
    if (text === undefined) return undefined;
    const list = moduleSources(text);
    if (list === undefined) return undefined;
    out.set(path, list);
  }
  return out;
}

/** The directory read in full holds the same files and module sources as read without parsing. */
function sameCalls(m: ModuleDir, read: Map<string, string[]>): boolean {
  if (m.overrideFiles.length || m.files.length !== read.size) return false;
  return m.files.every((f) => {
    const expected = read.get(f.path);
    const found = literalSources(f);
    return expected !== undefined && expected.length === found.length && expected.every((s, i) => s === found[i]);
  });
}

/** The `source` of each top-level module block of a parsed file, where it is a literal string. */
export function literalSources(f: File): string[] {
  const out: string[] = [];
  for (const b of f.body.blocks) {
    if (b.type !== 'module') continue;
    const src = b.body.attributes.find((a) => a.name === 'source')?.expr;
    if (src?.kind === 'literal' && typeof src.value === 'string') out.push(src.value);
  }
  return out;
}

/** A directory whose configuration may hold a module block: a .tf file that says `module "…"`, or any JSON file. */
function mayCallModules(dir: string, sources: Sources): boolean {
  const names = sources.namesIn(dir);
  if (names === undefined) return true;
  return names.some((path) => {
    const text = sources.text(path);
    return text === undefined || MODULE_BLOCK.test(text);
  });
}

const MODULE_BLOCK = /(?:^|\n)[ \t]*module(?:[ \t]*"|[ \t]+[A-Za-z_])/;
