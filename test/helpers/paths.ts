// Paths for tests: the repository root (tests run from dist/test/...), fixtures, and the seed checks.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function fixture(...parts: string[]): string {
  return join(repoRoot, 'fixtures', ...parts);
}

/**
 * The three seed checks (D9.TF.AWS.LOG.01, D9.TF.AWS.LOG.03, TFG.AWS.CLOUDTRAIL.1), copied from `checks/` into a
 * temporary directory, so a CLI test's expected output does not change as the library grows, yet always runs the
 * checks as they are (no frozen copies to drift).
 */
export function seedChecksDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-seed-checks-'));
  for (const name of ['multi-region.yaml', 'cloudwatch-logs-integration.yaml', 'kms-encryption.yaml']) {
    mkdirSync(join(dir, 'aws', 'cloudtrail'), { recursive: true });
    copyFileSync(join(repoRoot, 'checks', 'aws', 'cloudtrail', name), join(dir, 'aws', 'cloudtrail', name));
  }
  return dir;
}
