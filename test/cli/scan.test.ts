import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fixture, repoRoot, seedChecksDir } from '../helpers/paths.js';
import { checkYaml, tempDir } from '../checks/helpers.js';
import { cli } from './helpers.js';

// The three seed checks only, so the expected output does not change as the library grows.
const CHECKS = seedChecksDir();

const rel = (...p: string[]): string => relative(process.cwd(), fixture(...p));
/** A relative path as a finding's line begins with it: ./ unless it goes up. */
const lineStart = (p: string): string => (p.startsWith('..') ? p : `./${p}`);
/** How a finding's line begins: ./path relative to the working directory. */
const at = (...p: string[]): string => `./${rel(...p)}`;

/** The text format's source excerpt under a finding: the line as it is in the file, and a marker under the range. */
function excerpt(file: string, line: number, column: number, width: number): string[] {
  const text = readFileSync(file, 'utf8').split('\n')[line - 1]!;
  const gutter = ' '.repeat(String(line).length);
  return [`    ${line} | ${text}`, `    ${gutter} | ${' '.repeat(column - 1)}${'^'.repeat(width)}`];
}

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
  it('each finding starts with ./path:line:col, then SEVERITY  ID  message, the source line and a marker; files apart; a summary; exit 1', async () => {
    const r = await cli(['scan', fixture('cloudtrail')], CHECKS);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.ok(r.stdout.endsWith('\n'));
    const groups = r.stdout.split('\n\n');
    assert.deepEqual(
      groups.map((g) => g.split('\n')[0]!.replace(/:\d+:\d+ .*$/, '')),
      [
        at('cloudtrail', 'environments.tf'),
        at('cloudtrail', 'main.tf'),
        at('cloudtrail', 'modules.tf'),
        at('cloudtrail', 'modules', 'trail', 'main.tf'),
        '8 findings (3 medium, 5 low); 4 checks over 14 resources; 1 unknown result',
      ],
    );
    const main = fixture('cloudtrail', 'main.tf');
    const header = 'resource "aws_cloudtrail" "regional"'.length;
    assert.equal(
      groups[1],
      [
        `${at('cloudtrail', 'main.tf')}:42:1  LOW      D9.TF.AWS.LOG.03  CloudTrail trails are integrated with CloudWatch Logs: aws_cloudtrail.regional does not set cloud_watch_logs_role_arn.`,
        ...excerpt(main, 42, 1, header),
        `${at('cloudtrail', 'main.tf')}:42:1  MEDIUM   TFG.AWS.CLOUDTRAIL.1  CloudTrail logs are encrypted with a KMS key: aws_cloudtrail.regional does not set kms_key_id.`,
        ...excerpt(main, 42, 1, header),
        `${at('cloudtrail', 'main.tf')}:45:3  LOW      D9.TF.AWS.LOG.01  CloudTrail trails record events in all regions: aws_cloudtrail.regional has is_multi_region_trail = false.`,
        ...excerpt(main, 45, 3, 'is_multi_region_trail = false'.length),
      ].join('\n'),
    );
    assert.ok(
      groups[0]!.includes(
        `${at('cloudtrail', 'environments.tf')}:9:1  LOW      D9.TF.AWS.LOG.03  CloudTrail trails are integrated with CloudWatch Logs: aws_cloudtrail.environment does not set cloud_watch_logs_role_arn.\n`,
      ),
      groups[0],
    );
  });

  it('findings in a local module are in the module file; in an installed remote module at the call site', async () => {
    const r = await cli(['scan', fixture('cloudtrail')], CHECKS);
    const groups = r.stdout.split('\n\n');
    const sandbox = fixture('cloudtrail', 'modules', 'trail', 'main.tf');
    assert.equal(
      groups[3],
      [
        // sandbox_trail does not set multi_region: the finding stands on the module's default, the attribute in the
        // resource is a `via` line, and the note says the default is shared by every call that does not set it.
        `${at('cloudtrail', 'modules', 'trail', 'main.tf')}:12:3  LOW      D9.TF.AWS.LOG.01  CloudTrail trails record events in all regions: aws_cloudtrail.this gets is_multi_region_trail = false from the default of variable "multi_region".`,
        ...excerpt(sandbox, 12, 3, 'default = false'.length),
        `    via ${rel('cloudtrail', 'modules', 'trail', 'main.tf')}:30:3  is_multi_region_trail of module.sandbox_trail.aws_cloudtrail.this`,
        "    note: the default of a module's variable: changing it changes every call of this module that does not set multi_region",
      ].join('\n'),
    );
    // The installed module's finding is at the `module` block that calls it (the range is the block; the
    // excerpt shows its first line), with the resource's own place below.
    const calls = fixture('cloudtrail', 'modules.tf');
    const callLine = readFileSync(calls, 'utf8').split('\n')[24]!;
    assert.equal(
      groups[2],
      [
        `${at('cloudtrail', 'modules.tf')}:25:1  MEDIUM   TFG.AWS.CLOUDTRAIL.1  CloudTrail logs are encrypted with a KMS key: module.legacy_trail.aws_cloudtrail.this (in module.legacy_trail) does not set kms_key_id.`,
        ...excerpt(calls, 25, 1, callLine.length),
        `    via ${rel('cloudtrail', '.terraform', 'modules', 'legacy_trail', 'main.tf')}:10:1  the resource module.legacy_trail.aws_cloudtrail.this`,
      ].join('\n'),
    );
    // kms_key_id = aws_kms_key.trail.arn: no KMS finding, nor any other, for the organisation trail.
    assert.ok(!r.stdout.includes('aws_cloudtrail.organization'));
  });

  it('--show-unknown lists the unknown results with their reasons', async () => {
    const r = await cli(['scan', '--show-unknown', fixture('cloudtrail')], CHECKS);
    assert.equal(r.code, 1);
    assert.ok(
      r.stdout.endsWith(
        `\n\nUnknown results (no finding: a value the check needs is not known):\n  ${rel('cloudtrail', 'main.tf')}:53:3  TFG.AWS.CLOUDTRAIL.1  aws_cloudtrail.audit\n      var.audit_kms_key_arn has no value\n\n8 findings (3 medium, 5 low); 4 checks over 14 resources; 1 unknown result\n`,
      ),
      r.stdout,
    );
    assert.ok(!(await cli(['scan', fixture('cloudtrail')], CHECKS)).stdout.includes('Unknown results'));
  });

  it('--var gives the variable its value: the unknown result becomes a pass', async () => {
    const r = await cli(
      ['scan', '--show-unknown', '--var', 'audit_kms_key_arn=arn:aws:kms:us-east-1:1:key/x', fixture('cloudtrail')],
      CHECKS,
    );
    assert.ok(!r.stdout.includes('Unknown results'));
    assert.ok(r.stdout.endsWith('\n\n8 findings (3 medium, 5 low); 4 checks over 14 resources\n'), r.stdout);
  });

  it('exit 0 and a summary when clean', async () => {
    const dir = tempDir({ 'main.tf': GOOD_TRAIL });
    const r = await cli(['scan', dir], CHECKS);
    // 4 rules: the three checks and the report's own expired-suppression rule.
    assert.deepEqual(r, { code: 0, stdout: 'no findings; 4 checks over 1 resource\n', stderr: '' });
  });

  it('exit 2 for a path that does not exist', async () => {
    const r = await cli(['scan', '/nonexistent/tfguard'], CHECKS);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /error\[not-found\]: cannot read \/nonexistent\/tfguard: ENOENT/);
  });

  it('exit 2 for input with errors, the findings still printed', async () => {
    const dir = tempDir({ 'main.tf': 'resource "aws_cloudtrail" "t" {\n  name = \n}\n', 'ok.tf': 'resource "aws_cloudtrail" "u" {\n}\n' });
    const r = await cli(['scan', dir], CHECKS);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /error\[syntax\]/);
    assert.match(r.stdout, /ok\.tf:1:1 {2}LOW {6}D9\.TF\.AWS\.LOG\.01 {2}/);
    assert.match(r.stdout, /1 error in the input: results may be incomplete\n$/);
  });

  it('exit 2 for usage errors', async () => {
    assert.equal((await cli(['scan'], CHECKS)).code, 2);
    const r = await cli(['scan', '--no-such-option', '.'], CHECKS);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option '--no-such-option'/);
  });

  it('--jobs: the same report with parse workers as without; a bad count is a usage error', async () => {
    const one = await cli(['scan', '--jobs', '1', '--format', 'json', fixture('cloudtrail')], CHECKS);
    const three = await cli(['scan', '--jobs', '3', '--format', 'json', fixture('cloudtrail')], CHECKS);
    assert.equal(one.code, 1);
    assert.deepEqual(three, one);
    for (const bad of ['0', 'two', '1.5']) {
      const r = await cli(['scan', '--jobs', bad, fixture('cloudtrail')], CHECKS);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--jobs <n>' argument '.*' is invalid\. expected a whole number from 1 to 64/);
    }
  });

  it('a finding on an argument set in an override file points into that file', async () => {
    const r = await cli(['scan', '--check', 'D9.TF.AWS.LOG.01', fixture('load', 'override')], CHECKS);
    // Exit 2: b_override.tf overrides a block no normal file has (an input error), reported on stderr.
    assert.equal(r.code, 2);
    const group = r.stdout.split('\n\n')[0]!.split('\n');
    assert.ok(group[0]!.startsWith(`./${relative(process.cwd(), fixture('load', 'override', 'a_override.tf'))}:6:3  LOW`), group[0]);
    assert.match(group[0]!, /^\S+ {2}LOW {6}D9\.TF\.AWS\.LOG\.01 {2}.*aws_cloudtrail\.main has is_multi_region_trail = false\.$/);
    assert.deepEqual(group.slice(1, 3), excerpt(fixture('load', 'override', 'a_override.tf'), 6, 3, 29));
    assert.match(r.stderr, /error\[override-without-base\]/);
  });

  it("SARIF helpUri: the catalog page of each built-in check (which exists), a team check's first reference", async () => {
    const dir = tempDir({ 'main.tf': GOOD_TRAIL });
    const r = await cli(['scan', '--format', 'sarif', '--checks-dir', fixture('report', 'checks'), dir]);
    const rules = (JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[] }).runs[0]!.tool
      .driver.rules;
    const builtin = rules.filter((x) => /^(D9|TFG\.AWS)\./.test(x.id));
    assert.ok(builtin.length > 40);
    for (const rule of builtin) {
      assert.equal(rule.helpUri, `https://github.com/tfguard/tfguard/blob/main/docs/checks/${rule.id}.md`);
      assert.ok(existsSync(join(repoRoot, 'docs', 'checks', `${rule.id}.md`)), rule.id);
    }
    assert.equal(
      rules.find((x) => x.id === 'TEAM.TRAIL.1')?.helpUri,
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
    );
    // A team check without references has no page to point at.
    assert.equal(rules.find((x) => x.id === 'TEAM.BUCKET.1')?.helpUri, undefined);
    assert.equal(
      rules.find((x) => x.id === 'TFG.TFGUARD.SUPPRESSION.1')?.helpUri,
      'https://github.com/tfguard/tfguard/blob/main/docs/suppressions.md',
    );
  });

  it('junit: a test case per resource a check judged: failing, skipped when suppressed, passing', async () => {
    const bad =
      'resource "aws_cloudtrail" "bad" { # tfguard:ignore:TFG.AWS.CLOUDTRAIL.1 test\n  name                  = "bad"\n  is_multi_region_trail = false\n}\n';
    const dir = tempDir({ 'main.tf': GOOD_TRAIL, 'bad.tf': bad });
    const r = await cli(['scan', '--format', 'junit', '--check', 'D9.TF.AWS.LOG.01', '--check', 'TFG.AWS.CLOUDTRAIL.1', dir], CHECKS);
    assert.equal(r.code, 1);
    const suite = (id: string): string =>
      r.stdout.slice(
        r.stdout.indexOf(`<testsuite name="${id}"`),
        r.stdout.indexOf('</testsuite>', r.stdout.indexOf(`<testsuite name="${id}"`)),
      );
    const multi = suite('D9.TF.AWS.LOG.01');
    assert.match(multi, /^<testsuite name="D9\.TF\.AWS\.LOG\.01" tests="2" failures="1" errors="0" skipped="0">/);
    assert.match(
      multi,
      /<testcase name="aws_cloudtrail\.bad" classname="D9\.TF\.AWS\.LOG\.01" file="[^"]*bad\.tf" line="3">\n {6}<failure /,
    );
    assert.match(multi, /<testcase name="aws_cloudtrail\.t" classname="D9\.TF\.AWS\.LOG\.01" file="[^"]*main\.tf" line="1"\/>/);
    const kms = suite('TFG.AWS.CLOUDTRAIL.1');
    assert.match(kms, /tests="2" failures="0" errors="0" skipped="1"/);
    assert.match(
      kms,
      /<testcase name="aws_cloudtrail\.bad" [^>]*>\n {6}<skipped message="suppressed by a tfguard comment at [^"]*bad\.tf:1: test"\/>/,
    );
    assert.match(r.stdout, /<testsuites name="tfguard" tests="\d+" failures="1" skipped="1">/);
  });

  it("--checks-dir adds a team's checks", async () => {
    const checks = tempDir({
      'aws/TEAM.NAME.1.yaml': checkYaml('TEAM.NAME.1', { logic: "logic: aws_cloudtrail should have name like 'org-%'" }),
    });
    const tf = tempDir({ 'main.tf': GOOD_TRAIL });
    const r = await cli(['scan', '--checks-dir', checks, tf], CHECKS);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(
      r.stdout,
      `${lineStart(relative(process.cwd(), join(tf, 'main.tf')))}:2:3  HIGH     TEAM.NAME.1  Trails are multi-region: aws_cloudtrail.t has name = "t".\n    2 |   name                       = "t"\n      |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n\n1 finding (1 high); 5 checks over 1 resource\n`,
    );
  });

  it('a duplicate ID is an error naming both files; nothing is scanned', async () => {
    const checks = tempDir({ 'D9.TF.AWS.LOG.01.yaml': checkYaml('D9.TF.AWS.LOG.01') });
    const r = await cli(['scan', '--checks-dir', checks, fixture('cloudtrail')], CHECKS);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /error\[duplicate-check-id\]: check ID D9\.TF\.AWS\.LOG\.01 is already used by .*\/aws\/cloudtrail\/multi-region\.yaml:1/,
    );
    assert.ok(r.stderr.includes(`--> ${join(checks, 'D9.TF.AWS.LOG.01.yaml')}:1:5`), r.stderr);
    assert.match(r.stderr, /tfguard: 1 check file is not valid; nothing was run\n$/);
  });

  it('an invalid check file: exit 2 with its line and the offending text', async () => {
    const checks = tempDir({ 'TEAM.X.1.yaml': checkYaml('TEAM.X.1', { logic: 'logic: aws_cloudtrail should have name lik "x"' }) });
    const r = await cli(['scan', '--checks-dir', checks, fixture('cloudtrail')], CHECKS);
    assert.equal(r.code, 2);
    assert.ok(r.stderr.includes(`error[check-logic]: `), r.stderr);
    assert.ok(r.stderr.includes(`--> ${join(checks, 'TEAM.X.1.yaml')}:7:`), r.stderr);
    assert.ok(r.stderr.includes('7 | logic: aws_cloudtrail should have name lik "x"'), r.stderr);
  });
});
