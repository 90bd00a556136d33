// The tfguard command line. Heavy stages are imported lazily, so `--help` and usage errors are instant.
import { Command, CommanderError, Option } from 'commander';
import { addInputOptions, addLoadOptions, inputFlags, newLoadFlags, projectOptions } from './options.js';
import type { InputFlags } from './inputs.js';
import type { ProjectOptions } from '../evaluate/project.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Text output may use colour: standard output is a terminal and NO_COLOR is not set. */
  color?: boolean;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

/**
 * Run the CLI; returns the exit code. Never throws for bad input. `checksDirOverride` replaces the
 * built-in checks directory (for tests).
 */
export async function main(argv: string[], io: Io = defaultIo, checksDirOverride?: string): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('tfguard')
    .description('Static analysis for Terraform: exact lines, no findings from values it cannot know')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);

  const resFlags = newLoadFlags();
  const resources = program
    .command('resources')
    .description('print the resources tfguard sees: addresses, evaluated values, unknowns and source lines')
    .argument('[path]', 'a directory of Terraform files, one file, a plan JSON, an AWS snapshot or a CloudTrail log (docs/plans.md)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'));
  addInputOptions(resources);
  addLoadOptions(resources, resFlags).action(async (path: string | undefined, opts: { format: 'text' | 'json' } & InputFlags) => {
    const { runResources } = await import('./resources.js');
    exitCode = await runResources(path, opts.format, projectOptions(resFlags), io, inputFlags(opts));
  });

  const collect = (v: string, prev: string[]): string[] => [...prev, v];

  const scanFlags = newLoadFlags();
  const scan = program
    .command('scan')
    .description('run every check over the Terraform under <path> and report the findings (docs/output.md)')
    .argument(
      '[paths...]',
      'directories of Terraform files, Terraform files (each stands for its module directory), a plan JSON, an AWS snapshot or a CloudTrail log (docs/plans.md)',
    )
    .option('--checks-dir <dir>', "add a directory of the team's own checks (repeatable)", collect, [])
    .option('--show-unknown', 'also list the results that stayed unknown, with the reasons', false);
  addInputOptions(scan);
  const { addScanOptions, scanFlagsFrom } = await import('./scan-flags.js');
  addScanOptions(scan);
  addLoadOptions(scan, scanFlags).action(async (paths: string[], opts: Record<string, unknown> & InputFlags) => {
    const { runReportScan } = await import('./report-scan.js');
    const { loadInputs } = await import('./inputs.js');
    const env = {
      color: io.color ?? false,
      load: (p: string | undefined, load: ProjectOptions) => loadInputs(p, inputFlags(opts), load),
      ...(checksDirOverride ? { builtinDir: checksDirOverride } : {}),
    };
    exitCode = await runReportScan(paths.length ? paths : undefined, scanFlagsFrom(scan, opts, scanFlags), env, io);
  });

  const explainFlags = newLoadFlags();
  const explain = program
    .command('explain')
    .description(
      'for each finding and unknown result: which part of the check logic was false or unknown, the values it saw, and where unknowns came from',
    )
    .argument('[path]', 'a directory of Terraform files, one file, or a plan JSON')
    .option('--checks-dir <dir>', "add a directory of the team's own checks (repeatable)", collect, [])
    .option('--check <ids>', 'explain only these checks (IDs, aliases, globs or a severity); repeatable', collect, [])
    .option('--all', 'also explain passing results', false);
  addInputOptions(explain);
  addLoadOptions(explain, explainFlags).action(
    async (path: string | undefined, opts: { checksDir: string[]; check: string[]; all: boolean } & InputFlags) => {
      const { runExplain } = await import('./explain.js');
      exitCode = await runExplain(
        path,
        {
          checksDir: opts.checksDir,
          check: opts.check,
          all: opts.all,
          inputs: inputFlags(opts),
          load: projectOptions(explainFlags),
          ...(checksDirOverride ? { builtinDir: checksDirOverride } : {}),
        },
        io,
      );
    },
  );

  program
    .command('test')
    .description("run the checks' embedded tests (the built-in checks, or those of --checks-dir)")
    .option('--checks-dir <dir>', 'test the checks of this directory instead (repeatable)', collect, [])
    .action(async (opts: { checksDir: string[] }) => {
      const { runTests } = await import('./test-checks.js');
      exitCode = await runTests({ dirs: opts.checksDir, ...(checksDirOverride ? { builtinDir: checksDirOverride } : {}) }, io);
    });

  program
    .command('docs')
    .description('write the check catalog: one Markdown page per check and an index with coverage matrices')
    .requiredOption('--out <dir>', 'directory to write the pages into')
    .option('--checks-dir <dir>', 'also document the checks of this directory (repeatable)', collect, [])
    .action(async (opts: { out: string; checksDir: string[] }) => {
      const { runDocs } = await import('./docs.js');
      exitCode = await runDocs(opts.out, { dirs: opts.checksDir, ...(checksDirOverride ? { builtinDir: checksDirOverride } : {}) }, io);
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
