// Bundle the command line into dist/cli/ (esbuild, every dependency inlined, as the Action's bundle is): main.js,
// the worker threads it starts for CloudTrail logs (log-worker.js) and for the root modules of a large repository
// (shard-worker.js), found next to it, the chunks they share or load
// when a command needs them (chunk-*.js: a scan never compiles the language server), and checks.json: the precompiled built-in checks keyed to the bundle's own code (src/checks/precompiled.ts).
// The packed package ships this directory and needs no dependency at install time; bin/tfguard.js runs it when it
// is there. Part of `npm run build` (after tsc, whose output builds the precompiled library).
//   node scripts/build-cli.mjs [outdir]
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleSplit, root } from './esbuild-bundle.mjs';

const out = resolve(process.argv[2] ?? join(root, 'dist', 'cli'));
rmSync(out, { recursive: true, force: true });
const meta = await bundleSplit(
  {
    main: join('src', 'cli', 'main.ts'),
    'log-worker': join('src', 'scan', 'log-worker.ts'),
    'shard-worker': join('src', 'scan', 'shard-worker.ts'),
  },
  out,
);
// The output that holds the precompiled-library loader: its code is the loader's code the hash covers.
const loader = Object.entries(meta.outputs).find(([, o]) =>
  Object.keys(o.inputs).some((i) => i.endsWith('src/checks/precompiled.ts')),
)?.[0];
if (!loader) throw new Error('no bundle output holds src/checks/precompiled.ts');

// The precompiled checks, with the hash of the bundle as the loader's code: validated by the compiled loader.
const { precompileChecks } = await import('../dist/src/checks/precompile.js');
const { checkLibraryHash } = await import('../dist/src/checks/precompiled.js');
const checks = join(root, 'checks');
const { library } = precompileChecks(checks);
const hash = library && checkLibraryHash(checks, [resolve(root, loader)]);
if (library && hash) writeFileSync(join(out, 'checks.json'), JSON.stringify({ ...library, hash }));
else rmSync(join(out, 'checks.json'), { force: true });
