import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fixture } from '../helpers/paths.js';
import { checkYaml, tempDir } from '../checks/helpers.js';
import { cli } from './helpers.js';

const rel = (...p: string[]): string => relative(process.cwd(), fixture(...p));

const GOOD_TRAIL = `resource "aws_cloudtrail" "t" {
  name                       = "t"
  s3_bucket_name             = "b"
  is_multi_region_trail      = true
  kms_key_id                 = "arn:aws:kms:us-east-1:123456789012:key/1"
  cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:t:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/t"
}
`;

describe('tfguard scan', () => {
  it('prints each finding as file:line:col  SEVERITY  ID  title  address, then a summary; exit 1', async () => {
    const r = await cli(['scan', fixture('cloudtrail')]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trimEnd().split('\n');
    const main = rel('cloudtrail', 'main.tf');
    assert.deepEqual(lines.slice(4, 7), [
      `${main}:41:1  LOW  D9.TF.AWS.LOG.03  CloudTrail trails are integrated with CloudWatch Logs  aws_cloudtrail.regional`,
      `${main}:41:1  MEDIUM  TFG.AWS.CLOUDTRAIL.1  CloudTrail logs are encrypted with a KMS key  aws_cloudtrail.regional`,
      `${main}:44:3  LOW  D9.TF.AWS.LOG.01  CloudTrail trails record events in all regions  aws_cloudtrail.regional`,
    ]);
    assert.equal(lines[0], `${rel('cloudtrail', 'environments.tf')}:9:1  LOW  D9.TF.AWS.LOG.03  CloudTrail trails are integrated with CloudWatch Logs  aws_cloudtrail.environment["prod"]`);
    assert.equal(lines.length, 11);
    assert.equal(lines[9], '');
    assert.equal(lines[10], '9 findings (3 medium, 6 low); 3 checks over 14 resources; 1 unknown result (--show-unknown lists them)');
  });

  it('findings in a local module are in the module file; in an installed remote module at the call site', async () => {
    const r = await cli(['scan', fixture('cloudtrail')]);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes(`${rel('cloudtrail', 'modules', 'trail', 'main.tf')}:29:3  LOW  D9.TF.AWS.LOG.01  CloudTrail trails record events in all regions  module.sandbox_trail.aws_cloudtrail.this`), r.stdout);
    assert.ok(lines.includes(`${rel('cloudtrail', 'modules.tf')}:25:1  MEDIUM  TFG.AWS.CLOUDTRAIL.1  CloudTrail logs are encrypted with a KMS key  module.legacy_trail.aws_cloudtrail.this`), r.stdout);
    assert.ok(!r.stdout.includes('.terraform'));
    // kms_key_id = aws_kms_key.trail.arn: no KMS finding, nor any other, for the organisation trail.
    assert.ok(!r.stdout.includes('aws_cloudtrail.organization'));
  });

  it('--show-unknown lists the unknown results with their reasons', async () => {
    const r = await cli(['scan', '--show-unknown', fixture('cloudtrail')]);
    assert.equal(r.code, 1);
    assert.ok(
      r.stdout.includes(
        `Unknown results (no finding: a value the check needs is not known):\n${rel('cloudtrail', 'main.tf')}:52:3  UNKNOWN  TFG.AWS.CLOUDTRAIL.1  CloudTrail logs are encrypted with a KMS key  aws_cloudtrail.audit\n    var.audit_kms_key_arn has no value\n`,
      ),
      r.stdout,
    );
    assert.ok(r.stdout.endsWith('; 1 unknown result\n'));
  });

  it('--var gives the variable its value: the unknown result becomes a pass', async () => {
    const r = await cli(['scan', '--show-unknown', '--var', 'audit_kms_key_arn=arn:aws:kms:us-east-1:1:key/x', fixture('cloudtrail')]);
    assert.ok(!r.stdout.includes('UNKNOWN'));
    assert.ok(r.stdout.endsWith('9 findings (3 medium, 6 low); 3 checks over 14 resources\n'), r.stdout);
  });

  it('exit 0 and a summary when clean', async () => {
    const dir = tempDir({ 'main.tf': GOOD_TRAIL });
    const r = await cli(['scan', dir]);
    assert.deepEqual(r, { code: 0, stdout: 'no findings; 3 checks over 1 resource\n', stderr: '' });
  });

  it('exit 2 for a path that does not exist', async () => {
    const r = await cli(['scan', '/nonexistent/tfguard']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /error\[not-found\]: cannot read \/nonexistent\/tfguard: ENOENT/);
  });

  it('exit 2 for input with errors, the findings still printed', async () => {
    const dir = tempDir({ 'main.tf': 'resource "aws_cloudtrail" "t" {\n  name = \n}\n', 'ok.tf': 'resource "aws_cloudtrail" "u" {\n}\n' });
    const r = await cli(['scan', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /error\[syntax\]/);
    assert.match(r.stdout, /ok\.tf:1:1 {2}LOW {2}D9\.TF\.AWS\.LOG\.01 /);
    assert.match(r.stdout, /1 error in the input: results may be incomplete\n$/);
  });

  it('exit 2 for usage errors', async () => {
    assert.equal((await cli(['scan'])).code, 2);
    const r = await cli(['scan', '--no-such-option', '.']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option '--no-such-option'/);
  });

  it("--checks-dir adds a team's checks", async () => {
    const checks = tempDir({ 'aws/TEAM.NAME.1.yaml': checkYaml('TEAM.NAME.1', { logic: "logic: aws_cloudtrail should have name like 'org-%'" }) });
    const tf = tempDir({ 'main.tf': GOOD_TRAIL });
    const r = await cli(['scan', '--checks-dir', checks, tf]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, `${relative(process.cwd(), join(tf, 'main.tf'))}:2:3  HIGH  TEAM.NAME.1  Trails are multi-region  aws_cloudtrail.t\n\n1 finding (1 high); 4 checks over 1 resource\n`);
  });

  it('a duplicate ID is an error naming both files; nothing is scanned', async () => {
    const checks = tempDir({ 'D9.TF.AWS.LOG.01.yaml': checkYaml('D9.TF.AWS.LOG.01') });
    const r = await cli(['scan', '--checks-dir', checks, fixture('cloudtrail')]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /error\[duplicate-check-id\]: check ID D9\.TF\.AWS\.LOG\.01 is already used by .*checks\/aws\/cloudtrail\/D9\.TF\.AWS\.LOG\.01\.yaml:1/);
    assert.ok(r.stderr.includes(`--> ${relative(process.cwd(), join(checks, 'D9.TF.AWS.LOG.01.yaml'))}:1:5`), r.stderr);
    assert.match(r.stderr, /tfguard: 1 check file is not valid; nothing was run\n$/);
  });

  it('an invalid check file: exit 2 with its line and the offending text', async () => {
    const checks = tempDir({ 'TEAM.X.1.yaml': checkYaml('TEAM.X.1', { logic: 'logic: aws_cloudtrail should have name lik "x"' }) });
    const r = await cli(['scan', '--checks-dir', checks, fixture('cloudtrail')]);
    assert.equal(r.code, 2);
    assert.ok(r.stderr.includes(`error[check-logic]: `), r.stderr);
    assert.ok(r.stderr.includes(`--> ${relative(process.cwd(), join(checks, 'TEAM.X.1.yaml'))}:7:`), r.stderr);
    assert.ok(r.stderr.includes('7 | logic: aws_cloudtrail should have name lik "x"'), r.stderr);
  });
});
