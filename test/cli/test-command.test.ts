import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkYaml, tempDir } from '../checks/helpers.js';
import { repoRoot, seedChecksDir } from '../helpers/paths.js';
import { cli } from './helpers.js';

// The three seed checks only: the output format does not change as the library grows.
const CHECKS = seedChecksDir();

function countCheckFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countCheckFiles(join(dir, e.name));
    else if (/\.ya?ml$/.test(e.name)) n++;
  }
  return n;
}

describe('tfguard test', () => {
  it('runs every built-in check test: each named with its result, a summary, exit 0', async () => {
    const r = await cli(['test'], CHECKS);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const lines = r.stdout.split('\n');
    assert.ok(
      lines.some((l) => /^D9\.TF\.AWS\.LOG\.03 {2}\(.*\/aws\/cloudtrail\/cloudwatch-logs-integration\.yaml\)$/.test(l)),
      r.stdout,
    );
    for (const name of [
      'CloudWatch Logs Not Setup',
      'CloudTrail Set But No Logs Delivered',
      'CloudTrail Set But Logs Delivered Too Long Ago',
      'CloudTrail Set And Logs Delivered Recently',
      'KMS CMK Does Not Exist',
      'KMS CMK Exists',
      'A reference to an aws_kms_key gives no finding',
    ]) {
      assert.ok(lines.includes(`  [PASS] ${name}`), name);
    }
    assert.match(r.stdout, /\n\d+ passed, 0 failed \(3 checks\)\n$/);
    assert.ok(!r.stdout.includes('[FAIL]'));
  });

  it('every test of the whole library passes (tfguard test over checks/)', async () => {
    const r = await cli(['test']);
    assert.equal(
      r.code,
      0,
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('  [PASS]'))
        .join('\n') + r.stderr,
    );
    const checks = countCheckFiles(join(repoRoot, 'checks'));
    assert.match(r.stdout, new RegExp(`\\n\\d+ passed, 0 failed \\(${checks} checks\\)\\n$`));
    assert.ok(!r.stdout.includes('[FAIL]'));
  });

  it('a failing test: [FAIL] with the reason and the test line, exit 1', async () => {
    const text = checkYaml('TEAM.MR.1').replace('    expect: pass', '    expect: fail');
    const dir = tempDir({ 'TEAM.MR.1.yaml': text });
    const r = await cli(['test', '--checks-dir', dir]);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /^TEAM\.MR\.1 {2}\(.*TEAM\.MR\.1\.yaml\)$/);
    assert.equal(lines[1], '  [PASS] single region');
    assert.equal(lines[2], '  [FAIL] multi region');
    assert.match(lines[3]!, /^ {9}.*TEAM\.MR\.1\.yaml:16: expected fail, got pass$/);
    assert.equal(lines.at(-2), '1 passed, 1 failed (1 check)');
  });

  it('invalid check files: exit 2, nothing run', async () => {
    const dir = tempDir({ 'TEAM.MR.1.yaml': checkYaml('TEAM.MR.1', { severity: 'severity: severe' }) });
    const r = await cli(['test', '--checks-dir', dir]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /error\[check-schema\]: severity must be one of critical, high, medium, low, info; found string "severe"/);
  });

  it('a built-in checks directory with a failing test (override for the test)', async () => {
    const dir = tempDir({
      'aws/x/trail-x.yaml': checkYaml('TFG.AWS.X.1').replace('        # expect\n', '').replace('"t" {', '"t" { # expect'),
    });
    const r = await cli(['test'], dir);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /\[FAIL\] single region\n {9}.*: expected a finding at 1:1 of the snippet \(marked `# expect`\); got a finding at 2:3, which no `# expect` marks\n/,
    );
  });
});
