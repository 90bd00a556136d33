// tfguard scan: exit codes and thresholds, configuration discovery and errors, flags over config,
// baselines end to end, --changed-since against a real git repository, and tfguard explain.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadChecks } from '../../src/checks/index.js';
import { explainProject, explainText } from '../../src/cli/explain.js';
import { cli } from './helpers.js';
import { repoRoot } from '../helpers/paths.js';
import { loadProject } from '../../src/evaluate/project.js';
import { NOW, REPORT_CHECKS, REPORT_TF, scan, tmp } from '../report/helpers.js';

const CHECKS = join(repoRoot, 'checks');

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
  it('shows the test that failed, the values it saw and where each value was written', async () => {
    const { checks } = loadChecks([{ dir: REPORT_CHECKS }]);
    const project = await loadProject(REPORT_TF);
    const e = explainProject(project, checks, { now: NOW, check: ['TEAM.TRAIL.1'] });
    const text = explainText(e);
    const block = text.split('\n\n').find((b) => b.includes('aws_cloudtrail.plain'))!;
    const lines = block.split('\n');
    assert.match(lines[0]!, /main\.tf:5:3 {2}FINDING {2}TEAM\.TRAIL\.1 {2}aws_cloudtrail\.plain$/);
    assert.equal(lines[1], '  Trails record all regions: aws_cloudtrail.plain has is_multi_region_trail = false.');
    assert.equal(lines[2], '  fails: is_multi_region_trail=true   at aws_cloudtrail.plain');
    assert.match(
      lines[3]!,
      /^ {4}saw aws_cloudtrail\.plain\.is_multi_region_trail = false {3}written at \S*main\.tf:5:3 \(is_multi_region_trail of aws_cloudtrail\.plain\)$/,
    );
    assert.match(text, /\n\d+ findings and \d+ unknown results? explained\n$/);
    assert.doesNotMatch(text, /\[FALSE\]/, 'no evaluation tree without --tree');
    assert.match(
      explainText(explainProject(project, checks, { now: NOW, check: ['TEAM.TRAIL.1'], tree: true })),
      /\[FALSE\] is_multi_region_trail=true/,
    );
  });

  it('one cause once across roots and module instances, with the tfvars line, the argument and the default', async () => {
    const r = await cli(
      ['explain', '--check', 'D9.TF.AWS.LOG.01,TFG.AWS.CLOUDTRAIL.2,TFG.AWS.CLOUDTRAIL.3', 'fixtures/provenance'],
      CHECKS,
    );
    assert.equal(r.code, 0, r.stderr);
    const heads = r.stdout.split('\n').filter((l) => / FINDING /.test(l));
    assert.deepEqual(heads, [
      'fixtures/provenance/envs/prod/main.tf:10:5  FINDING  TFG.AWS.CLOUDTRAIL.2  module.audit.aws_cloudtrail.this',
      'fixtures/provenance/envs/prod/terraform.tfvars:1:1  FINDING  TFG.AWS.CLOUDTRAIL.3  module.audit.aws_cloudtrail.this',
      'fixtures/provenance/modules/trail/main.tf:12:3  FINDING  D9.TF.AWS.LOG.01  module.audit.aws_cloudtrail.this (and 1 more instance)',
    ]);
    assert.match(
      r.stdout,
      /saw module\.audit\.aws_cloudtrail\.this\.enable_log_file_validation = false {3}written at fixtures\/provenance\/envs\/prod\/terraform\.tfvars:1:1 \(terraform\.tfvars\)/,
    );
    assert.match(r.stdout, /instances: module\.audit\.aws_cloudtrail\.this, module\.ops\.aws_cloudtrail\.this/);
    assert.match(r.stdout, /\n3 findings and 0 unknown results explained\n$/);
  });

  it('--format json: causes with their leaves, values and where each was written, relative to the repository', async () => {
    const r = await cli(['explain', '--format', 'json', '--check', 'TFG.AWS.CLOUDTRAIL.3', 'fixtures/provenance'], CHECKS);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as {
      causes: {
        check_id: string;
        file: string;
        line: number;
        addresses: string[];
        leaves: {
          test: string;
          result: string;
          saw: { path: string; value: string; written: { file: string; line: number; what: string } }[];
        }[];
      }[];
      summary: { findings: number; unknown: number };
    };
    assert.deepEqual(doc.summary, { findings: 1, unknown: 0 });
    const [c] = doc.causes;
    assert.equal(c!.file, 'fixtures/provenance/envs/prod/terraform.tfvars');
    assert.equal(c!.line, 1);
    assert.deepEqual(c!.leaves, [
      {
        test: 'enable_log_file_validation = true',
        result: 'false',
        at: 'module.audit.aws_cloudtrail.this',
        saw: [
          {
            address: 'module.audit.aws_cloudtrail.this',
            path: 'enable_log_file_validation',
            value: 'false',
            written: { file: 'fixtures/provenance/envs/prod/terraform.tfvars', line: 1, column: 1, what: 'terraform.tfvars' },
          },
        ],
      },
    ]);
  });

  it('a cross-resource check: the failing link, not the start of the chain', async () => {
    const dir = tmp('explain-chain');
    writeFileSync(
      join(dir, 'main.tf'),
      'resource "aws_cloudwatch_metric_alarm" "cpu" {\n  alarm_name    = "cpu"\n  alarm_actions = [aws_sns_topic.ops.arn]\n}\n\nresource "aws_sns_topic" "ops" {\n  name = "ops"\n}\n',
    );
    const r = await cli(['explain', '--check', 'TFG.AWS.CLOUDWATCH.20', dir], CHECKS);
    const lines = r.stdout.split('\n');
    assert.match(lines[1]!, /alarm `cpu` notifies SNS topic `ops`, which has no subscription\.$/);
    assert.equal(lines[2], '  holds: referencedBy(aws_sns_topic_subscription, topic_arn) length() = 0   at aws_sns_topic.ops');
    assert.equal(lines[3], '    saw 0 for aws_sns_topic.ops');
  });

  it('a folder of a repository follows its modules inside the repository; bad --format is a usage error', async () => {
    const root = tmp('explain-repo');
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'examples', 'simple'), { recursive: true });
    writeFileSync(join(root, 'main.tf'), 'resource "aws_cloudtrail" "this" {\n  name           = "t"\n  s3_bucket_name = "b"\n}\n');
    writeFileSync(join(root, 'examples', 'simple', 'main.tf'), 'module "trail" {\n  source = "../../"\n}\n');
    const r = await cli(['explain', '--check', 'D9.TF.AWS.LOG.01', join(root, 'examples', 'simple')], CHECKS);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /FINDING {2}D9\.TF\.AWS\.LOG\.01 {2}module\.trail\.aws_cloudtrail\.this/);
    const bad = await cli(['explain', '--format', 'sarif', root], CHECKS);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format `sarif` is not a format of explain; use text or json/);
  });
});
