// The checks shipped with tfguard: `checks/` at the package root (src/common/package-root.ts), so `tfguard scan`
// works from any directory, from the build, the bundled CLI and an installed package alike.
import { join } from 'node:path';
import { packageRoot } from '../common/package-root.js';

export function builtinChecksDir(): string {
  return join(packageRoot(), 'checks');
}

/** The precompiled library of the built-in checks, written by the build (dist/checks.json). */
export function builtinPrecompiledPath(): string {
  return join(packageRoot(), 'dist', 'checks.json');
}
