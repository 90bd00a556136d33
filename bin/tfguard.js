#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { URL } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// V8's optimizing compiler, tuned for a scan (docs/performance.md, "Issue 15, session 9"): a scan runs much
// code a few thousand times, and with V8's defaults the compiler's own work took roughly a fifth of the CPU time of a
// large scan. Optimizing later and inlining less cut a corpus scan's CPU by about 30 %. Measured on Node 20
// (V8 11.3) only; other versions keep V8's defaults.
if (process.versions.v8.startsWith('11.3.')) {
  setFlagsFromString('--interrupt-budget=262144');
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
}

// The bundled command line (dist/cli, what the package ships: `npm run build` makes it), else the TypeScript build.
const bundle = new URL('../dist/cli/main.js', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/src/cli/main.js');

// `tfguard scan . | head`: a reader that stops early is not an error; stop quietly as other command-line tools do.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

process.exitCode = await main(process.argv.slice(2));
