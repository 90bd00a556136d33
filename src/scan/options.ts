// The one table of scan options. Each row says, once: the command-line flag, the `.tfguard.yaml` key, the GitHub
// Action input, the type, the default, how a flag and the configuration combine, and the help text. The commander
// options (src/cli/options.ts), the configuration schema and type (src/scan/config.ts), the settings a scan runs
// with (mergeSettings below) and the Action's input reading (src/action/inputs.ts) are all derived from it; tests
// hold action.yml, the README and docs/configuration.md to it.
import { SEVERITIES, type Severity } from '../checks/model.js';
import type { Limits } from '../common/limits.js';
import type { CliVariable } from '../evaluate/project.js';
import { FORMATS } from '../report/index.js';
import { BENCHMARK_IDS } from '../checks/benchmarks.js';

/**
 * What a value is: `list` (repeatable, comma-separated), `paths` (a list of paths), `path`, `string`, `boolean`,
 * `integer`, `severity-or-none`, `variable` (`--var NAME=VALUE`) and `var-file` (kept in command-line order with
 * `--var`), `text` (an Action input read by the Action alone).
 */
export type OptionKind = 'list' | 'paths' | 'path' | 'string' | 'boolean' | 'integer' | 'severity-or-none' | 'variable' | 'var-file';

/** Which commands take the flag: scan only, or every command that loads Terraform (scan, explain, resources). */
export type OptionScope = 'scan' | 'load';

export interface OptionSpec {
  /** The key in the settings (camelCase). */
  readonly key: string;
  readonly kind: OptionKind;
  /** Commander's flag spec (`--check <ids>`, `--soft-fail`, `--no-inline-suppressions`); absent: no flag. */
  readonly flag?: string;
  /** The `.tfguard.yaml` key; absent: not configurable there. */
  readonly config?: string;
  /** The Action input; absent: the Action does not take it. */
  readonly input?: string;
  readonly scope?: OptionScope;
  /** The default when neither flag nor configuration gives one. */
  readonly default?: boolean | string | number;
  /** `append`: configuration first, then flags (lists of directories, globs); otherwise a flag wins over the configuration. */
  readonly merge?: 'append';
  /** Allowed values (also of each list item). */
  readonly values?: readonly string[];
  /** A JSON-schema pattern for a configuration value (or each item). */
  readonly pattern?: string;
  readonly min?: number;
  readonly max?: number;
  readonly help: string;
  /** The Action input's description, when it says more than `help` (action.yml). */
  readonly inputHelp?: string;
}

const SEVERITY_OR_NONE = [...SEVERITIES, 'none'] as const;

export const SCAN_OPTIONS = [
  {
    key: 'check',
    kind: 'list',
    flag: '--check <ids>',
    config: 'check',
    input: 'check',
    scope: 'scan',
    help: 'run only these checks: IDs, peer aliases (CKV_AWS_67), globs (TFG.AWS.*) or a severity (that severity and above); repeatable, comma-separated',
    inputHelp: 'Run only these checks (IDs, peer aliases such as CKV_AWS_67, globs, or a severity)',
  },
  {
    key: 'benchmark',
    kind: 'string',
    flag: '--benchmark <id>',
    config: 'benchmark',
    scope: 'scan',
    values: BENCHMARK_IDS,
    help: `run the checks of one benchmark version and report every recommendation of it (markdown, json and html give the compliance report, sarif the sections): ${BENCHMARK_IDS.join(', ')}`,
  },
  {
    key: 'skipCheck',
    kind: 'list',
    flag: '--skip-check <ids>',
    config: 'skip-check',
    input: 'skip-check',
    scope: 'scan',
    help: 'never run these checks: IDs, aliases, globs or a severity (that severity and below); repeatable',
    inputHelp: 'Never run these checks (IDs, aliases, globs, or a severity)',
  },
  {
    key: 'severity',
    kind: 'list',
    flag: '--severity <list>',
    config: 'severity',
    scope: 'scan',
    values: SEVERITIES,
    help: 'show only findings of these severities (critical, high, medium, low, info); repeatable, comma-separated',
  },
  {
    key: 'failOn',
    kind: 'severity-or-none',
    flag: '--fail-on <severity>',
    config: 'fail-on',
    input: 'fail-on',
    scope: 'scan',
    default: 'low',
    values: SEVERITY_OR_NONE,
    help: 'exit 1 when a finding is at or above this severity (default low; none never fails)',
    inputHelp:
      "Fail the step on findings at or above this severity (critical, high, medium, low, info, none); default low, or the configuration file's fail-on",
  },
  {
    key: 'softFail',
    kind: 'boolean',
    flag: '--soft-fail',
    config: 'soft-fail',
    input: 'soft-fail',
    scope: 'scan',
    default: false,
    help: 'exit 0 even when there are findings (errors still exit 2)',
    inputHelp: 'true to report findings without failing the step (input and configuration errors still fail it)',
  },
  {
    key: 'cache',
    kind: 'path',
    flag: '--cache <dir>',
    scope: 'scan',
    help: 'keep parsed .tf files in this directory, keyed by their text and tfguard version, so a re-run skips the unchanged ones (safe to delete; a flag only, never taken from a configuration file)',
  },
  {
    key: 'quiet',
    kind: 'boolean',
    flag: '--quiet',
    scope: 'scan',
    default: false,
    help: 'no progress line on standard error (it is shown only on a terminal, outside CI, for scans longer than half a second)',
  },
  {
    key: 'format',
    kind: 'list',
    flag: '--format <fmt>',
    config: 'format',
    scope: 'scan',
    pattern: `^(${FORMATS.join('|')})(=.+)?$`,
    help: `output format: ${FORMATS.join(', ')}; FMT=PATH writes it to a file; repeatable`,
  },
  {
    key: 'output',
    kind: 'path',
    flag: '--output <path>',
    config: 'output',
    scope: 'scan',
    help: 'write the (single) format without a path to this file instead of standard output',
  },
  {
    key: 'checksDir',
    kind: 'paths',
    flag: '--checks-dir <dir>',
    config: 'checks-dir',
    input: 'checks-dir',
    scope: 'scan',
    merge: 'append',
    help: "add a directory of the team's own checks (repeatable)",
    inputHelp: 'Directories of your own checks, added to the built-in ones (one per line or comma-separated)',
  },
  {
    key: 'exclude',
    kind: 'list',
    flag: '--exclude <glob>',
    config: 'exclude',
    scope: 'load',
    merge: 'append',
    help: 'skip files and folders matching a glob, relative to the scanned path (repeatable)',
  },
  {
    key: 'var',
    kind: 'variable',
    flag: '--var <name=value>',
    config: 'var',
    scope: 'load',
    pattern: '^[A-Za-z_][A-Za-z0-9_-]*=',
    help: 'set a root module variable, as terraform -var (repeatable)',
  },
  {
    key: 'varFile',
    kind: 'var-file',
    flag: '--var-file <path>',
    config: 'var-file',
    input: 'var-files',
    scope: 'load',
    help: 'read root module variables from a .tfvars or .tfvars.json file (repeatable)',
    inputHelp: '.tfvars files for the root module variables, in order (one per line or comma-separated)',
  },
  {
    key: 'root',
    kind: 'path',
    flag: '--root <dir>',
    scope: 'load',
    help: 'the directory nothing is read outside of, local modules included (default: the git repository holding the scanned path, else the scanned directory)',
  },
  {
    key: 'maxFileSize',
    kind: 'integer',
    flag: '--max-file-size <bytes>',
    scope: 'load',
    min: 1,
    help: 'skip files larger than this (default 10485760)',
  },
  {
    key: 'maxDepth',
    kind: 'integer',
    flag: '--max-depth <n>',
    scope: 'load',
    min: 1,
    max: 1000,
    help: 'nesting of expressions, templates and JSON values (plans, .tf.json, snapshots, CloudTrail records) evaluated before the value is unknown with a diagnostic (default 500, at most 1000: deeper would exhaust the stack)',
  },
  {
    key: 'maxStringLength',
    kind: 'integer',
    flag: '--max-string-length <n>',
    scope: 'load',
    min: 1,
    help: 'characters in one computed string before it is unknown with a diagnostic (default 16777216)',
  },
  {
    key: 'maxCollectionSize',
    kind: 'integer',
    flag: '--max-collection-size <n>',
    scope: 'load',
    min: 1,
    help: 'elements in one computed value, all levels counted, before it is unknown with a diagnostic (default 1000000)',
  },
  {
    key: 'maxInstances',
    kind: 'integer',
    flag: '--max-instances <n>',
    scope: 'load',
    min: 1,
    help: 'instances of one resource or module (count, for_each) before it is one instance of unknown key with a diagnostic (default 10000)',
  },
  {
    key: 'maxEvalSteps',
    kind: 'integer',
    flag: '--max-eval-steps <n>',
    scope: 'load',
    min: 1,
    help: 'expression evaluation steps per module instance before its remaining values are unknown with a diagnostic (default 20000000)',
  },
  {
    key: 'maxTotalInstances',
    kind: 'integer',
    flag: '--max-total-instances <n>',
    scope: 'load',
    min: 1,
    help: 'module and resource instances of one root module with the modules it calls (nested count/for_each multiply) before blocks are not evaluated, with one diagnostic per root module (default 100000)',
  },
  {
    key: 'maxExpandedSize',
    kind: 'integer',
    flag: '--max-expanded-size <bytes>',
    scope: 'load',
    min: 1,
    help: 'bytes a compressed input (.json.gz) may expand to before it is refused with a diagnostic (default 67108864)',
  },
  {
    key: 'jobs',
    kind: 'integer',
    flag: '--jobs <n>',
    scope: 'load',
    min: 1,
    max: 64,
    help: 'threads (default 1): the root modules of a large Terraform repository (200 module directories or more) are evaluated and checked in N threads; CloudTrail log files are read N at once',
  },
  {
    key: 'baseline',
    kind: 'path',
    flag: '--baseline <file>',
    config: 'baseline',
    scope: 'scan',
    help: 'fail only on findings not recorded in this baseline; report the recorded ones that are fixed',
  },
  {
    key: 'createBaseline',
    kind: 'path',
    flag: '--create-baseline <file>',
    scope: 'scan',
    help: 'record the current findings as the baseline (and apply it to this scan)',
  },
  {
    key: 'inlineSuppressions',
    kind: 'boolean',
    flag: '--no-inline-suppressions',
    config: 'inline-suppressions',
    scope: 'scan',
    default: true,
    help: 'ignore every suppression comment in the code (for CI that must not be silenced from inside the code)',
  },
  {
    key: 'peerSuppressions',
    kind: 'boolean',
    flag: '--no-peer-suppressions',
    config: 'peer-suppressions',
    scope: 'scan',
    default: true,
    help: "ignore checkov/tfsec/trivy suppression comments (tfguard's own still apply)",
  },
  {
    key: 'requireSuppressionReason',
    kind: 'boolean',
    flag: '--require-suppression-reason',
    config: 'require-suppression-reason',
    scope: 'scan',
    default: false,
    help: 'suppression comments without a reason silence nothing and are findings of their own',
  },
  {
    key: 'sarifIncludeSuppressed',
    kind: 'boolean',
    flag: '--sarif-include-suppressed',
    config: 'sarif-include-suppressed',
    scope: 'scan',
    default: false,
    help: 'include suppressed findings in SARIF, marked with suppressions (GitHub would still open alerts for them)',
  },
  {
    key: 'sarifCategory',
    kind: 'string',
    flag: '--sarif-category <name>',
    config: 'sarif-category',
    input: 'category',
    scope: 'scan',
    pattern: '^[A-Za-z0-9._/-]+$',
    help: 'code-scanning category (SARIF automationDetails.id); default tfguard, or tfguard/<dir> for a sub-directory',
    inputHelp:
      'Code-scanning category (SARIF automationDetails.id); give each scanned folder its own in a monorepo. Default tfguard, or tfguard/<folder> for a sub-folder',
  },
  {
    key: 'showUnknown',
    kind: 'boolean',
    flag: '--show-unknown',
    config: 'show-unknown',
    scope: 'scan',
    default: false,
    help: 'also list the results that stayed unknown, with the reasons',
  },
  {
    key: 'showBlocked',
    kind: 'boolean',
    flag: '--show-blocked',
    config: 'show-blocked',
    scope: 'scan',
    default: false,
    help: 'also list the checks blocked by a failing prerequisite (the CIS alarms when the trail has no CloudWatch Logs)',
  },
  {
    key: 'changedSince',
    kind: 'string',
    flag: '--changed-since <ref>',
    config: 'changed-since',
    scope: 'scan',
    pattern: '^[^-\\s]\\S*$',
    help: 'report only findings in directories with files changed since this git ref',
  },
  {
    key: 'config',
    kind: 'path',
    flag: '--config <file>',
    input: 'config',
    scope: 'scan',
    help: 'read this configuration file instead of looking for .tfguard.yaml',
    inputHelp: 'Configuration file (default .tfguard.yaml found from the scanned path up to the repository root)',
  },
  {
    key: 'noConfig',
    kind: 'boolean',
    flag: '--no-config',
    scope: 'scan',
    help: 'ignore .tfguard.yaml files',
  },
  {
    key: 'plan',
    kind: 'path',
    flag: '--plan <file>',
    scope: 'load',
    help: 'read a Terraform plan (terraform show -json plan.out) instead of <path>',
  },
  {
    key: 'sourceDir',
    kind: 'path',
    flag: '--source-dir <dir>',
    scope: 'load',
    help: "the root module the plan was made from (with the modules it calls), to report findings on .tf lines (default: the plan's directory when it holds .tf files)",
  },
  // Inputs of the Action alone: what to scan, where SARIF goes, pull-request scoping and annotations.
  {
    key: 'path',
    kind: 'paths',
    input: 'path',
    default: '.',
    help: 'Directories or Terraform files to scan, relative to the workspace (one per line or comma-separated; files stand for their module directory)',
  },
  {
    key: 'sarifFile',
    kind: 'path',
    input: 'sarif-file',
    default: 'tfguard.sarif',
    help: 'Where to write the SARIF file for github/codeql-action/upload-sarif (always written, an empty run when the scan cannot run)',
  },
  {
    key: 'changedOnly',
    kind: 'boolean',
    input: 'changed-only',
    default: false,
    help: 'true to report only findings in directories the pull request changes (needs the base commit, e.g. actions/checkout with fetch-depth 0)',
  },
  {
    key: 'annotations',
    kind: 'integer',
    input: 'annotations',
    default: 10,
    min: 0,
    help: 'Most annotations to emit (lines changed by the pull request first, then the most severe); 0 for none',
  },
] as const satisfies readonly OptionSpec[];

export type ScanOption = (typeof SCAN_OPTIONS)[number];

/** The configuration file's contents, as the table defines its keys (paths already resolved against its directory). */
export type ConfigFile = {
  -readonly [O in ScanOption as O extends { config: infer K extends string } ? K : never]?: ConfigValue<O['kind']>;
};
type ConfigValue<K extends OptionKind> = K extends 'list' | 'paths' | 'variable' | 'var-file'
  ? string[]
  : K extends 'boolean'
    ? boolean
    : K extends 'integer'
      ? number
      : string;

/** The value a setting of this kind has once merged. */
type SettingValue<K extends OptionKind> = K extends 'list' | 'paths'
  ? string[]
  : K extends 'boolean'
    ? boolean
    : K extends 'integer'
      ? number
      : K extends 'severity-or-none'
        ? Severity | 'none'
        : string;

/** The rows that are scan settings: those with a flag, less the variables (merged into one list) and the config file. */
type SettingOption = Exclude<Extract<ScanOption, { flag: string }>, { kind: 'variable' | 'var-file' } | { key: 'config' | 'noConfig' }>;

/** A setting is always there when its row has a default or is a list; otherwise it may be absent. */
type Always = Extract<SettingOption, { default: unknown } | { kind: 'list' | 'paths' }>;

/** The settings of one scan after flags and configuration are merged (flags win, lists of directories append), derived from the table. */
export type ScanSettings = { -readonly [O in Always as O['key']]: SettingValue<O['kind']> } & {
  -readonly [O in Exclude<SettingOption, Always> as O['key']]?: SettingValue<O['kind']>;
} & {
  /** `--var` and `--var-file` (and the configuration's var-file and var) in the order Terraform applies them. */
  variables: CliVariable[];
};

/** What a door (command line, Action) was given explicitly; undefined where it gave nothing. */
export type ScanFlags = Partial<Omit<ScanSettings, 'variables'>> & {
  /** `--var` and `--var-file` in command-line order. */
  variables?: CliVariable[];
  config?: string;
  noConfig?: boolean;
};

const isList = (k: OptionKind): boolean => k === 'list' || k === 'paths';

/** Merge flags and configuration as the table says: a flag wins; `append` lists keep both; defaults fill the rest. */
export function mergeSettings(flags: ScanFlags, config: ConfigFile): ScanSettings {
  const out: Record<string, unknown> = {};
  const conf = config as Record<string, unknown>;
  for (const o of SCAN_OPTIONS as readonly OptionSpec[]) {
    if (o.kind === 'variable' || o.kind === 'var-file' || o.key === 'config' || o.key === 'noConfig' || !o.flag) continue;
    const flag = (flags as Record<string, unknown>)[o.key];
    const fromConfig = o.config !== undefined ? conf[o.config] : undefined;
    let v: unknown;
    if (o.merge === 'append') v = [...((fromConfig as unknown[] | undefined) ?? []), ...((flag as unknown[] | undefined) ?? [])];
    else v = flag !== undefined ? flag : fromConfig !== undefined ? fromConfig : (o.default ?? (isList(o.kind) ? [] : undefined));
    if (v !== undefined) out[o.key] = v;
  }
  // Variables: the configuration's files, then its values, then the command line's in the order given.
  out.variables = [
    ...(config['var-file'] ?? []).map((path): CliVariable => ({ kind: 'file', path })),
    ...(config.var ?? []).map((text): CliVariable => ({ kind: 'var', text })),
    ...(flags.variables ?? []),
  ];
  return out as unknown as ScanSettings;
}

/**
 * The budgets given by flags (--max-depth, --max-string-length, ...), as the evaluator takes them. Only flags: a
 * scanned repository's own configuration cannot raise what it may spend.
 */
export function limitsOf(s: Pick<ScanFlags, keyof Limits>): Partial<Limits> {
  const out: Partial<Limits> = {};
  for (const k of [
    'maxDepth',
    'maxStringLength',
    'maxCollectionSize',
    'maxInstances',
    'maxEvalSteps',
    'maxExpandedSize',
    'maxTotalInstances',
  ] as const)
    if (s[k]) out[k] = s[k];
  return out;
}
