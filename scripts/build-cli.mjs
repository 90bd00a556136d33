// Bundle the command line into dist/cli/ (esbuild, every dependency inlined, as the Action's bundle is): main.js,
// the two worker threads it starts (parse-worker.js, log-worker.js, found next to it) and the tree-sitter WASM
// files, and checks.json: the precompiled built-in checks keyed to the bundle's own code (src/checks/precompiled.ts).
// The packed package ships this directory and needs no dependency at install time; bin/tfguard.js runs it when it
// is there. Part of `npm run build` (after tsc, whose output builds the precompiled library).
//   node scripts/build-cli.mjs [outdir]
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'dist', 'cli'));
const require = createRequire(import.meta.url);

mkdirSync(out, { recursive: true });
const bundle = (entry, outfile) =>
  build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    absWorkingDir: root,
    preserveSymlinks: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    charset: 'utf8',
    legalComments: 'eof',
    logLevel: 'warning',
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __tfguardCreateRequire } from 'node:module';\nconst require = __tfguardCreateRequire(import.meta.url);",
    },
  });
await bundle(join(root, 'src', 'cli', 'main.ts'), join(out, 'main.js'));
await bundle(join(root, 'src', 'load', 'parse-worker.ts'), join(out, 'parse-worker.js'));
await bundle(join(root, 'src', 'scan', 'log-worker.ts'), join(out, 'log-worker.js'));
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(out, 'tree-sitter.wasm'));
copyFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm'), join(out, 'tree-sitter-hcl.wasm'));

// The precompiled checks, with the hash of the bundle as the loader's code: validated by the compiled loader.
const { precompileChecks } = await import('../dist/src/checks/precompile.js');
const { checkLibraryHash } = await import('../dist/src/checks/precompiled.js');
const checks = join(root, 'checks');
const { library } = precompileChecks(checks);
const hash = library && checkLibraryHash(checks, [join(out, 'main.js')]);
if (library && hash) writeFileSync(join(out, 'checks.json'), JSON.stringify({ ...library, hash }));
else rmSync(join(out, 'checks.json'), { force: true });
