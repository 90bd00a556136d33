// Messages that name the failing link: a check's `messages:` are chosen from the test of the logic that decided the
// result, their placeholders filled from its scope; `# expect: <id>` asserts them; bad messages are diagnostics.
import assert from 'node:assert/strict';

import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/common/diagnostics.js';
import { loadChecks, parseCheck, runCheckTests } from '../../src/checks/index.js';
import { cli } from '../cli/helpers.js';
import { checkYaml, tempDir } from './helpers.js';

const FILE = '/checks/TEAM.ALARM.1.yaml';

const MESSAGES = `messages:
  noSubscription:
    when: referencedBy(aws_sns_topic_subscription, topic_arn)
    text: alarm \`{{ aws_cloudwatch_metric_alarm }}\` notifies SNS topic \`{{ aws_sns_topic }}\`, which has no subscription
  noActions:
    text: alarm \`{{ aws_cloudwatch_metric_alarm }}\` notifies nobody`;

const LOGIC = `logic: |
  aws_cloudwatch_metric_alarm should have alarm_actions contain [
    $ arnName() references(aws_sns_topic, name) contain [ referencedBy(aws_sns_topic_subscription, topic_arn) length() > 0 ] ]`;

const TESTS = (subscription: string, none: string): string => `tests:
  - name: a topic without subscription
    expect: fail
    terraform: |
      resource "aws_cloudwatch_metric_alarm" "cpu" {
        alarm_name = "cpu"
        alarm_actions = [
          aws_sns_topic.ops.arn, # expect: ${subscription}
        ]
      }

      resource "aws_sns_topic" "ops" {
        name = "ops"
      }
  - name: no actions
    expect: fail
    terraform: |
      resource "aws_cloudwatch_metric_alarm" "cpu" { # expect: ${none}
        alarm_name = "cpu"
      }
  - name: subscribed
    expect: pass
    terraform: |
      resource "aws_cloudwatch_metric_alarm" "cpu" {
        alarm_name    = "cpu"
        alarm_actions = [aws_sns_topic.ops.arn]
      }

      resource "aws_sns_topic" "ops" {
        name = "ops"
      }

      resource "aws_sns_topic_subscription" "ops" {
        topic_arn = aws_sns_topic.ops.arn
        protocol  = "email"
        endpoint  = "ops@example.com"
      }`;

/** The check, its messages written just before its logic (line 7 on). */
function alarmCheck(over: { messages?: string | null; tests?: string } = {}): string {
  const messages = over.messages === undefined ? MESSAGES : over.messages;
  return checkYaml('TEAM.ALARM.1', {
    title: 'title: Alarms reach someone',
    logic: messages === null ? LOGIC : `${messages}\n${LOGIC}`,
    tests: over.tests ?? TESTS('noSubscription', 'noActions'),
  });
}

function errors(text: string): Diagnostic[] {
  const r = parseCheck(FILE, text);
  assert.equal(r.check, undefined, 'expected the check to be rejected');
  return r.diagnostics;
}

const at = (d: Diagnostic): string => `${d.range?.start.line}:${d.range?.start.column}`;

describe('check messages', () => {
  it('the message of the failing link is chosen, and `# expect: <id>` holds for each test', async () => {
    const r = parseCheck(FILE, alarmCheck());
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(
      r.check!.messages.map((m) => m.id),
      ['noSubscription', 'noActions'],
    );
    const outcomes = await runCheckTests([r.check!]);
    assert.deepEqual(
      outcomes.map((o) => [o.test.name, o.passed, o.message]),
      [
        ['a topic without subscription', true, undefined],
        ['no actions', true, undefined],
        ['subscribed', true, undefined],
      ],
    );
  });

  it('`# expect: <id>` fails a test whose finding says another message', async () => {
    const r = parseCheck(FILE, alarmCheck({ tests: TESTS('noActions', 'noActions') }));
    assert.deepEqual(r.diagnostics, []);
    const [first] = await runCheckTests([r.check!]);
    assert.equal(first!.passed, false);
    assert.equal(first!.message, 'the finding at 4:5 says message `noSubscription`, not `noActions`');
  });

  it('a scan says the message, names the topic as a place to see, and gives the id in JSON and SARIF', async () => {
    const checks = tempDir({ 'alarm.yaml': alarmCheck() });
    const repo = tempDir({
      'main.tf':
        'resource "aws_cloudwatch_metric_alarm" "cpu" {\n  alarm_name    = "cpu"\n  alarm_actions = [aws_sns_topic.ops.arn]\n}\n\nresource "aws_sns_topic" "ops" {\n  name = "ops"\n}\n',
    });
    const text = await cli(['scan', '--no-config', '--check', 'TEAM.ALARM.1', '--checks-dir', checks, repo]);
    const lines = text.stdout.split('\n');
    assert.ok(
      lines.some((l) =>
        /main\.tf:3:20 +HIGH +TEAM\.ALARM\.1 {2}Alarms reach someone: alarm `cpu` notifies SNS topic `ops`, which has no subscription\.$/.test(
          l,
        ),
      ),
      text.stdout,
    );
    assert.ok(
      lines.some((l) => /^ {4}see \S*main\.tf:6:1 {2}aws_sns_topic ops \(aws_sns_topic\.ops\)$/.test(l)),
      text.stdout,
    );

    const json = JSON.parse(
      (await cli(['scan', '--no-config', '--check', 'TEAM.ALARM.1', '--checks-dir', checks, '--format', 'json', repo])).stdout,
    ) as {
      findings: { message_id: string | null; related: { line: number; message: string }[] }[];
    };
    assert.equal(json.findings[0]!.message_id, 'noSubscription');
    assert.deepEqual(json.findings[0]!.related, [
      { file: 'main.tf', line: 6, column: 1, message: 'aws_sns_topic ops (aws_sns_topic.ops)' },
    ]);

    const sarif = JSON.parse(
      (await cli(['scan', '--no-config', '--check', 'TEAM.ALARM.1', '--checks-dir', checks, '--format', 'sarif', repo])).stdout,
    ) as {
      runs: { results: { properties?: { messageId?: string }; codeFlows?: unknown; relatedLocations?: unknown[] }[] }[];
    };
    const result = sarif.runs[0]!.results[0]!;
    assert.equal(result.properties?.messageId, 'noSubscription');
    assert.equal(result.relatedLocations?.length, 1);
    assert.equal(result.codeFlows, undefined, 'a resource the message names is not a hop of a value');
  });

  it('a check without messages still says which test of its logic failed', async () => {
    const checks = tempDir({
      'vpc.yaml': checkYaml('TEAM.VPC.1', {
        title: 'title: VPCs have flow logs',
        logic: 'logic: aws_vpc should have referencedBy(aws_flow_log, vpc_id) length() > 0',
        tests: 'tests:\n  - name: none\n    expect: fail\n    terraform: |\n      resource "aws_vpc" "main" { # expect\n      }',
      }),
    });
    assert.deepEqual(loadChecks([{ dir: checks }]).diagnostics, []);
    const repo = tempDir({ 'main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' });
    const out = await cli(['scan', '--no-config', '--check', 'TEAM.VPC.1', '--checks-dir', checks, '--format', 'json', repo]);
    const json = JSON.parse(out.stdout) as { findings: { message: string; message_id: string | null }[] };
    assert.equal(
      json.findings[0]!.message,
      'VPCs have flow logs: for aws_vpc.main, `referencedBy(aws_flow_log, vpc_id) length() > 0` does not hold.',
    );
    assert.equal(json.findings[0]!.message_id, null);
  });
});

describe('check messages: bad input', () => {
  it('a `when` that is not in the logic points at it', () => {
    const [d] = errors(
      alarmCheck({
        messages: MESSAGES.replace('referencedBy(aws_sns_topic_subscription, topic_arn)', 'referencedBy(aws_sns_subscription, topic_arn)'),
      }),
    );
    assert.equal(d!.message, 'messages.noSubscription.when does not occur in the logic: `referencedBy(aws_sns_subscription, topic_arn)`');
    assert.equal(at(d!), '9:11');
  });

  it('an unknown placeholder lists those the logic allows', () => {
    const [d] = errors(alarmCheck({ messages: MESSAGES.replace('{{ aws_sns_topic }}', '{{ aws_sns_topc }}') }));
    assert.equal(d!.message, 'messages.noSubscription.text has an unknown placeholder `{{ aws_sns_topc }}`');
    assert.equal(
      d!.hint,
      'use {{ value }}, {{ value.<field> }}, {{ path }}, {{ resource }} or an entity type the logic names: {{ aws_cloudwatch_metric_alarm }}, {{ aws_sns_topic }}, {{ aws_sns_topic_subscription }}',
    );
    assert.equal(at(d!), '10:11');
  });

  it('two messages without `when`, and an id that is not camelCase', () => {
    const two = errors(alarmCheck({ messages: `${MESSAGES}\n  other:\n    text: nothing` }));
    assert.match(
      two[0]!.message,
      /^messages\.other has no `when`, and neither has messages\.noActions: only one message can be the default$/,
    );
    const bad = errors(
      alarmCheck({ messages: MESSAGES.replace('noActions:', 'no-actions:'), tests: TESTS('noSubscription', 'noSubscription') }),
    );
    assert.equal(bad[0]!.message, 'the message id `no-actions` is not a camelCase word');
  });

  it('`# expect: <id>` naming no message suggests the nearest', () => {
    const [d] = errors(alarmCheck({ tests: TESTS('noSubscriptio', 'noActions') }));
    assert.equal(d!.message, 'tests[0]: `# expect: noSubscriptio` names no message of this check');
    assert.equal(d!.hint, 'did you mean `noSubscription`?');
  });
});
