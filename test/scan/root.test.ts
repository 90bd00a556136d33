// The repository is the boundary, not the scanned folder: scanning an example of a module repository follows its
// `source = "../../"`; --root sets the boundary explicitly; a source that leaves it names the root and the path.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { seedChecksDir } from '../helpers/paths.js';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) }, seedChecksDir());
  return { code, stdout, stderr };
}

/** A module at the top of a repository and an example that calls it with source = "../../". */
function moduleRepo(git: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-modrepo-'));
  if (git) execFileSync('git', ['init', '-q'], { cwd: dir });
  writeFileSync(
    join(dir, 'main.tf'),
    'variable "multi_region" {\n  type = bool\n}\n\nresource "aws_cloudtrail" "this" {\n  name                  = "t"\n  is_multi_region_trail = var.multi_region\n}\n',
  );
  mkdirSync(join(dir, 'examples', 'simple'), { recursive: true });
  writeFileSync(join(dir, 'examples', 'simple', 'main.tf'), 'module "trail" {\n  source       = "../../"\n  multi_region = false\n}\n');
  return dir;
}

describe('the scan root', () => {
  it('is the git repository holding the scanned folder: an example follows its module at ../../', async () => {
    const repo = moduleRepo(true);
    const r = await run(['scan', '--no-config', '--format', 'json', join(repo, 'examples', 'simple')]);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout) as { findings: { check_id: string; address: string; file: string; line: number }[] };
    // The value was written by the example's call: the finding stands there, on `multi_region = false`.
    assert.ok(
      json.findings.some(
        (f) =>
          f.check_id === 'D9.TF.AWS.LOG.01' &&
          f.address === 'module.trail.aws_cloudtrail.this' &&
          f.file === 'examples/simple/main.tf' &&
          f.line === 3,
      ),
      r.stdout,
    );
    assert.ok(!r.stderr.includes('module-outside-root'), r.stderr);
  });

  it('outside a repository it is the scanned folder, and the error names the root and the resolved path', async () => {
    const repo = moduleRepo(false);
    const r = await run(['scan', '--no-config', join(repo, 'examples', 'simple')]);
    assert.equal(r.code, 2);
    assert.ok(
      r.stderr.includes(
        `module source "../../" leads to ${repo}, outside the scan root ${join(repo, 'examples', 'simple')}; it was not read`,
      ),
      r.stderr,
    );
    assert.match(r.stderr, /widen it with --root DIR/);
  });

  it('--root widens it explicitly, and must hold the scanned path', async () => {
    const repo = moduleRepo(false);
    const r = await run(['scan', '--no-config', '--root', repo, join(repo, 'examples', 'simple')]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /D9\.TF\.AWS\.LOG\.01/);
    const bad = await run(['scan', '--no-config', '--root', join(repo, 'examples'), repo]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--root .* does not hold/);
  });

  it('a plan finds its repository from its own path: scanned from another repository it still reports, with a region', async () => {
    const { copyFileSync } = await import('node:fs');
    const { fixture } = await import('../helpers/paths.js');
    const elsewhere = mkdtempSync(join(tmpdir(), 'tfguard-plan-elsewhere-'));
    const plan = join(elsewhere, 'plan.json');
    copyFileSync(fixture('plan', 'config', 'plan.json'), plan);
    // The working directory is this repository (a git checkout); the plan lives outside it.
    const r = await run(['scan', '--no-config', '--format', 'sarif', '--plan', plan]);
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[];
    };
    const results = log.runs[0]!.results;
    assert.ok(results.length > 0);
    for (const x of results) {
      assert.equal(x.locations[0]!.physicalLocation.artifactLocation.uri, 'plan.json');
      assert.ok((x.locations[0]!.physicalLocation.region?.startLine ?? 0) > 1);
    }
  });
});
