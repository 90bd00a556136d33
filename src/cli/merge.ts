// `tfguard merge`: read the reports of split runs and write the one report (src/report/merge.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import type { Io } from '../common/io.js';
import { mergeReports } from '../report/merge.js';
import { EXIT_ERROR, EXIT_OK } from '../scan/scan.js';

export function runMerge(files: readonly string[], output: string | undefined, io: Io): number {
  const inputs: { file: string; text: string }[] = [];
  for (const file of files) {
    try {
      inputs.push({ file, text: readFileSync(file, 'utf8') });
    } catch (e) {
      io.stderr(`tfguard merge: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return EXIT_ERROR;
    }
  }
  const r = mergeReports(inputs);
  if (!r.ok) {
    io.stderr(`tfguard merge: ${r.message}\n`);
    return EXIT_ERROR;
  }
  if (output) writeFileSync(output, r.text);
  else io.stdout(r.text);
  return EXIT_OK;
}
