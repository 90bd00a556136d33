// Helpers for report tests: scan the report fixture with its own checks (not the built-in library,
// which keeps growing) at a fixed date, capturing output.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScanCommand } from '../../src/cli/scan-command.js';
import type { ScanFlags } from '../../src/scan/options.js';
import { fixture, repoRoot } from '../helpers/paths.js';

export const NOW = Date.UTC(2026, 0, 15);
export const REPORT_TF = fixture('report', 'tf');
export const REPORT_CHECKS = fixture('report', 'checks');
const emptyBuiltin = mkdtempSync(join(tmpdir(), 'tfguard-nobuiltin-'));

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export async function scan(path: string | undefined, flags: ScanFlags = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), color: false };
  const code = await runScanCommand(
    {
      paths: path === undefined ? [] : [path],
      flags: { noConfig: true, checksDir: [REPORT_CHECKS], ...flags },
      builtinDir: emptyBuiltin,
      now: NOW,
    },
    io,
    repoRoot,
  );
  return { code, stdout, stderr };
}

export function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `tfguard-${prefix}-`));
}
