// Bundle the GitHub Action into dist/action/: index.js (esbuild, every dependency inlined, since the runner
// does not run npm install), log-worker.js (the thread that reads CloudTrail logs with --jobs) and shard-worker.js
// (the thread that evaluates a share of a large repository's root modules), found next to index.js.
// The output is committed; .ci/run rebuilds it and fails when it differs.
//   node scripts/build-action.mjs [outdir]
import { join, resolve } from 'node:path';
import { bundle, root } from './esbuild-bundle.mjs';

const out = resolve(process.argv[2] ?? join(root, 'dist', 'action'));
await bundle(join('src', 'action', 'index.ts'), join(out, 'index.js'));
await bundle(join('src', 'scan', 'log-worker.ts'), join(out, 'log-worker.js'));
await bundle(join('src', 'scan', 'shard-worker.ts'), join(out, 'shard-worker.js'));
