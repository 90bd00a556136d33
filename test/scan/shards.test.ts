// A large repository's root modules shared out over worker threads (src/scan/shards.ts): the report is the one a
// single thread gives, and a worker that fails leaves its roots to the main thread.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CheckRunResult } from '../../src/checks/model.js';
import { MIN_SHARDED_DIRS, loadInputs } from '../../src/scan/inputs.js';
import { Shards } from '../../src/scan/shards.js';
import { scan } from '../../src/scan/scan.js';
import { tempDir } from '../checks/helpers.js';

const trail = (name: string, multi: boolean): string =>
  `resource "aws_cloudtrail" "${name}" {\n  name                  = "${name}"\n  is_multi_region_trail = ${multi}\n}\n`;

/**
 * More root modules than MIN_SHARDED_DIRS, every one calling the shared module (so both threads read it and report
 * its syntax error), some with a suppression, an unknown and a syntax error of their own.
 */
function repository(): { dir: string; roots: number } {
  const files: Record<string, string> = { '.git/HEAD': 'ref: refs/heads/main\n' };
  files['modules/shared/main.tf'] = `${trail('shared', false)}locals {\n  broken = "\\/"\n}\n`;
  const roots = MIN_SHARDED_DIRS + 20;
  for (let i = 0; i < roots; i++) {
    const name = `r${String(i).padStart(3, '0')}`;
    let text = `module "shared" {\n  source = "../../modules/shared"\n}\n`;
    if (i % 7 === 0) text += `# tfguard:ignore:D9.TF.AWS.LOG.01 reviewed: a lab account\n`;
    text += i % 5 === 0 ? `variable "multi" {}\n${trail(name, false).replace('= false', '= var.multi')}` : trail(name, i % 2 === 0);
    if (i % 50 === 3) text += 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n';
    files[`roots/${name}/main.tf`] = text;
  }
  return { dir: tempDir(files), roots };
}

describe('a scan shared out over worker threads', { timeout: 120_000 }, () => {
  it('gives the report one thread gives: findings, suppressed, unknowns, diagnostics and counts', async () => {
    const { dir, roots } = repository();
    const run = async (jobs: number) => {
      const r = await scan({ paths: [dir], flags: { noConfig: true, format: ['json'], jobs, check: ['D9.TF.AWS.LOG.01'] } });
      assert.ok(r.ok);
      return r;
    };
    const one = await run(1);
    const two = await run(2);
    assert.equal(one.report.resources, roots + 1 * roots); // each root's trail and the shared module's
    assert.equal(two.report.resources, one.report.resources);
    assert.ok(one.report.findings.length > 50, `${one.report.findings.length} findings`);
    const strip = (r: typeof one) => ({
      findings: r.report.findings,
      suppressed: r.report.suppressed,
      // An unknown result comes back from a worker without its resource, which only `tfguard explain` reads.
      unknowns: r.report.unknowns.map(({ resource: _r, ...u }) => u),
      passed: r.report.passed,
      diagnostics: r.report.diagnostics,
    });
    assert.deepEqual(strip(two), strip(one));
    // The shared module's error is reported once, though both threads read it.
    assert.equal(one.report.diagnostics.filter((d) => d.file.endsWith('modules/shared/main.tf')).length, 1);
    assert.equal(two.report.diagnostics.filter((d) => d.file.endsWith('modules/shared/main.tf')).length, 1);
  });

  it('shares runs of consecutive roots by text size, the main thread taking a little less than its part', () => {
    const empty = mkdtempSync(join(tmpdir(), 'tfguard-empty-'));
    const shards = Shards.start(3, {
      path: empty,
      found: { root: empty, moduleDirs: [], diagnostics: [] },
      options: {},
      env: {},
      checks: { dirs: [] },
      checkIds: [],
      now: 0,
    });
    assert.ok(shards, 'the worker file is next to shards.js in the build');
    try {
      const roots = Array.from({ length: 10 }, (_, i) => `/r/${i}`);
      const mine = shards.share(roots, () => 9000);
      // 45 % of ten equal roots: four and a half, the fifth taken as it is half inside.
      assert.deepEqual(mine, ['/r/0', '/r/1', '/r/2', '/r/3', '/r/4']);
    } finally {
      shards.stop();
    }
  });

  it('a worker that fails before it is given its roots gives them back at once, not never', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tfguard-empty-'));
    // No options at all: the worker throws as it starts, long before the main thread shares the roots out.
    const shards = Shards.start(2, {
      path: empty,
      found: { root: empty, moduleDirs: [], diagnostics: [] },
      options: undefined as never,
      env: {},
      checks: { dirs: [] },
      checkIds: [],
      now: 0,
    })!;
    await new Promise((done) => setTimeout(done, 1000));
    const mine = shards.share(['/r/a', '/r/b', '/r/c', '/r/d'], () => 0);
    const got = await shards.collect();
    assert.deepEqual([...mine, ...got.left], ['/r/a', '/r/b', '/r/c', '/r/d']);
    assert.equal(got.failures.length, 1);
    assert.deepEqual(got.runs, []);
  });

  it('a worker that fails leaves its roots to the main thread, and nothing is lost', async () => {
    const { dir, roots } = repository();
    const runs: CheckRunResult[] = [];
    let handed = 0;
    const eachRoot = (_root: string, resources: readonly unknown[]): void => void (handed += resources.length);
    // Check files that do not exist: the worker cannot load its checks and fails.
    const project = await loadInputs(dir, {}, { env: {}, eachRoot }, undefined, {
      jobs: 2,
      checks: { dirs: [join(dir, 'no-such-checks')] },
      checkIds: [],
      now: 0,
      onRun: (r) => runs.push(r),
    });
    assert.ok(!('usage' in project));
    assert.deepEqual(runs, []);
    assert.equal(handed, 2 * roots, 'the main thread evaluated every root');
    assert.equal(project.handedOver, 2 * roots);
    const notes = project.diagnostics.filter((d) => d.code === 'worker-failed');
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.severity, 'note');
    assert.match(notes[0]!.message, /^a worker thread stopped \(.+\); this thread evaluated its \d+ root modules, with the same results$/);
  });
});
