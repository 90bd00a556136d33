// The tfguard command line: commander parses the arguments (options from the table in src/scan/options.ts) and
// each command hands them to its stage. Heavy stages are imported lazily, so `--help` and usage errors are instant.
import { Command, CommanderError, Option } from 'commander';
import type { Io } from '../common/io.js';
import { tfguardVersion } from '../common/version.js';
import { EXIT_ERROR, EXIT_OK } from '../scan/scan.js';
import { addTableOptions, inputFlags, projectOptions } from './options.js';

export type { Io } from '../common/io.js';

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  progress: Boolean(process.stderr.isTTY) && !process.env.CI,
};

/**
 * Run the CLI; returns the exit code. Never throws for bad input. `checksDirOverride` replaces the
 * built-in checks directory (for tests).
 */
export async function main(argv: string[], io: Io = defaultIo, checksDirOverride?: string): Promise<number> {
  let exitCode = EXIT_OK;
  const builtin = checksDirOverride ? { builtinDir: checksDirOverride } : {};
  const program = new Command('tfguard')
    .description('Static analysis for Terraform: exact lines, no findings from values it cannot know')
    .version(tfguardVersion())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);

  const resources = program
    .command('resources')
    .description('print the resources tfguard sees: addresses, evaluated values, unknowns and source lines')
    .argument('[path]', 'a directory of Terraform files, one file, a plan JSON, an AWS snapshot or a CloudTrail log (docs/plans.md)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'));
  const resourceFlags = addTableOptions(resources, ['load']);
  resources.action(async (path: string | undefined, opts: { format: 'text' | 'json' }) => {
    const { runResources } = await import('./resources.js');
    const flags = resourceFlags.flags(resources);
    exitCode = await runResources(path, opts.format, projectOptions(flags), io, inputFlags(flags));
  });

  const scan = program
    .command('scan')
    .description('run every check over the Terraform under <path> and report the findings (docs/output.md)')
    .argument(
      '[paths...]',
      'directories of Terraform files, Terraform files (each stands for its module directory), a plan JSON, an AWS snapshot or a CloudTrail log (docs/plans.md)',
    );
  const scanFlags = addTableOptions(scan, ['scan', 'load']);
  scan.action(async (paths: string[]) => {
    const { runScanCommand } = await import('./scan-command.js');
    exitCode = await runScanCommand({ paths, flags: scanFlags.flags(scan), ...builtin }, io);
  });

  const fix = program
    .command('fix')
    .description(
      'apply the fixes of the checks that declare one where each value was written, and print the change as a unified diff (docs/fixes.md)',
    )
    .argument('[paths...]', 'directories of Terraform files, or Terraform files')
    .option('--dry-run', 'print the diff, change nothing', false);
  const fixFlags = addTableOptions(fix, ['load']);
  const fixChecks = addTableOptions(fix, ['scan'], ['checksDir', 'check', 'skipCheck', 'config', 'noConfig']);
  fix.action(async (paths: string[], opts: { dryRun: boolean }) => {
    const { runFix } = await import('./fix.js');
    const flags = { ...fixFlags.flags(fix), ...fixChecks.flags(fix), softFail: true };
    exitCode = await runFix({ paths, flags, ...builtin }, opts.dryRun, io);
  });

  program
    .command('lsp')
    .description('run the language server for editors (docs/editors.md): diagnostics as you type, fixes and suppressions as code actions')
    .option('--stdio', 'speak the Language Server Protocol on standard input and output (the only transport)', true)
    .action(async () => {
      const { runLanguageServer } = await import('../lsp/server.js');
      runLanguageServer();
      // The server runs until the editor closes the connection (it exits the process then).
      exitCode = await new Promise<number>(() => undefined);
    });

  const explain = program
    .command('explain')
    .description(
      'each finding and unknown result once: the tests of the check logic that decided it, the values they saw and where each value was written',
    )
    .argument('[path]', 'a directory of Terraform files, one file, or a plan JSON')
    .option('--all', 'also list passing results', false)
    .option('--tree', 'also show the whole evaluation of the logic, every sub-expression with its result', false)
    .option('--format <format>', 'text or json', 'text');
  const explainFlags = addTableOptions(explain, ['load']);
  const explainChecks = addTableOptions(explain, ['scan'], ['checksDir', 'check']);
  explain.action(async (path: string | undefined, opts: { all: boolean; tree: boolean; format: string }) => {
    const { runExplain } = await import('./explain.js');
    const flags = { ...explainFlags.flags(explain), ...explainChecks.flags(explain) };
    exitCode = await runExplain(
      path,
      {
        checksDir: flags.checksDir ?? [],
        check: flags.check ?? [],
        all: opts.all,
        tree: opts.tree,
        format: opts.format,
        inputs: inputFlags(flags),
        load: projectOptions(flags),
        ...builtin,
      },
      io,
    );
  });

  const collect = (v: string, prev: string[]): string[] => [...prev, v];
  program
    .command('test')
    .description("run the checks' embedded tests (the built-in checks, or those of --checks-dir)")
    .option('--checks-dir <dir>', 'test the checks of this directory instead (repeatable)', collect, [])
    .action(async (opts: { checksDir: string[] }) => {
      const { runTests } = await import('./test-checks.js');
      exitCode = await runTests({ dirs: opts.checksDir, ...builtin }, io);
    });

  program
    .command('merge')
    .description('combine the JSON reports or SARIF logs of split runs (per log prefix, CI matrix job) into one, duplicates removed')
    .argument('<reports...>', 'JSON reports (scan --format json) or SARIF logs (scan --format sarif), all of one kind')
    .option('--output <path>', 'write the merged report to this file instead of standard output')
    .action(async (reports: string[], opts: { output?: string }) => {
      const { runMerge } = await import('./merge.js');
      exitCode = runMerge(reports, opts.output, io);
    });

  program
    .command('docs')
    .description('write the check catalog: one Markdown page per check and an index with coverage matrices')
    .requiredOption('--out <dir>', 'directory to write the pages into')
    .option('--checks-dir <dir>', 'also document the checks of this directory (repeatable)', collect, [])
    .action(async (opts: { out: string; checksDir: string[] }) => {
      const { runDocs } = await import('./docs.js');
      exitCode = await runDocs(opts.out, { dirs: opts.checksDir, ...builtin }, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      return EXIT_ERROR;
    }
    io.stderr(`tfguard: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT_ERROR;
  }
  return exitCode;
}
