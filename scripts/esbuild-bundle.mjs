// The esbuild settings of tfguard's bundles (the GitHub Action, scripts/build-action.mjs; the command line,
// scripts/build-cli.mjs): ESM for Node 20, every dependency inlined, paths in comments relative to the checkout so a
// build anywhere gives the same bytes.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

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
