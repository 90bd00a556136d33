// Streamed CloudTrail logs in a scan: only the events a check does not pass are kept, bad input is a diagnostic
// with the file and record, the other records and files are still read, and worker threads give the same result.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { compileRule } from '../../src/gsl/index.js';
import { eventFilter, needles } from '../../src/scan/event-filter.js';
import { MAX_RECORD_DIAGNOSTICS, loadLogFiles, readLogFile } from '../../src/scan/logs.js';
import { MAX_RECORD_DEPTH } from '../../src/load/log-split.js';

const event = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventVersion: '1.08',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: name,
  ...extra,
});
const rule = (text: string) => {
  const c = compileRule(text, 'test');
  assert.ok(c.ok);
  return c.rule;
};
const STOPPED = rule("aws.cloudtrail.event where eventName in ('DeleteTrail', 'StopLogging') and errorCode isEmpty()");
const filter = eventFilter([STOPPED], Date.now());
const MAX = 1 << 30;

const dir = mkdtempSync(join(tmpdir(), 'tfguard-logs-'));
const write = (name: string, data: string | Buffer): string => {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, data);
  return p;
};
const records = (...evs: unknown[]): string => JSON.stringify({ Records: evs });

describe('the where filter read from the raw record', () => {
  it('names the literals one of which must stand in the record', () => {
    assert.deepEqual(filter.rules[0]!.needles?.map(String), ['"DeleteTrail"', '"StopLogging"']);
    assert.deepEqual(needles(rule("aws.cloudtrail.event where eventName = 'A' or eventSource = 'b'").ast.where!), ['A', 'b']);
    // No set when a branch has none, for negations, numbers (14 equals "14") and functions.
    assert.equal(needles(rule("aws.cloudtrail.event where eventName = 'A' or readOnly = true").ast.where!), undefined);
    assert.equal(needles(rule("aws.cloudtrail.event where not eventName = 'A'").ast.where!), undefined);
    assert.equal(needles(rule("aws.cloudtrail.event where eventName = '14'").ast.where!), undefined);
  });

  it('keeps only the events the rule does not pass, and counts the others', async () => {
    const f = write(
      'a/log.json.gz',
      gzipSync(records(event('GetObject'), event('StopLogging'), event('StopLogging', { errorCode: 'X' }), event('Decrypt'))),
    );
    const r = await readLogFile(f, filter, MAX);
    assert.deepEqual(
      r.kept.map((k) => k.where),
      ['Records[1]'],
    );
    assert.equal(r.records, 4);
    assert.deepEqual(r.diagnostics, []);
  });

  it('an escaped letter cannot hide a matching event', async () => {
    const text = '{"Records": [{"eventVersion": "1.08", "eventSource": "x", "eventName": "Stop\\u004cogging"}]}';
    const r = await readLogFile(write('escaped.json', text), filter, MAX);
    assert.deepEqual(
      r.kept.map((k) => k.where),
      ['Records[0]'],
    );
  });
});

describe('a rule over all events at once', () => {
  it('keeps every event, in one thread and in workers', async () => {
    const all = eventFilter([STOPPED, rule('List<aws.cloudtrail.event> should have items length() < 3')], Date.now());
    assert.equal(all.keepAll, true);
    const f = write('all/log.json', records(event('GetObject'), event('StopLogging'), event('Decrypt')));
    for (const jobs of [1, 2]) {
      const p = (await loadLogFiles([f, f], all, { maxBytes: MAX, jobs }))!;
      assert.equal(p.resources.length, 6);
      assert.equal(p.unkeptEvents, 0);
    }
  });
});

describe('bad input is a diagnostic with the file and record; the rest is read', () => {
  it('a record with missing fields, one that is not JSON, one nested too deep', async () => {
    const deep = '['.repeat(MAX_RECORD_DEPTH + 1) + ']'.repeat(MAX_RECORD_DEPTH + 1);
    const text = `{"Records": [${JSON.stringify({ eventSource: 's' })}, {"eventName": "StopLogging", "eventSource": "s", "x": ${deep}}, {"eventName": tru}, ${JSON.stringify(event('StopLogging'))}]}`;
    const f = write('bad-records.json', text);
    const r = await readLogFile(f, filter, MAX);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.file, d.range?.start.column, d.message.split(':')[0]]),
      [
        ['not-an-event', f, 14, 'Records[0]'],
        ['too-deep', f, 35, 'Records[1]'],
        ['not-json', f, 222, 'Records[2]'],
      ],
    );
    assert.match(r.diagnostics[0]!.message, /^Records\[0\]: not a CloudTrail event: found an object with the keys "eventSource"$/);
    assert.deepEqual(
      r.kept.map((k) => k.where),
      ['Records[3]'],
    );
  });

  it('a file of many bad records lists the first few and counts the rest', async () => {
    const f = write(
      'many-bad.jsonl',
      [JSON.stringify(event('StopLogging')), ...Array.from({ length: 50 }, (_, i) => JSON.stringify({ n: i }))].join('\n'),
    );
    const r = await readLogFile(f, filter, MAX);
    assert.equal(r.diagnostics.length, MAX_RECORD_DIAGNOSTICS + 1);
    assert.equal(r.diagnostics[0]!.message, 'line 2: not a CloudTrail event: found an object with the keys "n"');
    assert.match(
      r.diagnostics.at(-1)!.message,
      /^30 more records of this file are not CloudTrail events that can be read \(50 in all; the first 20 are listed\)$/,
    );
    assert.deepEqual(
      r.kept.map((k) => k.where),
      ['line 1'],
    );
  });

  it('a truncated gzip keeps the records before the damage; a file that is not CloudTrail; the other files are read', async () => {
    const many = records(...Array.from({ length: 2000 }, (_, i) => event(i === 5 ? 'DeleteTrail' : 'GetObject', { i })));
    const gz = gzipSync(many);
    const cut = write('b/cut.json.gz', gz.subarray(0, Math.floor(gz.length / 2)));
    const other = write('b/other.json', JSON.stringify({ hello: 'world' }));
    const good = write('b/good.json.gz', gzipSync(records(event('StopLogging'))));
    const p = (await loadLogFiles([cut, other, good], filter, { maxBytes: MAX }))!;
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.file]),
      [
        ['bad-gzip', cut],
        ['unknown-input', other],
      ],
    );
    assert.match(p.diagnostics[0]!.message, /the gzip data ends early \(the file is truncated\); the records before the damage were read/);
    assert.deepEqual(
      p.resources.map((r) => r.address),
      [`${cut}#Records[5]`, `${good}#Records[0]`],
    );
  });

  it('a log file reached through a symbolic link that leaves the boundary is not read', async () => {
    const inside = join(dir, 'walled');
    const secret = write('secret/log.json', records(event('StopLogging')));
    mkdirSync(inside, { recursive: true });
    symlinkSync(secret, join(inside, 'link.json'));
    const own = write('walled/own.json', records(event('DeleteTrail')));
    const p = (await loadLogFiles([join(inside, 'link.json'), own], filter, { maxBytes: MAX, boundary: inside }))!;
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.file]),
      [['outside-root', join(inside, 'link.json')]],
    );
    assert.deepEqual(
      p.resources.map((r) => r.address),
      [`${own}#Records[0]`],
    );
  });

  it('the decompressed size is capped', async () => {
    const f = write('c/big.json.gz', gzipSync(records(...Array.from({ length: 1000 }, () => event('GetObject')))));
    const r = await readLogFile(f, filter, 10_000);
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      ['file-too-large'],
    );
  });

  it('a plan or snapshot among the logs is read whole, as before', async () => {
    const snap = write('d/trails.json', JSON.stringify({ trailList: [{ Name: 't', TrailARN: 'arn:t', IsMultiRegionTrail: true }] }));
    const p = (await loadLogFiles([snap], filter, { maxBytes: MAX }))!;
    assert.deepEqual(
      p.resources.map((r) => r.type),
      ['aws.cloudtrail.trail'],
    );
    assert.equal(await loadLogFiles([snap], filter, { maxBytes: MAX, onlyEvents: true }), undefined);
  });
});

describe('fan-out and standard input', () => {
  it('worker threads give the same project as one thread', async () => {
    const files = Array.from({ length: 5 }, (_, k) =>
      write(
        `e/${k}.json.gz`,
        gzipSync(records(...Array.from({ length: 50 }, (_, i) => event(i % 7 === k ? 'StopLogging' : 'GetObject', { i })))),
      ),
    );
    files.push(write('e/bad.json.gz', 'not gzip'));
    const one = (await loadLogFiles(files, filter, { maxBytes: MAX, jobs: 1 }))!;
    const two = (await loadLogFiles(files, filter, { maxBytes: MAX, jobs: 2 }))!;
    assert.ok(one.resources.length > 5);
    assert.deepEqual(
      two.resources.map((r) => [r.address, r.values]),
      one.resources.map((r) => [r.address, r.values]),
    );
    assert.deepEqual(two.diagnostics, one.diagnostics);
    assert.equal(two.unkeptEvents, one.unkeptEvents);
    assert.equal(one.unkeptEvents, 250 - one.resources.length);
  });

  it('workers take files only a few ahead of the results handed out, and hand them out in order', async () => {
    const files = Array.from({ length: 30 }, (_, k) =>
      write(`g/${String(k).padStart(2, '0')}.json`, records(event(k % 5 ? 'GetObject' : 'StopLogging', { k }))),
    );
    let pulled = 0;
    const source = (function* (): Generator<string> {
      for (const f of files) {
        pulled++;
        yield f;
      }
    })();
    const { readInWorkers } = await import('../../src/scan/log-pool.js');
    const seen: string[] = [];
    let most = 0;
    for await (const r of readInWorkers(source, filter, MAX, 2)) {
      seen.push(r.file);
      most = Math.max(most, pulled - seen.length);
    }
    assert.deepEqual(seen, files);
    assert.ok(most <= 2 * 4 + 1, `${most} files taken ahead of the results`);
  });

  it('`tfguard scan -` reads JSON lines from standard input', () => {
    const bin = fileURLToPath(new URL('../../../bin/tfguard.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'scan', '-', '--no-config', '--format', 'json', '--check', 'TFG.AWS.CLOUDTRAIL.36'], {
      input: [event('GetObject'), event('StopLogging')].map((e) => JSON.stringify(e)).join('\n') + '\n',
      cwd: dir,
    });
    assert.equal(r.status, 1, String(r.stderr));
    const report = JSON.parse(String(r.stdout)) as { findings: { address: string }[] };
    assert.deepEqual(
      report.findings.map((f) => f.address),
      ['-#L2'],
    );
  });

  it('`tfguard scan -` with a plan on standard input is a usage error', () => {
    const bin = fileURLToPath(new URL('../../../bin/tfguard.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'scan', '-', '--no-config'], {
      input: JSON.stringify({ format_version: '1.2', resource_changes: [] }),
      cwd: dir,
    });
    assert.equal(r.status, 2);
    assert.match(String(r.stderr), /standard input holds CloudTrail events only/);
  });

  it('`tfguard scan -` reads gzipped events from standard input', () => {
    const bin = fileURLToPath(new URL('../../../bin/tfguard.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'scan', '-', '--no-config', '--format', 'json', '--check', 'TFG.AWS.CLOUDTRAIL.36'], {
      input: gzipSync(records(event('GetObject'), event('DeleteTrail'))),
      cwd: dir,
    });
    assert.equal(r.status, 1, String(r.stderr));
    const report = JSON.parse(String(r.stdout)) as { findings: { checkId?: string; id?: string; address: string }[] };
    assert.deepEqual(
      report.findings.map((f) => f.address),
      ['-#Records[1]'],
    );
  });
});
