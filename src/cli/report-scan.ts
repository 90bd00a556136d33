// `tfguard scan` with reports: configuration, check selection, suppressions, baseline, changed
// files, every output format, and the exit code (0 clean, 1 findings at or above --fail-on, 2 usage,
// configuration or analysis errors).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Check, Finding, Severity } from '../checks/index.js';
import { EXPIRED_SUPPRESSION, UNEXPLAINED_SUPPRESSION, type SuppressedBy, applySuppressions } from '../checks/suppressions.js';
import { atLeast, parseSeverity, selectChecks, splitList } from '../checks/selection.js';
import { compareBaseline, createBaseline, parseBaseline, serializeBaseline } from '../checks/baseline.js';
import { runChecks } from '../checks/run.js';
import type { Project, Resource } from '../evaluate/model.js';
import type { CliVariable, ProjectOptions } from '../evaluate/project.js';
import { loadProject } from '../evaluate/project.js';
import type { Diagnostic } from '../load/ast.js';
import {
  FORMATS,
  type Format,
  type Report,
  type RuleInfo,
  SUPPRESSIONS_DOC_URI,
  checkDocUri,
  defaultCategory,
  findRepoRoot,
  render,
  reportFinding,
} from '../report/index.js';
import { commonRoot, mergeProjects, scanTargets } from './scan-paths.js';
import { loadCheckSet } from './checks.js';
import { type ConfigFile, findConfig } from './config-find.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type Io } from './main.js';
import { printDiagnosticList } from './resources.js';

/** The settings of one scan after flags and configuration are merged (flags win). */
export interface ScanSettings {
  check: string[];
  skipCheck: string[];
  severity: string[];
  failOn: Severity | 'none';
  softFail: boolean;
  format: string[];
  output?: string;
  checksDir: string[];
  exclude: string[];
  variables: CliVariable[];
  maxFileSize?: number;
  jobs?: number;
  baseline?: string;
  createBaseline?: string;
  inlineSuppressions: boolean;
  peerSuppressions: boolean;
  requireSuppressionReason: boolean;
  sarifIncludeSuppressed: boolean;
  sarifCategory?: string;
  showUnknown: boolean;
  changedSince?: string;
}

/** Flags as given: undefined where the flag was not on the command line. */
export type ScanFlags = { [K in keyof ScanSettings]?: ScanSettings[K] } & { config?: string; noConfig?: boolean };

export interface ScanEnv {
  /** Colour for text on stdout (a TTY without NO_COLOR). */
  color: boolean;
  /** Replaces the built-in checks directory (tests). */
  builtinDir?: string;
  /** Evaluation time and today's date for expiry (tests). */
  now?: number;
  /** Paths in text output are relative to this (default: the working directory). */
  base?: string;
  /** How to load the input (default: loadProject); lets the CLI plug in plans and other inputs. */
  load?: (path: string | undefined, options: ProjectOptions) => Promise<Project | { usage: string }>;
  /** Receives the report once it is built (the GitHub Action renders annotations and outputs from it). */
  onReport?: (report: Report, settings: ScanSettings) => void;
}

function merge(flags: ScanFlags, config: ConfigFile): ScanSettings {
  const pick = <T>(flag: T | undefined, conf: T | undefined, dflt: T): T => (flag !== undefined ? flag : conf !== undefined ? conf : dflt);
  const vars: CliVariable[] = [
    ...(config['var-file'] ?? []).map((path) => ({ kind: 'file' as const, path })),
    ...(config.var ?? []).map((text) => ({ kind: 'var' as const, text })),
  ];
  const failOn = pick<string>(flags.failOn, config['fail-on'], 'low');
  return {
    check: pick(flags.check, config.check, []),
    skipCheck: pick(flags.skipCheck, config['skip-check'], []),
    severity: pick(flags.severity, config.severity, []),
    failOn: failOn as Severity | 'none',
    softFail: pick(flags.softFail, config['soft-fail'], false),
    format: pick(flags.format, config.format, []),
    ...((flags.output ?? config.output) ? { output: (flags.output ?? config.output)! } : {}),
    checksDir: [...(config['checks-dir'] ?? []), ...(flags.checksDir ?? [])],
    exclude: [...(config.exclude ?? []), ...(flags.exclude ?? [])],
    variables: [...vars, ...(flags.variables ?? [])],
    ...(flags.maxFileSize ? { maxFileSize: flags.maxFileSize } : {}),
    ...(flags.jobs ? { jobs: flags.jobs } : {}),
    ...((flags.baseline ?? config.baseline) ? { baseline: (flags.baseline ?? config.baseline)! } : {}),
    ...(flags.createBaseline ? { createBaseline: flags.createBaseline } : {}),
    inlineSuppressions: pick(flags.inlineSuppressions, config['inline-suppressions'], true),
    peerSuppressions: pick(flags.peerSuppressions, config['peer-suppressions'], true),
    requireSuppressionReason: pick(flags.requireSuppressionReason, config['require-suppression-reason'], false),
    sarifIncludeSuppressed: pick(flags.sarifIncludeSuppressed, config['sarif-include-suppressed'], false),
    ...((flags.sarifCategory ?? config['sarif-category']) ? { sarifCategory: (flags.sarifCategory ?? config['sarif-category'])! } : {}),
    showUnknown: pick(flags.showUnknown, config['show-unknown'], false),
    ...((flags.changedSince ?? config['changed-since']) ? { changedSince: (flags.changedSince ?? config['changed-since'])! } : {}),
  };
}

interface Output {
  format: Format;
  path?: string;
}

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

function usage(io: Io, message: string, hint?: string): number {
  io.stderr(`tfguard: ${message}\n${hint ? `  = help: ${hint}\n` : ''}`);
  return EXIT_ERROR;
}

function ruleInfo(c: Check | RuleInfo, helpUri = 'builtin' in c && c.builtin ? checkDocUri(c.id) : c.references[0]): RuleInfo {
  return {
    id: c.id,
    title: c.title,
    severity: c.severity,
    description: c.description,
    remediation: c.remediation,
    references: c.references,
    compliance: c.compliance,
    mitre: c.mitre,
    aliases: c.aliases,
    ...(helpUri ? { helpUri } : {}),
  };
}

/** Does a finding belong to the changed directories (its file, its resource, or a module call on the way)? */
function touches(f: { file: string }, resource: Resource | undefined, dirs: ReadonlySet<string>): boolean {
  if (dirs.has(dirname(f.file))) return true;
  if (!resource) return false;
  return dirs.has(dirname(resource.location.file)) || resource.moduleCalls.some((c) => dirs.has(dirname(c.location.file)));
}

/** Scan `paths` (none: a usage error; several: files widen to their module directories, see scan-paths.ts). */
export async function runReportScan(
  paths: string | readonly string[] | undefined,
  flags: ScanFlags,
  env: ScanEnv,
  io: Io,
): Promise<number> {
  const { targets } = scanTargets(paths === undefined ? [] : typeof paths === 'string' ? [paths] : paths);
  const path = targets.length === 1 ? targets[0] : undefined;
  const scanRoot = targets.length > 1 ? commonRoot(targets) : resolve(path ?? '.');
  const repoRoot = findRepoRoot(scanRoot);
  // 1. Configuration.
  let config: ConfigFile = {};
  const configFile = flags.noConfig ? undefined : flags.config ? resolve(flags.config) : findConfig(scanRoot, repoRoot);
  if (configFile) {
    const { readConfig } = await import('./config.js');
    const read = readConfig(configFile);
    if (!read.config) {
      printDiagnosticList(read.diagnostics, io);
      return usage(io, `the configuration file ${configFile} is not valid; nothing was scanned`);
    }
    config = read.config;
  }
  const s = merge(flags, config);
  for (const sev of s.severity)
    if (!parseSeverity(sev)) return usage(io, `--severity: unknown severity \`${sev}\``, 'use critical, high, medium, low or info');
  if (s.failOn !== 'none' && !parseSeverity(s.failOn))
    return usage(io, `--fail-on: unknown severity \`${s.failOn}\``, 'use critical, high, medium, low, info or none');
  const outs = parseOutputs(s.format, s.output);
  if (!outs.outputs) return usage(io, outs.error!);

  // 2. Checks.
  const all = await loadCheckSet({ dirs: s.checksDir, ...(env.builtinDir ? { builtinDir: env.builtinDir } : {}) }, io);
  if (!all) return EXIT_ERROR;
  const selected = selectChecks(all, { include: s.check, exclude: s.skipCheck });
  if (selected.unmatched.length) {
    const u = selected.unmatched[0]!;
    return usage(
      io,
      `${u.flag} \`${u.pattern}\` names no check`,
      'give a check ID (D9.TF.AWS.LOG.01), a peer alias (CKV_AWS_67), a glob (TFG.AWS.*) or a severity',
    );
  }

  // 3. Changed files (before loading, so a bad ref fails fast).
  let changedDirs: Set<string> | undefined;
  if (s.changedSince) {
    const { changedSince } = await import('./changed.js'); // git via child_process: only with --changed-since
    const ch = changedSince(s.changedSince, scanRoot);
    if (!ch.ok) return usage(io, `--changed-since: ${ch.message}`, ch.hint);
    changedDirs = ch.dirs;
  }

  // 4. Load, run, suppress.
  const now = env.now ?? Date.now();
  const loadOptions: ProjectOptions = {
    exclude: s.exclude,
    cliVariables: s.variables,
    ...(s.maxFileSize ? { maxFileBytes: s.maxFileSize } : {}),
    ...(s.jobs ? { jobs: s.jobs } : {}),
  };
  const loadOne = async (p: string | undefined): Promise<Project | { usage: string }> =>
    env.load
      ? env.load(p, loadOptions)
      : p === undefined
        ? { usage: 'missing <path>: give a directory of Terraform files or a .tf file' }
        : loadProject(p, loadOptions);
  const loaded = targets.length > 1 ? await loadEach(targets, scanRoot, loadOne) : await loadOne(path);
  if ('usage' in loaded) return usage(io, loaded.usage);
  const project = loaded;
  const run = runChecks(selected.checks, project, { now });
  const sup = applySuppressions(run.findings, project, all, {
    inline: s.inlineSuppressions,
    peers: s.peerSuppressions,
    requireReason: s.requireSuppressionReason,
    now,
  });
  const shownSeverity = new Set(splitList(s.severity).map((x) => parseSeverity(x)!));
  const keep = (f: Finding): boolean =>
    (!changedDirs || touches(f, f.resource, changedDirs)) && (!shownSeverity.size || shownSeverity.has(f.severity));
  const counted = [...sup.kept, ...sup.problems].filter(keep);
  const silenced: { finding: Finding; by: SuppressedBy }[] = sup.suppressed.filter((x) => keep(x.finding));
  const unknowns = run.unknowns.filter((u) => !changedDirs || changedDirs.has(dirname(u.file)));
  const severityOf = new Map(selected.checks.map((c) => [c.id, c.severity]));
  const passed = run.passes.filter(
    (x) => (!changedDirs || touches(x, x.resource, changedDirs)) && (!shownSeverity.size || shownSeverity.has(severityOf.get(x.checkId)!)),
  );

  // 5. Baseline.
  let fresh = counted;
  let fixed: ReturnType<typeof compareBaseline>['fixed'] = [];
  if (s.createBaseline) {
    const file = resolve(s.createBaseline);
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, serializeBaseline(createBaseline(counted, project.root)));
    } catch (e) {
      return usage(io, `cannot write the baseline ${file}: ${(e as Error).message}`);
    }
    io.stderr(`tfguard: wrote ${counted.length} finding${counted.length === 1 ? '' : 's'} to the baseline ${file}\n`);
  }
  const baselineFile = s.createBaseline ?? s.baseline;
  if (baselineFile) {
    let text: string;
    try {
      text = readFileSync(resolve(baselineFile), 'utf8');
    } catch (e) {
      return usage(
        io,
        `cannot read the baseline ${baselineFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        'create one with --create-baseline FILE',
      );
    }
    const parsed = parseBaseline(text, resolve(baselineFile));
    if (!parsed.baseline) {
      printDiagnosticList(parsed.diagnostics, io);
      return EXIT_ERROR;
    }
    const cmp = compareBaseline(
      [...counted, ...silenced.map((x) => x.finding)],
      parsed.baseline,
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
  if (s.inlineSuppressions) rules.push(ruleInfo(EXPIRED_SUPPRESSION, SUPPRESSIONS_DOC_URI));
  if (s.inlineSuppressions && s.requireSuppressionReason) rules.push(ruleInfo(UNEXPLAINED_SUPPRESSION, SUPPRESSIONS_DOC_URI));
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const base = { repoRoot: repoRoot ?? (project.root === scanRoot ? scanRoot : dirname(scanRoot)), scanRoot };
  const report: Report = {
    ...base,
    rules,
    findings: sortByPlace(fresh).map((f) => reportFinding(f)),
    suppressed: sortByPlace(silenced.map((x) => x.finding)).map((f) => reportFinding(f, silenced.find((x) => x.finding === f)!.by)),
    unknowns,
    passed,
    fixed,
    diagnostics,
    sources: new Map(project.files.map((f) => [f.path, f.text])),
    resources: project.resources.length,
    category: s.sarifCategory ?? defaultCategory(base),
  };
  env.onReport?.(report, s);
  for (const o of outs.outputs) {
    const text = render(o.format, report, {
      color: !o.path && env.color,
      showUnknown: s.showUnknown,
      includeSuppressed: s.sarifIncludeSuppressed,
      ...(env.base ? { base: env.base } : {}),
    });
    if (!o.path) {
      io.stdout(text);
      continue;
    }
    try {
      mkdirSync(dirname(resolve(o.path)), { recursive: true });
      writeFileSync(resolve(o.path), text);
    } catch (e) {
      return usage(io, `cannot write ${o.format} output to ${o.path}: ${(e as Error).message}`);
    }
  }
  printDiagnosticList(diagnostics, io, project.files);

  if (diagnostics.some((d) => d.severity === 'error')) return EXIT_ERROR;
  const failing = s.failOn === 'none' ? [] : fresh.filter((f) => atLeast(f.severity, s.failOn as Severity));
  return failing.length && !s.softFail ? EXIT_FINDINGS : EXIT_OK;
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

function sortByPlace(list: Finding[]): Finding[] {
  const key = (f: Finding): string =>
    `${f.file}\u0000${String(f.range.start.line).padStart(9, '0')}\u0000${String(f.range.start.column).padStart(9, '0')}\u0000${f.checkId}\u0000${f.address}`;
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
