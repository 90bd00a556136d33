// Issue 12: big inputs are read, or give a diagnostic, never an out-of-memory crash. The inputs are made here, in a temporary directory.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-bigtotal-'));
    writeFileSync(join(dir, 'a.tf'), TRAIL);
    writeFileSync(join(dir, 'b.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
    const out = await preparse([dir], { memoryChars: TRAIL.length + 10 });
    assert.ok(out.get(join(dir, 'a.tf'))?.file);
    const d = out.get(join(dir, 'b.tf'))?.diagnostic;
    assert.equal(d?.code, 'too-large');
    assert.equal(d?.severity, 'error');
    assert.match(
      d!.message,
      /^not analysed: with this file the Terraform to scan would be \d+ characters, more than this process's memory holds/,
    );
    assert.match(d!.hint!, /NODE_OPTIONS=--max-old-space-size/);
  });
});
