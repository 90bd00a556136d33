// Issue 12: a compressed input is decompressed with a cap on what it expands to (--max-expanded-size): a small
// .json.gz that expands to 150 MB of events is refused with a diagnostic naming the flag, not read into the heap.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { gunzipCapped } from '../../src/common/gunzip.js';
import { cli } from '../cli/helpers.js';

const event = JSON.stringify({
  eventVersion: '1.08',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'StopLogging',
  eventTime: '2026-01-01T00:00:00Z',
  requestParameters: { name: 'audit' },
});

describe('gzip input has a cap on its expanded size', () => {
  it('a 150 MB bomb in a small .json.gz is refused, naming --max-expanded-size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-gzip-'));
    // One member of 1 MB of events, repeated: gzip readers decompress every member, so 150 of them are 150 MB.
    const mb = `{"Records":[${Array.from({ length: Math.ceil(2 ** 20 / (event.length + 1)) }, () => event).join(',')}`;
    const member = gzipSync(mb, { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 150 }, () => member));
    assert.ok(bomb.length < 2 ** 20, `${bomb.length} bytes compressed`);
    writeFileSync(join(dir, 'bomb.json.gz'), bomb);
    // A CloudTrail log is streamed: records are read until the cap (a low one keeps the test quick; the default
    // is 64 MiB, tested on gunzipCapped below).
    const r = await cli(['scan', '--no-config', '--format', 'json', '--max-expanded-size', String(2 * 2 ** 20), join(dir, 'bomb.json.gz')]);
    assert.equal(r.code, 2);
    const json = JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; message: string }[] };
    assert.deepEqual(
      json.diagnostics.map((d) => [d.severity, d.code, d.message]),
      [
        [
          'error',
          'file-too-large',
          'the compressed data expands to more than 2097152 bytes, the limit for compressed input; raise it with --max-expanded-size; the records after that point were not read',
        ],
      ],
    );
  });

  it('the flag moves the cap; under it the log is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-gzip-'));
    writeFileSync(join(dir, 'log.json.gz'), gzipSync(`{"Records":[${event}]}`));
    const low = await cli(['resources', '--max-expanded-size', '50', join(dir, 'log.json.gz')]);
    assert.equal(low.code, 2);
    assert.match(low.stderr, /expands to more than 50 bytes.*--max-expanded-size/);
    const ok = await cli(['resources', join(dir, 'log.json.gz')]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /StopLogging/);
  });

  it('gunzipCapped: the data, too large, or the zlib error', () => {
    const z = gzipSync('x'.repeat(1000));
    const r = gunzipCapped(z, 1000);
    assert.equal('data' in r ? r.data.length : -1, 1000);
    assert.ok('tooLarge' in gunzipCapped(z, 999));
    assert.ok('error' in gunzipCapped(z.subarray(0, 10), 1000));
  });
});
