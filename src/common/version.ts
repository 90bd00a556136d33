// tfguard's version, read from its package.json (the one place it is written): found upward from this module, so
// it holds for the build (dist/src/common), the Action bundle (dist/action) and an installed package alike.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function tfguardVersion(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'tfguard' && typeof pkg.version === 'string') return (cached = pkg.version);
    } catch {
      // not here: look further up
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return (cached = '0.0.0-unknown');
}
