// Where tfguard's own files are (package.json, checks/, benchmarks/, dist/checks.json): the nearest directory upward
// from this module whose package.json is tfguard's. It holds for the build (dist/src/common), the bundles (dist/cli,
// dist/action) and an installed package alike.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: { root: string; version: string } | undefined;

function find(): { root: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'tfguard' && typeof pkg.version === 'string') return { root: dir, version: pkg.version };
    } catch {
      // not here: look further up
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  // Not found (a copied bundle): two levels above this module, as in the package.
  return { root: join(dirname(fileURLToPath(import.meta.url)), '..', '..'), version: '0.0.0-unknown' };
}

/** tfguard's package directory. */
export function packageRoot(): string {
  return (cached ??= find()).root;
}

/** tfguard's version, from its package.json (the one place it is written). */
export function packageVersion(): string {
  return (cached ??= find()).version;
}
