// Issue 12: big inputs give a diagnostic, never a WASM abort or an out-of-memory crash, and the summary never says
// the results are complete. The inputs are made here, in a temporary directory.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { preparse } from '../../src/load/preparse.js';
import { initParser } from '../../src/load/treesitter.js';
import { MAX_PARSE_CHARS } from '../../src/load/hcl/template-depth.js';
import { cli } from '../cli/helpers.js';

const TRAIL = 'resource "aws_cloudtrail" "after" {\n  is_multi_region_trail = false\n}\n';

describe('big inputs', () => {
  it('a one-line string longer than the parser takes at once: a too-large error for its lines, the next block is scanned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-bigstring-'));
    const n = MAX_PARSE_CHARS + 1000;
    writeFileSync(join(dir, 'main.tf'), `resource "aws_s3_bucket" "b" {\n  bucket = "${'x'.repeat(n)}"\n}\n${TRAIL}`);
    const r = await cli(['scan', '--no-config', '--max-file-size', String(n * 2), '--format', 'json', dir]);
    assert.doesNotMatch(r.stderr, /Aborted|internal/);
    assert.equal(r.code, 2);
    const json = JSON.parse(r.stdout) as {
      findings: { check_id: string; address: string }[];
      diagnostics: { code: string; severity: string; line?: number; message: string }[];
    };
    const d = json.diagnostics.find((x) => x.code === 'too-large');
    assert.equal(d?.severity, 'error');
    assert.equal(d?.line, 1);
    assert.match(
      d!.message,
      /^lines 1–3 \(\d+ characters with no top-level block ending between them\) are more than tfguard's parser reads at once \(4194304\); they were not analysed$/,
    );
    assert.ok(
      json.findings.some((f) => f.address === 'aws_cloudtrail.after'),
      'the block after it is scanned',
    );
    const text = await cli(['scan', '--no-config', '--max-file-size', String(n * 2), dir]);
    assert.match(text.stdout, /1 error in the input: results may be incomplete/);
  });

  it('more Terraform than the process has memory for: the files past it are not read, with an error each', async () => {
    await initParser();
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
