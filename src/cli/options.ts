// Commander options derived from the option table (src/scan/options.ts), and reading back what the command line
// gave: only flags given there are returned, so the configuration file fills the rest.
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { CliVariable, ProjectOptions } from '../evaluate/project.js';
import { type OptionScope, type OptionSpec, SCAN_OPTIONS, type ScanFlags, limitsOf } from '../scan/options.js';

/** The options a command was given; `variables` keeps --var and --var-file in command-line order. */
export interface OptionReader {
  flags(cmd: Command): ScanFlags;
}

function intParser(o: OptionSpec): (v: string) => number {
  return (v: string) => {
    const n = Number(v);
    const inRange = Number.isInteger(n) && (o.min === undefined || n >= o.min) && (o.max === undefined || n <= o.max);
    if (!inRange) {
      const range = o.max !== undefined ? `from ${o.min ?? 0} to ${o.max}` : `of at least ${o.min ?? 0}`;
      throw new InvalidArgumentError(`expected a whole number ${range}`);
    }
    return n;
  };
}

/** Add the table's flags of these scopes to a command. */
export function addTableOptions(cmd: Command, scopes: readonly OptionScope[], only?: readonly string[]): OptionReader {
  const variables: CliVariable[] = [];
  const specs = (SCAN_OPTIONS as readonly OptionSpec[]).filter(
    (o) => o.flag && o.scope && scopes.includes(o.scope) && (!only || only.includes(o.key)),
  );
  for (const o of specs) {
    const opt = new Option(o.flag!, o.help);
    if (o.kind === 'list' || o.kind === 'paths') opt.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
    else if (o.kind === 'variable') opt.argParser((v: string) => (variables.push({ kind: 'var', text: v }), v));
    else if (o.kind === 'var-file') opt.argParser((v: string) => (variables.push({ kind: 'file', path: v }), v));
    else if (o.kind === 'integer') opt.argParser(intParser(o));
    else if (o.kind === 'severity-or-none' && o.values) opt.choices(o.values);
    else if (o.key === 'changedSince')
      opt.argParser((v: string) => {
        if (!v || v.startsWith('-')) throw new InvalidArgumentError('expected a git reference such as origin/main');
        return v;
      });
    cmd.addOption(opt);
  }
  return {
    flags(c: Command): ScanFlags {
      const opts = c.opts<Record<string, unknown>>();
      const out: Record<string, unknown> = {};
      for (const o of specs) {
        if (o.kind === 'variable' || o.kind === 'var-file') continue;
        if (o.key === 'noConfig') {
          if (opts.config === false) out.noConfig = true;
          continue;
        }
        if (o.key === 'config') {
          if (typeof opts.config === 'string' && c.getOptionValueSource('config') === 'cli') out.config = opts.config;
          continue;
        }
        if (c.getOptionValueSource(o.key) === 'cli') out[o.key] = opts[o.key];
      }
      if (variables.length) out.variables = [...variables];
      return out as ScanFlags;
    },
  };
}

/** The load options (--exclude, --var, --var-file, --max-file-size, --jobs, the budgets) as the loader takes them. */
export function projectOptions(flags: ScanFlags): ProjectOptions {
  return {
    exclude: flags.exclude ?? [],
    cliVariables: flags.variables ?? [],
    ...(flags.root ? { boundary: flags.root } : {}),
    ...(flags.maxFileSize ? { maxFileBytes: flags.maxFileSize } : {}),
    ...(flags.jobs ? { jobs: flags.jobs } : {}),
    limits: limitsOf(flags),
  };
}

/** --plan and --source-dir, for the loader's input detection. */
export function inputFlags(flags: ScanFlags): { plan?: string; sourceDir?: string } {
  return {
    ...(flags.plan !== undefined ? { plan: flags.plan } : {}),
    ...(flags.sourceDir !== undefined ? { sourceDir: flags.sourceDir } : {}),
  };
}
