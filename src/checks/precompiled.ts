// The built-in check library precompiled at build time (dist/checks.json, written by
// scripts/precompile-checks.mjs): every check's validated definition without its tests, plus what
// compiling its logic needs, keyed by a hash of the check files. A scan then reads one JSON file
// instead of parsing ~600 kB of YAML and compiling the JSON schema. When the hash of the check files
// on disk differs (a check was edited, added or removed), the file is not used and the checks are
// read from YAML as before; this module imports neither `yaml` nor `ajv`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Range } from '../common/diagnostics.js';
import { compileRule } from '../gsl/index.js';
import { findCheckFiles } from './files.js';
import type { LoadedCheck, LogicSource } from './load.js';
import type { Check } from './model.js';
import { CHECK_SCHEMA } from './schema.js';

/** Bumped when the file's layout or what loading checks means changes. */
export const PRECOMPILED_FORMAT = 2;

/** A check as stored: everything of `Check` except its tests, compiled rule, absolute path and builtin flag. */
export type PrecompiledDefinition = Omit<Check, 'tests' | 'file' | 'rule' | 'builtin'>;

export interface PrecompiledCheck {
  /** Path of the check file relative to the checks directory, `/`-separated. */
  file: string;
  idRange: Range;
  logicSource: LogicSource;
  definition: PrecompiledDefinition;
}

export interface PrecompiledLibrary {
  format: number;
  /** checkLibraryHash() of the directory the checks were read from. */
  hash: string;
  checks: PrecompiledCheck[];
}

/**
 * The compiled modules that decide what a valid check is (next to this one in dist/src/checks/). They
 * are part of the hash, so a loader rebuilt with `tsc` alone never trusts a library the old loader
 * validated. In a bundle (dist/cli, dist/action) they do not exist: the bundle itself is the loader's code.
 */
const COMPILED_LOADER_MODULES = [
  'load.js',
  'files.js',
  'ids.js',
  'model.js',
  'schema.js',
  'validate.js',
  '../common/yaml-source.js',
  '../common/schema-errors.js',
  'precompile.js',
  'precompiled.js',
  'messages.js',
  'requires.js',
  'entity-types.js',
].map((m) => fileURLToPath(new URL(`./${m}`, import.meta.url)));

export const LOADER_MODULES = existsSync(COMPILED_LOADER_MODULES[0]!) ? COMPILED_LOADER_MODULES : [fileURLToPath(import.meta.url)];

export type PrecompiledRead = { ok: true; entries: LoadedCheck[] } | { ok: false; reason: string };

/**
 * SHA-256 over everything loading a built-in directory reads: each check file's relative path and
 * bytes (in the order they are loaded), retired.txt, the check schema, the loader's own code
 * (`loaderModules`) and the format number. Undefined when a file cannot be read (loading the
 * directory reports why).
 */
export function checkLibraryHash(dir: string, loaderModules: readonly string[] = LOADER_MODULES): string | undefined {
  const problems: Diagnostic[] = [];
  const files = findCheckFiles(dir, problems);
  if (problems.length) return undefined;
  const h = createHash('sha256');
  h.update(`tfguard-checks ${PRECOMPILED_FORMAT}\n${JSON.stringify(CHECK_SCHEMA)}\n`);
  try {
    for (const m of loaderModules) {
      const code = readFileSync(m);
      h.update(`code\0${code.length}\0`);
      h.update(code);
    }
    for (const f of files) {
      const bytes = readFileSync(f);
      h.update(`${relativeName(dir, f)}\0${bytes.length}\0`);
      h.update(bytes);
    }
    let retired: Buffer | undefined;
    try {
      retired = readFileSync(join(dir, 'retired.txt'));
    } catch {
      retired = undefined;
    }
    h.update(retired ? `retired.txt\0${retired.length}\0` : 'no retired.txt\0');
    if (retired) h.update(retired);
  } catch {
    return undefined;
  }
  return h.digest('hex');
}

export function relativeName(dir: string, file: string): string {
  return relative(dir, file).split(sep).join('/');
}

/** The built-in checks of `dir` from a precompiled file, when it exists and matches `dir`'s check files. */
export function readPrecompiledChecks(jsonPath: string, checksDir: string): PrecompiledRead {
  const dir = resolve(checksDir);
  let lib: PrecompiledLibrary;
  try {
    lib = JSON.parse(readFileSync(jsonPath, 'utf8')) as PrecompiledLibrary;
  } catch (e) {
    return { ok: false, reason: `cannot read ${jsonPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  if (
    lib === null ||
    typeof lib !== 'object' ||
    lib.format !== PRECOMPILED_FORMAT ||
    typeof lib.hash !== 'string' ||
    !Array.isArray(lib.checks)
  ) {
    return { ok: false, reason: `${jsonPath} is not a precompiled check library of format ${PRECOMPILED_FORMAT}` };
  }
  const hash = checkLibraryHash(dir);
  if (hash !== lib.hash) return { ok: false, reason: `the check files under ${dir} differ from those ${jsonPath} was built from` };
  const entries: LoadedCheck[] = [];
  try {
    for (const c of lib.checks) {
      const file = join(dir, ...c.file.split('/'));
      const compiled = compileRule(c.logicSource.text, file, { origin: { line: c.logicSource.line, column: c.logicSource.column } });
      // The GSL compiler changed since the build: the YAML path reports the error with its range.
      if (!compiled.ok) return { ok: false, reason: `the logic of ${c.file} no longer compiles` };
      entries.push({
        check: { ...c.definition, tests: [], file, rule: compiled.rule, builtin: true },
        idRange: c.idRange,
        logicSource: c.logicSource,
      });
    }
  } catch (e) {
    return { ok: false, reason: `${jsonPath} is damaged: ${(e as Error).message}` };
  }
  return { ok: true, entries };
}
