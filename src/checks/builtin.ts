// The checks shipped with tfguard: `checks/` at the package root, found relative to this module
// (dist/src/checks/ → ../../../checks), so `npx tfguard scan` works from any directory.
import { fileURLToPath } from 'node:url';

export function builtinChecksDir(): string {
  return fileURLToPath(new URL('../../../checks', import.meta.url));
}
