// Data inputs: plans, snapshots and CloudTrail logs are told apart by content; bad input is an error that names
// the file, and a directory of inputs goes on past a bad file.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { loadDataFiles } from '../../src/evaluate/data.js';
import { readDataFile } from '../../src/load/data-file.js';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'tfguard-inputs-'));
const write = (name: string, data: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
const event = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventVersion: '1.08',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: name,
  ...extra,
});
const log = JSON.stringify({ Records: [event('CreateTrail'), event('StopLogging'), event('StopLogging', { errorCode: 'AccessDenied' })] });

describe('telling inputs apart', () => {
  it('a plan by format_version with planned_values or resource_changes', () => {
    const r = readDataFile(write('plan.json', JSON.stringify({ format_version: '1.2', resource_changes: [] })));
    assert.equal(r.input?.kind, 'plan');
  });

  it('a CloudTrail log file, gzipped, with each record and its line', () => {
    const r = readDataFile(write('log.json.gz', gzipSync(log)));
    assert.equal(r.input?.kind, 'events');
    if (r.input?.kind !== 'events') return;
    assert.deepEqual(
      r.input.records.map((x) => x.where),
      ['Records[0]', 'Records[1]', 'Records[2]'],
    );
  });

  it('JSON lines of events, each at its line', () => {
    const r = readDataFile(
      write('events.jsonl', [event('CreateTrail'), event('DeleteTrail')].map((e) => JSON.stringify(e)).join('\n') + '\n'),
    );
    assert.equal(r.input?.kind, 'events');
    if (r.input?.kind !== 'events') return;
    assert.deepEqual(
      r.input.records.map((x) => [x.where, x.range?.start.line]),
      [
        ['line 1', 1],
        ['line 2', 2],
      ],
    );
  });

  it('describe-trails output is a snapshot', () => {
    const r = readDataFile(
      write('trails.json', JSON.stringify({ trailList: [{ Name: 't', TrailARN: 'arn:aws:cloudtrail:us-east-1:1:trail/t' }] })),
    );
    assert.equal(r.input?.kind, 'snapshot');
  });

  it('keys from the input are plain data (null-prototype objects)', () => {
    const r = readDataFile(write('proto.json', '{"eventName": "X", "eventSource": "s", "__proto__": {"polluted": true}}'));
    assert.equal(r.input?.kind, 'events');
    if (r.input?.kind !== 'events') return;
    const v = r.input.records[0]!.value;
    assert.equal(Object.getPrototypeOf(v), null);
    assert.deepEqual(Object.keys(v), ['eventName', 'eventSource', '__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('bad input: an error naming the file', () => {
  const only = (p: string): { code: string; message: string; file: string; line?: number } => {
    const r = readDataFile(p);
    assert.equal(r.input, undefined);
    assert.equal(r.diagnostics.length, 1);
    const d = r.diagnostics[0]!;
    return { code: d.code, message: d.message, file: d.file, ...(d.range ? { line: d.range.start.line } : {}) };
  };

  it('not JSON: where and what', () => {
    const p = write('broken.json', '{\n  "format_version": "1.2",\n  "planned_values": {\n}');
    const d = only(p);
    assert.equal(d.code, 'not-json');
    assert.equal(d.file, p);
    assert.match(d.message, /^not valid JSON: /);
    assert.equal(d.line, 4);
  });

  it('JSON that is neither plan, nor snapshot, nor log', () => {
    const p = write('package.json', JSON.stringify({ name: 'x', version: '1.0.0' }));
    const d = only(p);
    assert.equal(d.code, 'unknown-input');
    assert.equal(
      d.message,
      'the JSON is neither a plan, nor a snapshot, nor a CloudTrail log: found an object with the keys "name", "version"',
    );
  });

  it('a state file (format_version without changes) is not a plan', () => {
    assert.equal(only(write('state.json', JSON.stringify({ format_version: '1.0', values: {} }))).code, 'not-a-plan');
  });

  it('a log record that is not an event', () => {
    const d = only(write('bad-records.json', JSON.stringify({ Records: [event('CreateTrail'), { foo: 1 }] })));
    assert.equal(d.message, 'Records[1] is not a CloudTrail event: found an object with the keys "foo"');
  });

  it('an unsupported plan format_version', async () => {
    const p = write('plan2.json', JSON.stringify({ format_version: '2.0', planned_values: {} }));
    let err = '';
    const code = await main(['resources', '--plan', p], { stdout: () => undefined, stderr: (s) => (err += s) });
    assert.equal(code, 2);
    assert.match(err, /error\[plan-format\]: unsupported plan format_version "2\.0": tfguard reads format versions 0\.x and 1\.x/);
    assert.ok(err.includes('plan2.json'));
  });

  it('a truncated gzip', () => {
    const gz = gzipSync(log);
    const d = only(write('cut.json.gz', gz.subarray(0, gz.length - 10)));
    assert.equal(d.code, 'bad-gzip');
    assert.equal(d.message, 'cannot decompress the gzip file: the gzip data ends early (the file is truncated)');
  });

  it('a .gz file that is not gzip', () => {
    assert.equal(only(write('plain.json.gz', log)).code, 'bad-gzip');
  });

  it('a bad line in JSON lines names the line', () => {
    const d = only(write('bad.jsonl', `${JSON.stringify(event('A'))}\n{"eventName": \n`));
    assert.equal(d.line, 2);
    assert.match(d.message, /^line 2 of the JSON lines file is not valid JSON/);
  });
});

describe('a scan goes on past bad files', () => {
  it('scanning a directory of logs reports the bad ones and checks the rest', async () => {
    const logs = mkdtempSync(join(tmpdir(), 'tfguard-logs-'));
    writeFileSync(join(logs, 'a.json.gz'), gzipSync(log));
    const gz = gzipSync(log);
    writeFileSync(join(logs, 'b.json.gz'), gz.subarray(0, 20));
    writeFileSync(join(logs, 'c.json'), 'not json');
    const project = loadDataFiles([join(logs, 'a.json.gz'), join(logs, 'b.json.gz'), join(logs, 'c.json')]);
    assert.deepEqual(
      project.diagnostics.map((d) => [d.code, d.file]),
      [
        ['bad-gzip', join(logs, 'b.json.gz')],
        ['not-json', join(logs, 'c.json')],
      ],
    );
    assert.deepEqual(
      project.resources.map((r) => [r.type, r.address]),
      [
        ['aws.cloudtrail.event', `${join(logs, 'a.json.gz')}#Records[0]`],
        ['aws.cloudtrail.event', `${join(logs, 'a.json.gz')}#Records[1]`],
        ['aws.cloudtrail.event', `${join(logs, 'a.json.gz')}#Records[2]`],
      ],
    );

    let out = '';
    let err = '';
    const code = await main(['scan', logs], { stdout: (s) => (out += s), stderr: (s) => (err += s) });
    assert.equal(code, 2, 'errors in the input give exit code 2');
    // StopLogging without error: a finding on Records[1]; the failed call (Records[2]) is not one.
    const lines = out.split('\n');
    assert.equal(lines.filter((l) => l.includes('TFG.AWS.CLOUDTRAIL.36')).length, 1);
    assert.match(
      lines.find((l) => l.includes('TFG.AWS.CLOUDTRAIL.36'))!,
      /a\.json\.gz#Records\[1\]/,
    );
    assert.equal(lines.filter((l) => l.includes('TFG.AWS.CLOUDTRAIL.35')).length, 1);
    assert.match(
      lines.find((l) => l.includes('TFG.AWS.CLOUDTRAIL.35'))!,
      /a\.json\.gz#Records\[0\]/,
    );
    assert.match(err, /error\[bad-gzip\]/);
    assert.match(err, /error\[not-json\]/);
  });
});
