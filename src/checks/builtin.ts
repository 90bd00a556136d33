// The checks shipped with tfguard: `checks/` at the package root, found relative to this module
// (dist/src/checks/ → ../../../checks), so `npx tfguard scan` works from any directory.
import { fileURLToPath } from 'node:url';

export function builtinChecksDir(): string {
  return fileURLToPath(new URL('../../../checks', import.meta.url));
}

/** The precompiled library of the built-in checks, written by the build (dist/checks.json). */
export function builtinPrecompiledPath(): string {
  return fileURLToPath(new URL('../../checks.json', import.meta.url));
}
