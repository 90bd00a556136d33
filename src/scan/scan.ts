// The scan: from what a door was given (paths, flags) to a Report and an exit code. It reads the inputs (the
// configuration, the checks, the Terraform, plan, snapshot or logs, a baseline, git for --changed-since) and
// nothing else: rendering and writing files is the door's (src/cli, src/action).
import { ParseCache } from '../load/parse-cache.js';
import type { LoadProgress } from '../load/preparse.js';
import { BENCHMARK_IDS, builtinBenchmarks, inBenchmark } from '../checks/benchmarks.js';
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../common/diagnostics.js';
import { findRepoRoot } from '../common/repo.js';
import { byPlace, diagnosticOrder } from '../common/order.js';
import type { BlockedResult, Check, Finding, ResourcePlace, Severity } from '../checks/index.js';
import {
  EXPIRED_SUPPRESSION,
  UNEXPLAINED_SUPPRESSION,
  type SuppressedBy,
  applySuppressions,
  problemFinding,
} from '../checks/suppressions.js';
import { atLeast, parseSeverity, selectChecks, splitList } from '../checks/selection.js';
import { compareBaseline, createBaseline, parseBaseline, serializeBaseline } from '../checks/baseline.js';
import { CheckRun, projectWorlds } from '../checks/run.js';
import { collectGarbage } from '../common/memory.js';
import { dedupFindings } from '../checks/dedup.js';
import type { Project } from '../evaluate/model.js';
import type { ProjectOptions } from '../evaluate/project.js';
import {
  FORMATS,
  type Format,
  type Report,
  type RuleInfo,
  SUPPRESSIONS_DOC_URI,
  checkDocUri,
  defaultCategory,
  oneFindingPerCause,
  reportFinding,
} from '../report/index.js';
import { loadCheckSet } from './checks.js';
import { findConfig, readConfig } from './config.js';
import { type ShardPlan, loadInputs } from './inputs.js';
import { eventFilter } from './event-filter.js';
import { type ConfigFile, type ScanFlags, type ScanSettings, limitsOf, mergeSettings } from './options.js';
import { commonRoot, mergeProjects, scanTargets } from './targets.js';
import { isInside } from '../common/paths.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export interface ScanRequest {
  /** Directories, Terraform files (each stands for its module directory), a plan, snapshot or log file; none with --plan. */
  paths: readonly string[];
  /** What the door was given explicitly. */
  flags: ScanFlags;
  /** Replaces the built-in checks directory (tests; the Action's checkout). */
  builtinDir?: string;
  /** Evaluation time and today's date for expiry (tests). */
  now?: number;
  /** Told how far loading is (the command line's progress line). */
  progress?: (p: LoadProgress) => void;
  /** The unsaved text of files open in an editor, by absolute path (the language server). */
  overlay?: ReadonlyMap<string, string>;
}

/** Where one format goes: a file, or standard output. */
export interface Output {
  format: Format;
  path?: string;
}

/** A scan that could not run: a usage or configuration problem, invalid check files, an unreadable baseline. */
export interface ScanProblem {
  ok: false;
  exitCode: typeof EXIT_ERROR;
  /** Diagnostics with file and line (configuration, check files, baseline). */
  diagnostics: Diagnostic[];
  /** One line for the user; `hint` says how to fix it. */
  message: string;
  hint?: string;
}

export interface ScanDone {
  ok: true;
  exitCode: number;
  report: Report;
  settings: ScanSettings;
  outputs: Output[];
  /** `--create-baseline`: the file to write and its text (the door writes it). */
  baseline?: { path: string; text: string; count: number };
  /** The project's diagnostics and the suppression problems, for the door to print. */
  diagnostics: Diagnostic[];
}

export type ScanResult = ScanProblem | ScanDone;

const problem = (message: string, hint?: string, diagnostics: Diagnostic[] = []): ScanProblem => ({
  ok: false,
  exitCode: EXIT_ERROR,
  diagnostics,
  message,
  ...(hint ? { hint } : {}),
});

/** `--format FMT[=PATH]` list plus `--output PATH` → where each format goes; at most one to stdout. */
export function parseOutputs(formats: readonly string[], output: string | undefined): { outputs?: Output[]; error?: string } {
  const list = splitList(formats.length ? formats : ['text']);
  const outputs: Output[] = [];
  for (const item of list) {
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)).toLowerCase();
    if (!(FORMATS as readonly string[]).includes(name))
      return { error: `unknown format \`${name}\`; the formats are ${FORMATS.join(', ')}` };
    outputs.push({ format: name as Format, ...(eq >= 0 ? { path: item.slice(eq + 1) } : {}) });
  }
  const toStdout = outputs.filter((o) => !o.path);
  if (output) {
    if (toStdout.length !== 1)
      return { error: '--output names one file, but there is no single format without a path; write --format FMT=PATH for each' };
    toStdout[0]!.path = output;
  } else if (toStdout.length > 1) {
    return {
      error: `${toStdout.map((o) => o.format).join(' and ')} would all go to standard output; give each but one a file: --format ${toStdout[1]!.format}=PATH`,
    };
  }
  return { outputs };
}

function ruleInfo(c: Check | RuleInfo, helpUri = 'builtin' in c && c.builtin ? checkDocUri(c.id) : c.references[0]): RuleInfo {
  return {
    id: c.id,
    title: c.title,
    severity: c.severity,
    description: c.description,
    remediation: c.remediation,
    references: c.references,
    requires: c.requires,
    messages: c.messages,
    compliance: c.compliance,
    mitre: c.mitre,
    aliases: c.aliases,
    ...(c.fix ? { fix: c.fix } : {}),
    ...(helpUri ? { helpUri } : {}),
  };
}

/** Does a finding belong to the changed directories (its file, its resource, or a module call on the way)? */
function touches(f: { file: string }, resource: ResourcePlace | undefined, dirs: ReadonlySet<string>): boolean {
  if (dirs.has(dirname(f.file))) return true;
  if (!resource) return false;
  return dirs.has(dirname(resource.location.file)) || resource.moduleCalls.some((c) => dirs.has(dirname(c.location.file)));
}

/** Run a scan. Never throws for bad input: problems come back as a ScanProblem or as diagnostics. */
/** Resources from which a scan is large enough to collect garbage once between loading and the checks. */
const LARGE_SCAN_RESOURCES = 5000;

export async function scan(request: ScanRequest): Promise<ScanResult> {
  const { flags } = request;
  const { targets } = scanTargets(request.paths);
  const path = targets.length === 1 ? targets[0] : undefined;
  const scanRoot = targets.length > 1 ? commonRoot(targets) : resolve(path ?? flags.plan ?? '.');
  const repoRoot = findRepoRoot(scanRoot);

  // 1. Configuration.
  let config: ConfigFile = {};
  const configFile = flags.noConfig ? undefined : flags.config ? resolve(flags.config) : findConfig(scanRoot, repoRoot);
  if (configFile) {
    // A file found in the scanned tree is the repository's, not the user's: its paths stay inside the repository.
    const read = readConfig(configFile, flags.config ? undefined : (repoRoot ?? dirname(configFile)));
    if (!read.config) return problem(`the configuration file ${configFile} is not valid; nothing was scanned`, undefined, read.diagnostics);
    config = read.config;
  }
  const s = mergeSettings(flags, config);
  for (const sev of s.severity)
    if (!parseSeverity(sev)) return problem(`--severity: unknown severity \`${sev}\``, 'use critical, high, medium, low or info');
  if (s.failOn !== 'none' && !parseSeverity(s.failOn))
    return problem(`--fail-on: unknown severity \`${s.failOn}\``, 'use critical, high, medium, low, info or none');
  const outs = parseOutputs(s.format, s.output);
  if (!outs.outputs) return problem(outs.error!);

  // 2. Checks.
  const all = await loadCheckSet({ dirs: s.checksDir, ...(request.builtinDir ? { builtinDir: request.builtinDir } : {}) });
  if (!all.ok) return problem(all.summary, undefined, all.diagnostics);
  // --benchmark: the checks that map a recommendation of that version, then --check/--skip-check among them.
  const benchmark = s.benchmark ? builtinBenchmarks().find((b) => b.id === s.benchmark) : undefined;
  if (s.benchmark && !benchmark)
    return problem(`--benchmark: unknown benchmark \`${s.benchmark}\``, `use one of ${BENCHMARK_IDS.join(', ')}`);
  const inScope = benchmark ? all.checks.filter((c) => inBenchmark(benchmark, c)) : all.checks;
  const selected = selectChecks(inScope, { include: s.check, exclude: s.skipCheck });
  if (selected.unmatched.length) {
    const u = selected.unmatched[0]!;
    return problem(
      `${u.flag} \`${u.pattern}\` names no check`,
      'give a check ID (D9.TF.AWS.LOG.01), a peer alias (CKV_AWS_67), a glob (TFG.AWS.*) or a severity',
    );
  }

  // 3. Changed files (before loading, so a bad ref fails fast).
  let changedDirs: Set<string> | undefined;
  if (s.changedSince) {
    const { changedSince } = await import('./changed.js'); // git via child_process: only with --changed-since
    const ch = changedSince(s.changedSince, scanRoot);
    if (!ch.ok) return problem(`--changed-since: ${ch.message}`, ch.hint);
    changedDirs = ch.dirs;
  }

  // 4. Load, run, suppress. Nothing outside the boundary is read: --root, else the repository of the scanned path.
  const boundary = s.root !== undefined ? resolve(s.root) : repoRoot;
  if (s.root !== undefined) {
    const outside = [...targets, ...(s.plan ? [s.plan] : [])].find((t) => !isInside(resolve(boundary!), t));
    if (outside) return problem(`--root ${s.root} does not hold ${outside}`, 'give --root a directory that contains every scanned path');
  }
  const now = request.now ?? Date.now();
  const checking = new CheckRun(selected.checks, { now });
  const loadOptions: ProjectOptions = {
    exclude: s.exclude,
    cliVariables: s.variables,
    ...(boundary ? { boundary } : {}),
    ...(s.maxFileSize ? { maxFileBytes: s.maxFileSize } : {}),
    ...(s.jobs ? { jobs: s.jobs } : {}),
    ...(request.progress ? { progress: request.progress } : {}),
    ...(request.overlay ? { overlay: request.overlay } : {}),
    ...(s.cache !== undefined ? { cache: new ParseCache(resolve(s.cache)) } : {}),
    limits: limitsOf(s),
    // Each root module is checked as soon as it is evaluated, and its resources let go (src/checks/run.ts).
    eachRoot: (root, resources) => {
      if (resources.length) checking.add(root, resources);
    },
  };
  const inputs = { ...(s.plan !== undefined ? { plan: s.plan } : {}), ...(s.sourceDir !== undefined ? { sourceDir: s.sourceDir } : {}) };
  // CloudTrail logs are streamed: only the events a selected event check does not pass are kept.
  const events = eventFilter(
    selected.checks.map((c) => c.rule),
    now,
  );
  // With --jobs N, a large repository's root modules are shared out over worker threads (shards.ts); their checks'
  // results join ours. One thread by default: on two cores V8's compiler and collector already keep the second busy,
  // and a second heap costs memory (docs/performance.md, "Issue 15, session 8").
  const jobs = s.jobs ?? 1;
  const shard: ShardPlan = {
    jobs,
    checks: { dirs: s.checksDir, ...(request.builtinDir ? { builtinDir: request.builtinDir } : {}) },
    checkIds: selected.checks.map((c) => c.id),
    now,
    onRun: (run) => checking.merge(run),
  };
  const loadOne = (p: string | undefined): Promise<Project | { usage: string }> =>
    loadInputs(p, inputs, loadOptions, events, request.overlay ? undefined : shard);
  const loaded = targets.length > 1 ? await loadEach(targets, scanRoot, loadOne) : await loadOne(path);
  if ('usage' in loaded) return problem(loaded.usage);
  const project = loaded;
  // In the order of their places, whichever thread found them.
  project.diagnostics.sort(diagnosticOrder);
  // Loading a large repository leaves much garbage: collect it once now, so that the checks and the report do not grow
  // the heap from there (src/common/memory.ts). Small scans skip it (a full collection costs a few milliseconds).
  if (project.resources.length >= LARGE_SCAN_RESOURCES) collectGarbage();
  // What was not handed over root by root (plans, snapshots, events) is checked now; a configuration without any
  // resource still gets its one world, where `List<type>` rules find nothing.
  if (project.resources.length || !project.handedOver) for (const w of projectWorlds(project)) checking.addWorld(w);
  const run = checking.finish();
  const sup = applySuppressions(dedupFindings(run.findings, selected.checks), project, all.checks, {
    inline: s.inlineSuppressions,
    peers: s.peerSuppressions,
    requireReason: s.requireSuppressionReason,
    now,
  });
  const shownSeverity = new Set(splitList(s.severity).map((x) => parseSeverity(x)!));
  const keep = (f: Finding): boolean =>
    (!changedDirs || touches(f, f.resource, changedDirs)) && (!shownSeverity.size || shownSeverity.has(f.severity));
  const counted = [...sup.kept, ...sup.problems.map(problemFinding)].filter(keep);
  const silenced: { finding: Finding; by: SuppressedBy }[] = sup.suppressed.filter((x) => keep(x.finding));
  const unknowns = run.unknowns.filter((u) => !changedDirs || changedDirs.has(dirname(u.file)));
  const blocked = oncePerCause(run.blocked.filter(keep));
  const severityOf = new Map(selected.checks.map((c) => [c.id, c.severity]));
  const passed = run.passes.filter(
    (x) => (!changedDirs || touches(x, x.resource, changedDirs)) && (!shownSeverity.size || shownSeverity.has(severityOf.get(x.checkId)!)),
  );

  // 5. Baseline: a new one is applied at once (and handed to the door to write); an existing one is read.
  let fresh = counted;
  let fixed: ReturnType<typeof compareBaseline>['fixed'] = [];
  let baselineOut: ScanDone['baseline'];
  let baseline: ReturnType<typeof parseBaseline>['baseline'];
  if (s.createBaseline) {
    const text = serializeBaseline(createBaseline(counted, project.root));
    baselineOut = { path: resolve(s.createBaseline), text, count: counted.length };
    baseline = parseBaseline(text, baselineOut.path).baseline;
  } else if (s.baseline) {
    let text: string;
    try {
      text = readFileSync(resolve(s.baseline), 'utf8');
    } catch (e) {
      return problem(
        `cannot read the baseline ${s.baseline}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        'create one with --create-baseline FILE',
      );
    }
    const parsed = parseBaseline(text, resolve(s.baseline));
    if (!parsed.baseline) return problem(`the baseline ${s.baseline} is not valid`, undefined, parsed.diagnostics);
    baseline = parsed.baseline;
  }
  if (baseline) {
    const cmp = compareBaseline(
      [...counted, ...silenced.map((x) => x.finding)],
      baseline,
      new Set(selected.checks.map((c) => c.id)),
      project.root,
    );
    const known = new Set(cmp.known);
    fresh = counted.filter((f) => !known.has(f));
    for (const f of counted) if (known.has(f)) silenced.push({ finding: f, by: { kind: 'baseline' } });
    fixed = cmp.fixed;
  }

  // 6. Report.
  const diagnostics: Diagnostic[] = [...project.diagnostics, ...sup.diagnostics];
  const rules: RuleInfo[] = selected.checks.map((c) => ruleInfo(c));
  if (s.inlineSuppressions) rules.push({ ...ruleInfo(EXPIRED_SUPPRESSION, SUPPRESSIONS_DOC_URI), own: true });
  if (s.inlineSuppressions && s.requireSuppressionReason)
    rules.push({ ...ruleInfo(UNEXPLAINED_SUPPRESSION, SUPPRESSIONS_DOC_URI), own: true });
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Outside a git repository, the scanned directory (a file's directory) stands for it.
  const base = { repoRoot: repoRoot ?? (isDirectory(scanRoot) ? scanRoot : dirname(scanRoot)), scanRoot };
  const by = new Map(silenced.map((x) => [x.finding, x.by]));
  const report: Report = {
    ...base,
    rules,
    findings: oneFindingPerCause([...fresh].sort(byPlace).map((f) => ({ finding: reportFinding(f), root: f.resource?.root }))),
    suppressed: silenced
      .map((x) => x.finding)
      .sort(byPlace)
      .map((f) => reportFinding(f, by.get(f))),
    unknowns,
    blocked,
    passed,
    fixed,
    diagnostics,
    sources: new Map(project.files.map((f) => [f.path, f.text])),
    resources: project.resources.length + (project.handedOver ?? 0) + (project.unkeptEvents ?? 0),
    category: s.sarifCategory ?? defaultCategory(base),
    ...(benchmark ? { benchmark } : {}),
  };
  const errors = diagnostics.some((d) => d.severity === 'error');
  const failing = s.failOn === 'none' ? [] : fresh.filter((f) => atLeast(f.severity, s.failOn as Severity));
  const exitCode = errors ? EXIT_ERROR : failing.length && !s.softFail ? EXIT_FINDINGS : EXIT_OK;
  return { ok: true, exitCode, report, settings: s, outputs: outs.outputs, diagnostics, ...(baselineOut ? { baseline: baselineOut } : {}) };
}

/** A blocked check is reported once per place its prerequisite fails, whatever the number of instances behind it. */
function oncePerCause(blocked: readonly BlockedResult[]): BlockedResult[] {
  const seen = new Set<string>();
  return blocked.filter((b) => {
    const key = `${b.checkId}\0${b.requires}\0${b.file}\0${b.range.start.line}:${b.range.start.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function loadEach(
  targets: readonly string[],
  root: string,
  loadOne: (p: string) => Promise<Project | { usage: string }>,
): Promise<Project | { usage: string }> {
  const projects: Project[] = [];
  for (const t of targets) {
    const p = await loadOne(t);
    if ('usage' in p) return { usage: `${t}: ${p.usage}` };
    projects.push(p);
  }
  return mergeProjects(root, projects);
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
