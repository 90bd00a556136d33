// Options shared by the commands that load Terraform.
import { Command, InvalidArgumentError, Option } from 'commander';
import type { CliVariable, ProjectOptions } from '../evaluate/project.js';
import type { InputFlags } from './inputs.js';

export interface LoadFlags {
  exclude: string[];
  variables: CliVariable[];
  maxFileSize?: number;
  jobs?: number;
}

/** Add --exclude, --var, --var-file, --max-file-size and --jobs; --var/--var-file keep their command-line order. */
export function addLoadOptions(cmd: Command, flags: LoadFlags): Command {
  return cmd
    .addOption(
      new Option('--exclude <glob>', 'skip files and folders matching a glob, relative to the scanned path (repeatable)').argParser(
        (v: string) => (flags.exclude.push(v), flags.exclude),
      ),
    )
    .addOption(
      new Option('--var <name=value>', 'set a root module variable, as terraform -var (repeatable)').argParser(
        (v: string) => (flags.variables.push({ kind: 'var', text: v }), v),
      ),
    )
    .addOption(
      new Option('--var-file <path>', 'read root module variables from a .tfvars or .tfvars.json file (repeatable)').argParser(
        (v: string) => (flags.variables.push({ kind: 'file', path: v }), v),
      ),
    )
    .addOption(
      new Option('--max-file-size <bytes>', 'skip files larger than this (default 10485760)').argParser((v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number of bytes, e.g. 10485760');
        flags.maxFileSize = n;
        return n;
      }),
    )
    .addOption(
      new Option(
        '--jobs <n>',
        'threads that parse Terraform, this one included (default: one per core, at most 4; 1: no parse workers but for files of 1 MB or more)',
      ).argParser((v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('expected a whole number from 1 to 64, e.g. --jobs 2');
        flags.jobs = n;
        return n;
      }),
    );
}

export function newLoadFlags(): LoadFlags {
  return { exclude: [], variables: [] };
}

export function projectOptions(flags: LoadFlags): ProjectOptions {
  return {
    exclude: flags.exclude,
    cliVariables: flags.variables,
    ...(flags.maxFileSize ? { maxFileBytes: flags.maxFileSize } : {}),
    ...(flags.jobs ? { jobs: flags.jobs } : {}),
  };
}

/** --plan and --source-dir (docs/plans.md). */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--plan <file>', 'read a Terraform plan (terraform show -json plan.out) instead of <path>')
    .option(
      '--source-dir <dir>',
      "the Terraform source of the plan, to report findings on .tf lines (default: the plan's directory when it holds .tf files)",
    );
}

export function inputFlags(opts: InputFlags): InputFlags {
  return {
    ...(opts.plan !== undefined ? { plan: opts.plan } : {}),
    ...(opts.sourceDir !== undefined ? { sourceDir: opts.sourceDir } : {}),
  };
}
