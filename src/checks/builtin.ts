// The checks shipped with tfguard: `checks/` at the package root (src/common/package-root.ts), so `tfguard scan`
// works from any directory, from the build, the bundled CLI and an installed package alike.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../common/package-root.js';

export function builtinChecksDir(): string {
  return join(packageRoot(), 'checks');
}

/**
 * The precompiled library of the built-in checks, written by the build: beside the bundled CLI (dist/cli/checks.json,
 * keyed to the bundle's code), else dist/checks.json (keyed to the compiled loader in dist/src).
 */
export function builtinPrecompiledPath(): string {
  const beside = join(dirname(fileURLToPath(import.meta.url)), 'checks.json');
  return existsSync(beside) ? beside : join(packageRoot(), 'dist', 'checks.json');
}
