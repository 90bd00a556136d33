// Panther-style deduplication of event findings: one alert per dedup key within the window from its first event,
// with the count; alerts under the threshold are dropped; the order of the input does not matter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedupFindings } from '../../src/checks/dedup.js';
import type { Check, Finding } from '../../src/checks/model.js';
import type { Resource } from '../../src/evaluate/model.js';
import { pointRange } from '../../src/common/diagnostics.js';
import { reportFinding } from '../../src/report/index.js';
import { parseCheck } from '../../src/checks/index.js';

const check = (id: string, dedup?: Check['dedup']): Check => ({ id, ...(dedup ? { dedup } : {}) }) as Check;

function finding(checkId: string, i: number, minute: number, account: string): Finding {
  const address = `log.json#Records[${i}]`;
  const resource = {
    address,
    type: 'aws.cloudtrail.event',
    values: { eventID: `id-${i}`, eventTime: new Date(Date.UTC(2026, 11, 3, 0, minute)).toISOString(), recipientAccountId: account },
    location: { file: 'log.json', range: pointRange() },
  } as unknown as Resource;
  return {
    checkId,
    severity: 'medium',
    title: 'Stopped',
    address,
    resource,
    file: 'log.json',
    range: { start: { line: 1, column: i + 1, offset: i }, end: { line: 1, column: i + 1, offset: i } },
  };
}

const summary = (fs: Finding[]): [string, string | undefined, number | undefined, string[] | undefined][] =>
  fs.map((f) => [f.address, f.event?.id, f.event?.count, f.event?.addresses]);

describe('dedup', () => {
  const events = [
    finding('C', 0, 0, 'a'),
    finding('C', 1, 10, 'a'),
    finding('C', 2, 20, 'b'),
    finding('C', 3, 59, 'a'),
    finding('C', 4, 61, 'a'),
  ];

  it('folds the events of one key within the window into one alert at the first, with the count', () => {
    const out = dedupFindings(events, [check('C', { by: ['recipientAccountId'], window: 60 })]);
    assert.deepEqual(summary(out), [
      ['log.json#Records[0]', 'id-0', 3, ['log.json#Records[0]', 'log.json#Records[1]', 'log.json#Records[3]']],
      ['log.json#Records[2]', 'id-2', 1, ['log.json#Records[2]']],
      // 61 minutes after the first event of its alert: a new alert.
      ['log.json#Records[4]', 'id-4', 1, ['log.json#Records[4]']],
    ]);
    assert.equal(reportFinding(out[0]!).message.endsWith('(3 events from 2026-12-03T00:00:00.000Z to 2026-12-03T00:59:00.000Z).'), true);
  });

  it('without a key every event of the check is one key; the order of the findings does not matter', () => {
    const a = dedupFindings(events, [check('C', { window: 30 })]);
    const b = dedupFindings([...events].reverse(), [check('C', { window: 30 })]);
    assert.deepEqual(summary(a), summary(b));
    assert.deepEqual(
      a.map((f) => f.event?.count),
      [3, 2],
    );
  });

  it('an alert with fewer events than the threshold is not reported', () => {
    const out = dedupFindings(events, [check('C', { by: ['recipientAccountId'], threshold: 2 })]);
    assert.deepEqual(
      out.map((f) => [f.address, f.event?.count]),
      [['log.json#Records[0]', 3]],
    );
  });

  it('a check without dedup keeps every event finding, each with its eventID and time', () => {
    const out = dedupFindings(events, [check('C')]);
    assert.equal(out.length, 5);
    assert.deepEqual(out[1]!.event, { id: 'id-1', time: '2026-12-03T00:10:00.000Z' });
  });
});

describe('dedup in a check file', () => {
  const yaml = (logic: string, dedup: string): string => `id: TEAM.EVENTS.1
title: A trail was stopped
severity: medium
description: d
remediation: r
${dedup}
logic: ${logic}
tests:
  - name: stopped
    expect: fail
    log: { "eventVersion": "1.08", "eventSource": "cloudtrail.amazonaws.com", "eventName": "StopLogging" }
`;

  it('is read with its key, window and threshold', () => {
    const r = parseCheck(
      '/c/x.yaml',
      yaml("aws.cloudtrail.event where eventName = 'StopLogging'", 'dedup: { by: [recipientAccountId], window: 30, threshold: 2 }'),
    );
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.check?.dedup, { by: ['recipientAccountId'], window: 30, threshold: 2 });
  });

  it('on a check that is not on events is an error at `dedup`', () => {
    const r = parseCheck('/c/x.yaml', yaml('aws_cloudtrail should have enable_logging = true', 'dedup: { window: 30 }'));
    assert.deepEqual(
      r.diagnostics.map((d) => [d.range?.start.line, d.message]),
      [[6, "`dedup` folds findings on CloudTrail events; this check's logic is on aws_cloudtrail"]],
    );
  });

  it('with a window of 0 or an unknown field is a schema error', () => {
    assert.ok(parseCheck('/c/x.yaml', yaml("aws.cloudtrail.event where eventName = 'A'", 'dedup: { window: 0 }')).diagnostics.length > 0);
    assert.ok(parseCheck('/c/x.yaml', yaml("aws.cloudtrail.event where eventName = 'A'", 'dedup: { period: 5 }')).diagnostics.length > 0);
  });
});
