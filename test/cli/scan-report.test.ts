// tfguard scan: exit codes and thresholds, configuration discovery and errors, flags over config,
// baselines end to end, --changed-since against a real git repository, and tfguard explain.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadChecks } from '../../src/checks/index.js';
import { explainProject } from '../../src/cli/explain.js';
import { loadProject } from '../../src/evaluate/project.js';
import { NOW, REPORT_CHECKS, REPORT_TF, scan, tmp } from '../report/helpers.js';

function copyFixture(): string {
  const root = tmp('repo');
  mkdirSync(join(root, '.git'));
  cpSync(REPORT_TF, join(root, 'tf'), { recursive: true });
  return root;
}

describe('scan exit codes', () => {
  it('exits 1 at or above --fail-on, 0 below it or with --soft-fail, 2 on usage errors', async () => {
    assert.equal((await scan(REPORT_TF)).code, 1);
    assert.equal((await scan(REPORT_TF, { failOn: 'critical' })).code, 0);
    assert.equal((await scan(REPORT_TF, { failOn: 'none' })).code, 0);
    assert.equal((await scan(REPORT_TF, { softFail: true })).code, 0);
    assert.equal((await scan(REPORT_TF, { check: ['TEAM.BUCKET.1'], failOn: 'high' })).code, 0);
    const bad = await scan(REPORT_TF, { check: ['CKV_AWS_999'] });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--check `CKV_AWS_999` names no check/);
    const two = await scan(REPORT_TF, { format: ['json', 'sarif'] });
    assert.equal(two.code, 2);
    assert.match(two.stderr, /json and sarif would all go to standard output/);
    assert.match((await scan(REPORT_TF, { format: ['yaml'] })).stderr, /unknown format `yaml`/);
  });

  it('filters shown findings with --severity', async () => {
    const r = await scan(REPORT_TF, { severity: ['medium'] });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /2 findings \(2 medium\)/);
    assert.doesNotMatch(r.stdout, /TEAM\.TRAIL\.1 /);
  });
});

describe('.tfguard.yaml', () => {
  it('is found upward from the scanned directory, and flags win', async () => {
    const root = copyFixture();
    writeFileSync(join(root, '.tfguard.yaml'), 'fail-on: critical\nskip-check: [TEAM.BUCKET.1]\n');
    const r = await scan(join(root, 'tf', 'modules'), { noConfig: false });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /1 finding \(1 high\); 2 checks/);
    assert.equal((await scan(join(root, 'tf'), { noConfig: false, failOn: 'high' })).code, 1);
  });

  it('names the line of an invalid key or value', async () => {
    const root = copyFixture();
    writeFileSync(join(root, '.tfguard.yaml'), 'check: [TEAM.TRAIL.1]\nfail-on: severe\nskip-checks: [x]\n');
    const r = await scan(join(root, 'tf'), { noConfig: false });
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /fail-on must be one of critical, high, medium, low, info, none; found string "severe"\n\s+--> .*\.tfguard\.yaml:2:10/,
    );
    assert.match(
      r.stderr,
      /unknown key `skip-checks` in the configuration\n\s+--> .*\.tfguard\.yaml:3:1[\s\S]*did you mean `skip-check`\?/,
    );
  });
});

describe('baseline end to end', () => {
  it('records findings, then fails only on new ones and lists fixed ones', async () => {
    const root = copyFixture();
    const base = join(root, 'tfguard.baseline.json');
    assert.equal((await scan(join(root, 'tf'), { createBaseline: base })).code, 0);
    assert.equal(JSON.parse(readFileSync(base, 'utf8')).findings.length, 6);
    const main = join(root, 'tf', 'main.tf');
    let text = readFileSync(main, 'utf8').replace(
      'name                  = "plain"\n  is_multi_region_trail = false',
      'name                  = "plain"\n  is_multi_region_trail = true',
    );
    text = '# moved\n\n' + text + '\nresource "aws_cloudtrail" "new" {\n  is_multi_region_trail = false\n}\n';
    writeFileSync(main, text);
    const r = await scan(join(root, 'tf'), { baseline: base });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /aws_cloudtrail\.new/);
    assert.doesNotMatch(r.stdout, /aws_cloudtrail\.expired has/);
    assert.match(r.stdout, /Fixed since the baseline:\n {2}TEAM\.TRAIL\.1 {2}aws_cloudtrail\.plain \(is_multi_region_trail\)/);
  });
});

const hasGit = ((): boolean => {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('--changed-since', { skip: hasGit ? false : 'git is not installed' }, () => {
  it('reports only findings in directories with changed files, and rejects unknown refs', async () => {
    const root = tmp('git');
    cpSync(REPORT_TF, join(root, 'tf'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], {
        cwd: root,
        stdio: 'pipe',
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(root, 'tf', 'modules', 'trail', 'variables.tf'), 'variable "unused" {}\n');
    const r = await scan(join(root, 'tf'), { changedSince: 'HEAD' });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /module\.prod\.aws_cloudtrail\.this/);
    assert.doesNotMatch(r.stdout, /aws_cloudtrail\.plain/);
    const bad = await scan(join(root, 'tf'), { changedSince: 'no-such-branch' });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /git does not know the reference `no-such-branch`/);
  });
});

describe('tfguard explain', () => {
  it('shows which part was false, with the values seen', async () => {
    const { checks } = loadChecks([{ dir: REPORT_CHECKS }]);
    const project = await loadProject(REPORT_TF);
    const r = explainProject(project, checks, { now: NOW, check: ['TEAM.TRAIL.1'] });
    assert.equal(r.count, 10);
    const block = r.text.split('\n\n').find((b) => b.includes('aws_cloudtrail.plain'))!;
    assert.match(block, /main\.tf:5:3 {2}FINDING {2}TEAM\.TRAIL\.1 {2}aws_cloudtrail\.plain/);
    assert.match(block, /\[FALSE\] is_multi_region_trail=true {3}saw: false/);
    assert.match(block, /decided by: aws_cloudtrail\.plain\.is_multi_region_trail/);
  });
});
