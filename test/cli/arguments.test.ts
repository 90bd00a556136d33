// Everything after `--` is a path, never an option: pre-commit passes staged file names, and a file named
// `--output=main.tf` must be scanned, not taken as --output (which would overwrite main.tf with the report).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { repoRoot, seedChecksDir } from '../helpers/paths.js';
import { cli } from './helpers.js';

const TRAIL = 'resource "aws_cloudtrail" "t" {\n  is_multi_region_trail = false\n}\n';

describe('paths after --', () => {
  it('a staged file named like an option is a path after --', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-args-'));
    writeFileSync(join(dir, 'main.tf'), TRAIL);
    writeFileSync(join(dir, '--output=main.tf'), '# a file with a hostile name\n');
    writeFileSync(join(dir, '--exclude=*.tf'), '# and another\n');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await cli(['scan', '--no-config', '--', '--output=main.tf', '--exclude=*.tf'], seedChecksDir());
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /D9\.TF\.AWS\.LOG\.01/);
      assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), TRAIL);
    } finally {
      process.chdir(cwd);
    }
  });

  it('the pre-commit hook that passes file names ends its arguments with --', () => {
    const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      args?: string[];
      pass_filenames?: boolean;
    }[];
    for (const h of hooks.filter((x) => x.pass_filenames !== false)) assert.equal(h.args?.at(-1), '--', h.id);
  });
});
