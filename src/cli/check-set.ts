// The checks a command runs, or the problems with the check files printed to stderr.
import type { Check } from '../checks/model.js';
import type { Io } from '../common/io.js';
import { renderDiagnostics } from '../report/index.js';
import { type CheckDirs, loadCheckSet } from '../scan/checks.js';

export async function checksOrPrint(opts: CheckDirs, io: Io): Promise<Check[] | undefined> {
  const r = await loadCheckSet(opts);
  if (r.ok) return r.checks;
  io.stderr(renderDiagnostics(r.diagnostics));
  io.stderr(`tfguard: ${r.summary}\n`);
  return undefined;
}
