// No output line of the text format can begin with text from the scanned repository: a folder named like a
// workflow command, or a value holding a line feed, cannot start a line of the Action's log.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { inert } from '../../src/common/escape.js';
import { seedChecksDir } from '../helpers/paths.js';
import { cli } from './helpers.js';

describe('text output lines', () => {
  it('a folder named ::warning … and a value with line feeds start no line of their own', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tfguard-lines-'));
    const dir = join(root, '::warning title=T::X');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'main.tf'),
      'resource "aws_cloudtrail" "t" {\n  is_multi_region_trail = "no\\n::error::injected\\r\\n\\u001b[31m\\u202e"\n}\n',
    );
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const r = await cli(['scan', '--no-config', '::warning title=T::X'], seedChecksDir());
      assert.equal(r.code, 1, r.stderr);
      const lines = r.stdout.split('\n');
      assert.ok(lines[0]!.startsWith('./::warning title=T::X/main.tf:'), lines[0]);
      for (const l of [...lines, ...r.stderr.split('\n')]) assert.ok(!l.startsWith('::'), `a line starts with scanned text: ${l}`);
      // The value is shown as Terraform writes it (escapes, not raw control characters); the bidi control is escaped.
      assert.ok(r.stdout.includes('has is_multi_region_trail = "no\\n::error::injected\\r\\n\\u001b[31m\\u{202e}"'), r.stdout);
    } finally {
      process.chdir(cwd);
    }
  });

  it('inert escapes every control character and bidirectional control', () => {
    assert.equal(inert('a\nb\tc\u001b\u0085\u202e\u2066d'), 'a\\x0ab\\x09c\\x1b\\x85\\u{202e}\\u{2066}d');
  });
});
