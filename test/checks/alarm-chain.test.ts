// The CIS alarm chain across module boundaries: the trail's log group and the filter's group name come from another
// module's outputs, the topic is made with count and its subscription names it by literal ARN.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { cli } from '../cli/helpers.js';
import { repoRoot } from '../helpers/paths.js';
import { tempDir } from './helpers.js';

const CHECKS = join(repoRoot, 'checks');

/** The check's own passing chain (its first pass test), to vary. */
function chain(): string {
  const doc = parse(readFileSync(join(CHECKS, 'aws/cloudwatch/alarm-unauthorized-api-calls.yaml'), 'utf8')) as {
    tests: { expect: string; terraform?: string }[];
  };
  return doc.tests.find((t) => t.expect === 'pass' && t.terraform)!.terraform!;
}

const LOGS_MODULE = `resource "aws_cloudwatch_log_group" "this" {
  name              = "trail-logs"
  retention_in_days = 365
}

output "arn" {
  value = aws_cloudwatch_log_group.this.arn
}

output "name" {
  value = aws_cloudwatch_log_group.this.name
}
`;

describe('the CIS alarm chain across modules', () => {
  it('a log group from another module, a counted topic and a subscription by literal ARN complete it', async () => {
    const main = chain()
      .replace(/resource "aws_cloudwatch_log_group" "trail" \{[^}]*\}\n/, 'module "logs" {\n  source = "./logs"\n}\n')
      .replace('"${aws_cloudwatch_log_group.trail.arn}:*"', '"${module.logs.arn}:*"')
      .replace('log_group_name = aws_cloudwatch_log_group.trail.name', 'log_group_name = module.logs.name')
      .replace(
        'resource "aws_sns_topic" "alerts" {\n  name = "security-alerts"\n}',
        'resource "aws_sns_topic" "alerts" {\n  count = 1\n  name  = "security-alerts"\n}',
      )
      .replace('alarm_actions       = [aws_sns_topic.alerts.arn]', 'alarm_actions       = [aws_sns_topic.alerts[0].arn]')
      .replace('topic_arn = aws_sns_topic.alerts.arn', 'topic_arn = "arn:aws:sns:us-east-1:123456789012:security-alerts"');
    assert.match(main, /module\.logs\.arn/);
    assert.match(main, /alerts\[0\]/);
    const dir = tempDir({ 'main.tf': main, 'logs/main.tf': LOGS_MODULE });
    const ok = await cli(['scan', '--no-config', '--check', 'TFG.AWS.CLOUDWATCH.1', '--show-unknown', dir], CHECKS);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /^no findings; 1 check over 6 resources\n$/);
    // The same chain with the subscription naming another topic: the link that fails is named.
    const broken = tempDir({ 'main.tf': main.replace(':security-alerts"', ':other-topic"'), 'logs/main.tf': LOGS_MODULE });
    const r = await cli(['scan', '--no-config', '--check', 'TFG.AWS.CLOUDWATCH.1', broken], CHECKS);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /alarm `cis` \(unauthorized API calls\) notifies SNS topic `alerts`, which has no subscription\./);
  });
});
