// Build step (after tsc): write dist/checks.json, the built-in checks validated and without their
// tests, keyed by a hash of checks/ (src/checks/precompiled.ts). When a check file is not valid, no
// file is written (any old one is removed) and scans read the YAML, which reports the problem.
//   node scripts/precompile-checks.mjs [checks dir] [out file]
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompileChecks } from '../dist/src/checks/precompile.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? join(root, 'checks'));
const out = resolve(process.argv[3] ?? join(root, 'dist', 'checks.json'));
const { library, diagnostics } = precompileChecks(dir);
if (!library) {
  rmSync(out, { force: true });
  for (const d of diagnostics)
    process.stderr.write(`${d.file}${d.range ? `:${d.range.start.line}:${d.range.start.column}` : ''}: ${d.message}\n`);
  process.stderr.write(`precompile-checks: ${out} not written; scans read the check files instead\n`);
} else {
  writeFileSync(out, JSON.stringify(library)); // quiet on success: npm pack (pre-commit) reads its output
}
