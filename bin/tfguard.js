#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// `tfguard scan . | head`: a reader that stops early is not an error; stop quietly as other command-line tools do.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

process.exitCode = await main(process.argv.slice(2));
