// `tfguard test`: run the embedded tests of every check, as Panther's analysis tool does.
import { resolve } from 'node:path';
import { runCheckTests } from '../checks/index.js';
import { displayPath } from '../report/diagnostics.js';
import { inert } from '../common/escape.js';
import type { Io } from '../common/io.js';
import type { CheckDirs } from '../scan/checks.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../scan/scan.js';
import { checksOrPrint } from './check-set.js';

/**
 * Without --checks-dir the built-in checks are tested; with it, only the checks of those
 * directories (the built-in checks are still loaded, so a duplicate ID is reported).
 */
export async function runTests(opts: CheckDirs, io: Io): Promise<number> {
  const checks = await checksOrPrint({ ...opts, withTests: true }, io);
  if (!checks) return EXIT_ERROR;
  const dirs = opts.dirs.map((d) => resolve(d));
  const selected = dirs.length ? checks.filter((c) => !c.builtin && dirs.some((d) => c.file.startsWith(d))) : checks;
  const outcomes = await runCheckTests(selected);
  let passed = 0;
  let failed = 0;
  let current = '';
  for (const o of outcomes) {
    if (o.check.id !== current) {
      current = o.check.id;
      io.stdout(`${inert(current)}  (${inert(displayPath(o.check.file))})\n`);
    }
    if (o.passed) passed++;
    else failed++;
    io.stdout(
      // Test names and messages come from check files: made inert, so none can start a line of its own.
      `  [${o.passed ? 'PASS' : 'FAIL'}] ${inert(o.test.name)}${o.passed ? '' : `\n         ${inert(displayPath(o.check.file))}:${o.test.fileLine}: ${inert(o.message ?? '')}`}\n`,
    );
  }
  if (outcomes.length) io.stdout('\n');
  io.stdout(`${passed} passed, ${failed} failed (${selected.length} check${selected.length === 1 ? '' : 's'})\n`);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
