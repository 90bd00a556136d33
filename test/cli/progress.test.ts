// The progress line of long scans: nothing for the first half second, at most ten rewrites a second (the last
// always), erased at the end; none without a terminal or with --quiet.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ProgressLine, progressLineFor } from '../../src/cli/progress.js';
import { runScanCommand } from '../../src/cli/scan-command.js';
import { repoRoot } from '../helpers/paths.js';
import { loadProject } from '../../src/evaluate/project.js';
import type { LoadProgress } from '../../src/load/preparse.js';
import { tmp } from '../report/helpers.js';

describe('progress line', () => {
  it('waits half a second, then rewrites at most every 100 ms (the last update always), and erases itself', () => {
    let t = 0;
    const out: string[] = [];
    const line = new ProgressLine(
      (s) => out.push(s),
      () => t,
    );
    line.update({ stage: 'parse', done: 1, total: 10 });
    t = 600;
    line.update({ stage: 'parse', done: 2, total: 10 });
    t = 650;
    line.update({ stage: 'parse', done: 3, total: 10 });
    line.update({ stage: 'parse', done: 10, total: 10 });
    t = 800;
    line.update({ stage: 'evaluate', done: 1, total: 3 });
    line.clear();
    line.clear();
    assert.deepEqual(out, [
      '\r\x1b[2Ktfguard: parsing files 2/10',
      '\r\x1b[2Ktfguard: parsing files 10/10',
      '\r\x1b[2Ktfguard: evaluating root modules 1/3',
      '\r\x1b[2K',
    ]);
  });

  it('is shown only on a terminal outside CI (io.progress) and without --quiet', () => {
    const io = (progress: boolean) => ({ stderr: () => undefined, progress });
    assert.ok(progressLineFor(io(true), false) instanceof ProgressLine);
    assert.ok(progressLineFor(io(true), undefined) instanceof ProgressLine);
    assert.equal(progressLineFor(io(true), true), undefined);
    assert.equal(progressLineFor(io(false), false), undefined);
  });

  it('a scan on a terminal reports its stages to the line, and a short one shows nothing', async () => {
    const dir = tmp('progress');
    mkdirSync(join(dir, 'tf'));
    writeFileSync(join(dir, 'tf', 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (s: string) => void (stderr += s), color: false, progress: true };
    await runScanCommand({ paths: [join(dir, 'tf')], flags: { noConfig: true } }, io, repoRoot);
    assert.doesNotMatch(stderr, /tfguard: (parsing|evaluating)/);
    assert.ok(!stderr.includes('\u001b[2K'), stderr);
  });

  it('loading tells each root module evaluated and each file parsed (as it is parsed, for the module being evaluated)', async () => {
    const dir = tmp('progress-load');
    for (const m of ['a', 'b']) {
      mkdirSync(join(dir, m));
      writeFileSync(join(dir, m, 'main.tf'), `resource "aws_s3_bucket" "${m}" {\n  bucket = "${m}"\n}\n`);
      writeFileSync(join(dir, m, 'vars.tf'), 'variable "x" {\n  default = 1\n}\n');
    }
    const seen: LoadProgress[] = [];
    await loadProject(dir, { env: {}, jobs: 1, progress: (p) => seen.push({ ...p }) });
    assert.deepEqual(
      seen.map((p) => `${p.stage} ${p.done}/${p.total}`),
      ['evaluate 1/2', 'parse 1/4', 'parse 2/4', 'evaluate 2/2', 'parse 3/4', 'parse 4/4'],
    );
  });
});
