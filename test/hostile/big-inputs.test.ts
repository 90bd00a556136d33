// Issue 12: big inputs are read, or give a diagnostic, never an out-of-memory crash. The inputs are made here, in a temporary directory.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { preparse } from '../../src/load/preparse.js';
import { cli } from '../cli/helpers.js';

const TRAIL = 'resource "aws_cloudtrail" "after" {\n  is_multi_region_trail = false\n}\n';

describe('big inputs', () => {
  it('a one-line string of more than 4 MB is read whole, and the block after it is scanned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-bigstring-'));
    const n = 4 * 1024 * 1024 + 1000;
    writeFileSync(join(dir, 'main.tf'), `resource "aws_s3_bucket" "b" {\n  bucket = "${'x'.repeat(n)}"\n}\n${TRAIL}`);
    const r = await cli(['scan', '--no-config', '--max-file-size', String(n * 2), '--format', 'json', dir]);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout) as { findings: { check_id: string; address: string }[]; diagnostics: unknown[] };
    assert.deepEqual(json.diagnostics, []);
    assert.ok(
      json.findings.some((f) => f.address === 'aws_cloudtrail.after'),
      'the block after it is scanned',
    );
  });

  it('more Terraform than the process has memory for: the files past it are not read, with an error each', async () => {
    // 120 directories of one trail each; the heap holds the texts of 100 of them (8 bytes a character kept) besides
    // the one directory being evaluated (200 a character).
    const root = mkdtempSync(join(tmpdir(), 'tfguard-bigtotal-'));
    const dirs = Array.from({ length: 120 }, (_, i) => join(root, `d${String(i).padStart(3, '0')}`));
    for (const d of dirs) {
      mkdirSync(d);
      writeFileSync(join(d, 'main.tf'), TRAIL);
    }
    const out = await preparse(dirs, { memoryBytes: TRAIL.length * (100 * 8 + 200) });
    const refused = dirs.filter((d) => out.get(join(d, 'main.tf'))?.diagnostic);
    assert.deepEqual(refused, dirs.slice(100));
    assert.ok(out.get(join(dirs[99]!, 'main.tf'))?.file);
    const d = out.get(join(dirs[100]!, 'main.tf'))!.diagnostic!;
    assert.equal(d.code, 'too-large');
    assert.equal(d.severity, 'error');
    assert.equal(
      d.message,
      `not analysed: with this file the Terraform to scan would be ${101 * TRAIL.length} characters, more than this process's memory holds (about ${Math.floor((TRAIL.length * 1000) / 8)} characters for a heap of 0 MB)`,
    );
    assert.match(d.hint!, /^scan fewer or smaller files \(--exclude\), or give Node more memory: NODE_OPTIONS=--max-old-space-size/);
  });

  it('a module directory larger than the heap evaluates at once: its files past that are not read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-bigdir-'));
    writeFileSync(join(dir, 'a.tf'), TRAIL);
    writeFileSync(join(dir, 'b.tf'), TRAIL);
    const other = mkdtempSync(join(tmpdir(), 'tfguard-smalldir-'));
    writeFileSync(join(other, 'c.tf'), TRAIL);
    // One directory of one trail fits (208 bytes a character), two do not; the next directory is read again.
    const out = await preparse([dir, other], { memoryBytes: TRAIL.length * 300 });
    assert.ok(out.get(join(dir, 'a.tf'))?.file);
    const d = out.get(join(dir, 'b.tf'))?.diagnostic;
    assert.equal(d?.code, 'too-large');
    assert.equal(
      d!.message,
      `not analysed: with this file its module would be ${2 * TRAIL.length} characters of Terraform, more than a heap of 0 MB evaluates at once (about ${Math.floor((TRAIL.length * 300) / 200)} characters)`,
    );
    assert.match(d!.hint!, /^split the module, or give Node more memory/);
    assert.ok(out.get(join(other, 'c.tf'))?.file, 'the next directory is read');
  });
});
