// Bundle the GitHub Action into dist/action/: index.js (esbuild, every dependency inlined, since the runner
// does not run npm install), parse-worker.js (the parse worker thread, src/load/parse-worker.ts, found next to
// index.js) and the two tree-sitter WASM files they load at run time.
// The output is committed; .ci/run rebuilds it and fails when it differs.
//   node scripts/build-action.mjs [outdir]
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'dist', 'action'));
const require = createRequire(import.meta.url);

mkdirSync(out, { recursive: true });
const bundle = (entry, outfile) =>
  build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    // Paths in the bundle's comments are relative to the checkout, so a build anywhere gives the same bytes.
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
await bundle(join(root, 'src', 'action', 'index.ts'), join(out, 'index.js'));
await bundle(join(root, 'src', 'load', 'parse-worker.ts'), join(out, 'parse-worker.js'));
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(out, 'tree-sitter.wasm'));
copyFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm'), join(out, 'tree-sitter-hcl.wasm'));
