// The `tfguard scan` flags for selection, thresholds, outputs, suppressions and baselines, and
// reading back only those given on the command line (configuration fills the rest; flags win).
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { LoadFlags } from './options.js';
import type { ScanFlags } from './report-scan.js';

const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

export function addScanOptions(cmd: Command): Command {
  return cmd
    .option(
      '--check <ids>',
      'run only these checks: IDs, peer aliases (CKV_AWS_67), globs (TFG.AWS.*) or a severity (that severity and above); repeatable, comma-separated',
      collect,
    )
    .option(
      '--skip-check <ids>',
      'never run these checks: IDs, aliases, globs or a severity (that severity and below); repeatable',
      collect,
    )
    .option(
      '--severity <list>',
      'show only findings of these severities (critical, high, medium, low, info); repeatable, comma-separated',
      collect,
    )
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (default low; none never fails)').choices([
        'critical',
        'high',
        'medium',
        'low',
        'info',
        'none',
      ]),
    )
    .option('--soft-fail', 'exit 0 even when there are findings (errors still exit 2)')
    .option(
      '--format <fmt>',
      'output format: text, json, sarif, junit, github, markdown; FMT=PATH writes it to a file; repeatable',
      collect,
    )
    .option('--output <path>', 'write the (single) format without a path to this file instead of standard output')
    .option('--config <file>', 'read this configuration file instead of looking for .tfguard.yaml')
    .option('--no-config', 'ignore .tfguard.yaml files')
    .option('--baseline <file>', 'fail only on findings not recorded in this baseline; report the recorded ones that are fixed')
    .option('--create-baseline <file>', 'record the current findings as the baseline (and apply it to this scan)')
    .option(
      '--no-inline-suppressions',
      'ignore every suppression comment in the code (for CI that must not be silenced from inside the code)',
    )
    .option('--no-peer-suppressions', "ignore checkov/tfsec/trivy suppression comments (tfguard's own still apply)")
    .option('--require-suppression-reason', 'suppression comments without a reason silence nothing and are findings of their own')
    .option(
      '--sarif-include-suppressed',
      'include suppressed findings in SARIF, marked with suppressions (GitHub would still open alerts for them)',
    )
    .option(
      '--sarif-category <name>',
      'code-scanning category (SARIF automationDetails.id); default tfguard, or tfguard/<dir> for a sub-directory',
    )
    .addOption(
      new Option('--changed-since <ref>', 'report only findings in directories with files changed since this git ref').argParser(
        (v: string) => {
          if (!v || v.startsWith('-')) throw new InvalidArgumentError('expected a git reference such as origin/main');
          return v;
        },
      ),
    );
}

type Opts = Record<string, unknown>;

/** The scan flags given on the command line (undefined for those left to configuration or defaults). */
export function scanFlagsFrom(cmd: Command, opts: Opts, load: LoadFlags): ScanFlags {
  const given = (key: string): boolean => cmd.getOptionValueSource(key) === 'cli';
  const out: ScanFlags = {};
  const set = <K extends keyof ScanFlags>(key: K, optKey: string = key): void => {
    if (given(optKey)) out[key] = opts[optKey] as ScanFlags[K];
  };
  set('check');
  set('skipCheck');
  set('severity');
  set('failOn');
  set('softFail');
  set('format');
  set('output');
  set('baseline');
  set('createBaseline');
  set('inlineSuppressions');
  set('peerSuppressions');
  set('requireSuppressionReason');
  set('sarifIncludeSuppressed');
  set('sarifCategory');
  set('showUnknown');
  set('changedSince');
  set('checksDir');
  if (given('config') && typeof opts.config === 'string') out.config = opts.config;
  if (opts.config === false) out.noConfig = true;
  if (load.exclude.length) out.exclude = [...load.exclude];
  if (load.variables.length) out.variables = [...load.variables];
  if (load.maxFileSize) out.maxFileSize = load.maxFileSize;
  if (load.jobs) out.jobs = load.jobs;
  return out;
}
