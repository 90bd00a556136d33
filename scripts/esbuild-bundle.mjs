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
  return build({ ...COMMON, entryPoints: [join(root, entry)], outfile });
}

/**
 * Bundle several entries (name → path relative to the checkout) into `outdir`, the code they share and what they
 * import dynamically split into chunks beside them (loaded when first used, so a command compiles only its own
 * code). Returns esbuild's metafile (which output holds which source).
 */
export async function bundleSplit(entries, outdir) {
  mkdirSync(outdir, { recursive: true });
  const entryPoints = Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, join(root, path)]));
  const result = await build({ ...COMMON, entryPoints, outdir, splitting: true, chunkNames: 'chunk-[hash]', metafile: true });
  return result.metafile;
}

const COMMON = {
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
};
