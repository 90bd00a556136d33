// The evaluate stage's entry point: a path to every resource it holds, with values and locations.
import { type Limits, useLimits } from '../common/limits.js';
import { basename, resolve } from 'node:path';
import type { File } from '../load/ast.js';
import type { Diagnostic } from '../common/diagnostics.js';
import { type DiscoverOptions, type Discovery, discover, excludeMatcher } from '../load/discover.js';
import { parseHclExpression } from '../load/hcl/index.js';
import { loadFile } from '../load/module-dir.js';
import { type PreparseOptions, type Sources, preparse } from '../load/preparse.js';
import { evaluate } from './expr.js';
import type { Origin, Project, Resource, SourceFile } from './model.js';
import { originAt } from './provenance.js';
import { ModuleInstance } from './module.js';
import { calledDirs } from './called.js';
import { Session } from './session.js';
import { type Assignment, CONSTANT_SCOPE, assignmentsFromVarFile, declaredVariables } from './variables.js';
import { type Value, unknown } from './value.js';
import { realpathSync } from 'node:fs';
import { isInside } from '../common/paths.js';
import { HeapWatch } from '../common/memory.js';

/**
 * Characters of module text whose syntax trees are kept between root modules (about 50 bytes of heap a character):
 * enough for the modules that neighbouring roots share, not every module of the repository.
 */
const MODULE_TREES_CHARS = 1_000_000;

/** A `--var NAME=VALUE` or `--var-file PATH`, in command-line order. */
export type CliVariable = { kind: 'var'; text: string } | { kind: 'file'; path: string };

export interface ProjectOptions extends DiscoverOptions, PreparseOptions {
  cliVariables?: CliVariable[];
  /** Threads that read CloudTrail logs (`--jobs`); HCL is parsed in this thread. */
  jobs?: number;
  /**
   * The wall: nothing outside this directory is read, local module sources included (the scan passes the repository
   * that holds the scanned path, or --root). Default: the scanned directory itself.
   */
  boundary?: string;
  /** Environment for TF_VAR_* (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Budgets (budget.ts): the flags --max-depth, --max-string-length, ...; absent fields take the defaults. */
  limits?: Partial<Limits>;
  /**
   * Given each root module's resources as soon as it is evaluated (the scan runs its checks then). They are not kept
   * in the Project, whose `handedOver` counts them: a repository's resources are never all held at once.
   */
  eachRoot?: (root: string, resources: Resource[]) => void;
  /** What discover(path) found with these options, when the caller already walked the tree (not walked twice). */
  discovered?: Discovery;
  /**
   * Once the root modules are known: the ones to evaluate here (the scan gives the others to worker threads,
   * src/scan/shards.ts). `cost` estimates a root's evaluation: the characters of its text and of the local modules it
   * calls.
   */
  shareRoots?: (roots: readonly string[], cost: (dir: string) => number) => readonly string[];
  /** Evaluate these root modules (a worker's share), without finding the roots again. */
  roots?: readonly string[];
}

/** Load and evaluate everything under `path`. Never throws for bad input: problems become diagnostics. */
export async function loadProject(path: string, options: ProjectOptions = {}): Promise<Project> {
  useLimits(options.limits);
  return evaluateProject(path, options);
}

/** As loadProject, synchronously. */
export function evaluateProject(path: string, options: ProjectOptions = {}): Project {
  useLimits(options.limits);
  const found = options.discovered ?? discover(path, options);
  const reading = withSkip(found, options);
  return evaluateDiscovered(found, reading, preparse(options.roots ?? found.moduleDirs, reading));
}

/** `--exclude` applies to the files of module directories too, not only to the folders discovery walks. */
function withSkip(found: Discovery, options: ProjectOptions): ProjectOptions {
  const withRoot = {
    ...options,
    root: boundaryOf(found, options),
    realDirs: found.realDirs ?? new Map<string, string>(),
    ...(found.listings ? { listings: found.listings } : {}),
  };
  return options.exclude?.length ? { ...withRoot, skip: excludeMatcher(found.root, options.exclude) } : withRoot;
}

/** The real path of the boundary when it holds the scanned root, else the scanned root (the scan checks this first). */
function boundaryOf(found: Discovery, options: ProjectOptions): string {
  if (options.boundary === undefined) return found.root;
  let real: string;
  try {
    real = realpathSync.native(options.boundary);
  } catch {
    return found.root;
  }
  return isInside(real, found.root) ? real : found.root;
}

function evaluateDiscovered(found: Discovery, options: ProjectOptions, sources: Sources, quick = true): Project {
  const session = new Session(boundaryOf(found, options), { ...options, preparsed: sources });
  for (const d of found.diagnostics) session.report(d);

  const all = options.roots ?? findRoots(found, session, sources, quick);
  let roots = all;
  if (options.shareRoots) {
    const memo = new Map<string, number>();
    roots = options.shareRoots(all, (dir) => treeSize(dir, sources, memo));
  }

  const cli = readCliVariables(options.cliVariables ?? [], session);
  // TF_VAR_* are read once per scan: process.env is slow to enumerate, and a repository may hold thousands of roots.
  const envVars = tfVarEntries(options.env ?? process.env);
  const resources: Resource[] = [];
  let handedOver = 0;
  const memory = new HeapWatch();
  let evaluated = 0;
  for (const dir of roots) {
    options.progress?.({ stage: 'evaluate', done: ++evaluated, total: roots.length });
    const m = session.moduleDir(dir);
    const rootOrigins = new Map<string, Origin>();
    const rootValues = rootVariableValues(m.files, m.autoVarFiles, cli, envVars, session, rootOrigins);
    session.modules.push({ address: '', dir: m.dir });
    const inst = new ModuleInstance(session, m, { address: '', key: '', calls: [], ancestors: [], rootValues, rootOrigins });
    if (options.eachRoot) {
      const own: Resource[] = [];
      inst.collect(own);
      handedOver += own.length;
      options.eachRoot(m.dir, own);
    } else inst.collect(resources);
    // No other module calls this one: its syntax trees are not needed again. Those of the modules it called are kept
    // for the next roots (neighbours call the same modules) up to MODULE_TREES_CHARS of text.
    session.release(dir);
    session.trimModules(MODULE_TREES_CHARS);
    memory.afterRoot();
  }
  // Roots given to worker threads are read there, their diagnostics with them.
  const here = new Set(roots);
  const misread = session.settleDeferred(roots === all ? undefined : new Set(all.filter((d) => !here.has(d))));
  if (misread.length) {
    // Module calls read without parsing that the full parse read otherwise (only in a file with a syntax error the
    // quick reading does not see, such as a provider function's name without its arguments inside ${ }; none among the corpus's files and
    // their mutations, test/conformance/module-sources.ts): the roots are found again with every calling file parsed,
    // unless root modules were already handed over to the checks.
    if (!handedOver) return evaluateDiscovered(found, options, sources, false);
    for (const dir of misread) session.report(misreadCalls(dir));
  }
  const files = session.sourceFiles(options.roots ?? found.moduleDirs).concat(cli.files);
  const project: Project = { root: found.root, resources, modules: session.modules, diagnostics: session.diagnostics, files };
  if (handedOver) project.handedOver = handedOver;
  return project;
}

/** The module directories no other scanned module calls by a local path (called.ts): the root modules, in order. */
function findRoots(found: Discovery, session: Session, sources: Sources, quick: boolean): string[] {
  const called = calledDirs(found.moduleDirs, sources, session, quick);
  return found.moduleDirs.filter((d) => !called.has(d));
}

/**
 * An estimate of what evaluating a root module costs: the characters of its text read ahead and of the local modules
 * it calls, each once, found by a pattern (a wrong estimate only shares the work less evenly).
 */
function treeSize(dir: string, sources: Sources, memo: Map<string, number>): number {
  const known = memo.get(dir);
  if (known !== undefined) return known;
  memo.set(dir, 0); // a cycle counts once
  let n = 0;
  const calls = new Set<string>();
  for (const path of sources.namesIn(dir) ?? []) {
    const text = sources.text(path);
    if (text === undefined) continue;
    n += text.length;
    for (const m of text.matchAll(LOCAL_SOURCE)) calls.add(resolve(dir, m[1]!));
  }
  for (const c of calls) n += treeSize(c, sources, memo);
  memo.set(dir, n);
  return n;
}

const LOCAL_SOURCE = /^[ \t]*source[ \t]*=[ \t]*"(\.\.?\/[^"$]*)"/gm;

function misreadCalls(dir: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'internal',
    file: dir,
    message:
      'tfguard read the module calls of this directory differently before and after parsing it (a file here has syntax errors); the root modules of this scan may not be those a scan of the fixed files finds; please report it',
    hint: 'fix the syntax errors reported for this directory and scan again',
  };
}

interface CliAssignments {
  list: Assignment[];
  /** Variable files given on the command line that lie inside the scan's boundary: findings may stand in them. */
  files: SourceFile[];
}

function readCliVariables(cli: CliVariable[], session: Session): CliAssignments {
  const list: Assignment[] = [];
  const files: SourceFile[] = [];
  const wall = session.readOptions.root;
  for (const c of cli) {
    if (c.kind === 'file') {
      // A variable file given by the user may be anywhere: the scan root's wall is for what the scanned tree names.
      const { root: _root, ...anywhere } = session.readOptions;
      const r = loadFile(c.path, anywhere);
      if (r.diagnostic) session.report(r.diagnostic);
      if (r.file) {
        for (const d of r.file.diagnostics) session.report(d);
        const ds: Diagnostic[] = [];
        // A file outside the boundary is the user's own: its values count, but no finding is placed in it.
        const inside = !wall || isInside(wall, realpathOr(r.file.path));
        const assigned = assignmentsFromVarFile(r.file, ds);
        list.push(...(inside ? assigned : assigned.map(({ written: _w, ...a }) => a)));
        if (inside) files.push({ path: r.file.path, text: r.file.text, comments: r.file.comments });
        ds.forEach((d) => session.report(d));
      }
      continue;
    }
    const eq = c.text.indexOf('=');
    if (eq <= 0) {
      session.report({
        severity: 'error',
        code: 'cli-var',
        file: '--var',
        message: `--var "${c.text}" must have the form NAME=VALUE`,
        hint: 'for example --var region=eu-west-1',
      });
      continue;
    }
    list.push({ name: c.text.slice(0, eq).trim(), value: c.text.slice(eq + 1), source: '--var', raw: true });
  }
  return { list, files };
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The TF_VAR_* variables of an environment, in its order. */
export function tfVarEntries(env: Record<string, string | undefined>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(env)) if (k.startsWith('TF_VAR_') && v !== undefined) out.push([k, v]);
  return out;
}

/**
 * Root variable values by Terraform's precedence: TF_VAR_* environment, then the auto-loaded variable
 * files in order, then --var-file/--var in command-line order; later sources win. Defaults are
 * applied by the module instance.
 */
function rootVariableValues(
  files: File[],
  autoVarFiles: File[],
  cli: CliAssignments,
  envVars: readonly (readonly [string, string])[],
  session: Session,
  origins: Map<string, Origin>,
): Map<string, Value> {
  const decls = declaredVariables(files, []);
  const values = new Map<string, Value>();
  const set = (name: string, raw: Value, isRawString: boolean, source: string, written?: Assignment['written']): void => {
    const decl = decls.get(name);
    if (!decl) return;
    if (written) origins.set(name, originAt(source, written.expr, written.range, basename(source)));
    else origins.delete(name);
    if (isRawString && typeof raw === 'string' && decl.complexType) {
      // Like Terraform: values for complex types given on the command line or environment are HCL.
      const { expr, diagnostics } = parseHclExpression(source, raw);
      if (diagnostics.length) {
        diagnostics.forEach((d: Diagnostic) => session.report(d));
        values.set(name, unknown({ kind: 'variable', name, detail: `${source} value is not valid HCL` }));
        return;
      }
      try {
        values.set(name, evaluate(expr, CONSTANT_SCOPE));
      } catch (e) {
        session.report({
          severity: 'error',
          code: 'cli-var',
          file: source,
          message: `value for variable "${name}" must be a constant: ${(e as Error).message}`,
        });
        values.set(name, unknown({ kind: 'variable', name, detail: `${source} value could not be evaluated` }));
      }
      return;
    }
    values.set(name, raw);
  };
  for (const [k, v] of envVars) set(k.slice('TF_VAR_'.length), v, true, `environment variable ${k}`);
  for (const f of autoVarFiles) {
    const ds: Diagnostic[] = [];
    for (const a of assignmentsFromVarFile(f, ds)) {
      if (!decls.has(a.name)) {
        session.report({
          severity: 'warning',
          code: 'undeclared-variable-value',
          file: f.path,
          range: a.range,
          message: `a value is assigned to variable "${a.name}", which this module does not declare`,
          hint: `declare it with variable "${a.name}" {}, or remove the assignment`,
        });
        continue;
      }
      set(a.name, a.value, false, f.path, a.written);
    }
    ds.forEach((d) => session.report(d));
  }
  for (const a of cli.list) set(a.name, a.value, a.raw === true, a.source, a.written);
  return values;
}
