// The esbuild settings of tfguard's bundles (the GitHub Action, scripts/build-action.mjs; the command line,
// scripts/build-cli.mjs): ESM for Node 20, every dependency inlined, paths in comments relative to the checkout so a
// build anywhere gives the same bytes, and the tree-sitter WASM files copied beside the bundle.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Bundle `entry` (relative to the checkout) into `outfile`. */
export function bundle(entry, outfile) {
  mkdirSync(dirname(outfile), { recursive: true });
  return build({
    entryPoints: [join(root, entry)],
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
}

/** The two WASM files the parser loads at run time, beside the bundle in `out`. */
export function copyWasm(out) {
  copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(out, 'tree-sitter.wasm'));
  copyFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm'), join(out, 'tree-sitter-hcl.wasm'));
}
