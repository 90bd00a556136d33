#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

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
