// Paths for tests: the repository root (tests run from dist/test/...).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function fixture(...parts: string[]): string {
  return join(repoRoot, 'fixtures', ...parts);
}
