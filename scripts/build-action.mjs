// Bundle the GitHub Action into dist/action/: index.js (esbuild, every dependency inlined, since the runner
// does not run npm install), parse-worker.js (the parse worker thread, src/load/parse-worker.ts, found next to
// index.js) and the two tree-sitter WASM files they load at run time.
// The output is committed; .ci/run rebuilds it and fails when it differs.
//   node scripts/build-action.mjs [outdir]
import { join, resolve } from 'node:path';
import { bundle, copyWasm, root } from './esbuild-bundle.mjs';

const out = resolve(process.argv[2] ?? join(root, 'dist', 'action'));
await bundle(join('src', 'action', 'index.ts'), join(out, 'index.js'));
await bundle(join('src', 'load', 'parse-worker.ts'), join(out, 'parse-worker.js'));
copyWasm(out);
