// --max-depth on JSON inputs (issue 15, session 8): the values of one plan or one CloudTrail file cut at the depth
// limit share one diagnostic, at the first, counting the others, instead of one per resource or event; and a cut in
// a streamed log file is reported (it was dropped before).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from '../cli/helpers.js';

const deep = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-depth-'));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

interface Json {
  resources?: { address: string }[];
  diagnostics: { severity: string; code: string; message: string; file: string; line?: number; column?: number; hint?: string }[];
}

async function run(...argv: string[]): Promise<{ code: number; json: Json }> {
  const r = await cli(argv);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, r.stderr);
  return { code: r.code, json: JSON.parse(r.stdout) as Json };
}

const HINT = 'the value is unknown and checks that need it give no finding; --max-depth N raises the limit';

describe('JSON values cut at --max-depth: one diagnostic per file', () => {
  it('a plan with three resources nested past the limit: one error at the first, counting two more; all three kept', async () => {
    const resource = (name: string, tags: string): string =>
      `{"address":"aws_s3_bucket.${name}","mode":"managed","type":"aws_s3_bucket","name":"${name}","values":{"bucket":"${name}","tags":${tags}}}`;
    const rs = [resource('a', '{}'), resource('b', deep(20)), resource('c', deep(20)), resource('d', deep(20))];
    const plan = file('plan.json', `{"format_version":"1.2","planned_values":{"root_module":{"resources":[\n${rs.join(',\n')}\n]}}}`);
    const r = await run('resources', '--format', 'json', '--max-depth', '10', plan);
    assert.equal(r.code, 2);
    assert.deepEqual(
      r.json.resources?.map((x) => x.address),
      ['aws_s3_bucket.a', 'aws_s3_bucket.b', 'aws_s3_bucket.c', 'aws_s3_bucket.d'],
    );
    // The plan's resources stand at their "address" key.
    assert.deepEqual(
      r.json.diagnostics.map((d) => ({ ...d, file: d.file.replace(/^.*\//, '') })),
      [
        {
          severity: 'error',
          code: 'limit-reached',
          message:
            "the plan's values of aws_s3_bucket.b and 2 more resources are JSON nested more than 10 deep, over the nesting depth limit of 10; raise it with --max-depth; the deeper values are unknown",
          file: 'plan.json',
          line: 3,
          column: 2,
          hint: HINT,
        },
      ],
    );
    assert.match(r.json.diagnostics[0]!.file, /^\/.*\/plan\.json$/);
  });

  it('a streamed CloudTrail file with three deep events: one error, naming the first record (none before)', async () => {
    const event = (i: number): string =>
      `{"eventVersion":"1.08","eventSource":"cloudtrail.amazonaws.com","eventName":"CreateTrail","eventTime":"2026-01-01T00:00:00Z","requestParameters":{"name":"t${i}","x":${deep(30)}}}`;
    const log = file('log.json', `{"Records":[${[0, 1, 2].map(event).join(',\n')}]}`);
    const r = await run('scan', '--no-config', '--format', 'json', '--max-depth', '10', log);
    assert.equal(r.code, 2);
    assert.deepEqual(r.json.diagnostics, [
      {
        severity: 'error',
        code: 'limit-reached',
        message:
          'an event (Records[0]) and 2 more events of this file are JSON nested more than 10 deep, over the nesting depth limit of 10; raise it with --max-depth; the deeper values are unknown',
        file: 'log.json',
        line: 1,
        column: 13,
        hint: HINT,
      },
    ]);
  });
});
