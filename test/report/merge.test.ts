// `tfguard merge`: the reports of runs split by log prefix combine into the report of one run over all of them,
// in JSON and in SARIF, with duplicates (a prefix scanned twice) removed; bad input is an error.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { mergeReports } from '../../src/report/merge.js';

const root = mkdtempSync(join(tmpdir(), 'tfguard-merge-'));
mkdirSync(join(root, '.git')); // a repository: paths in reports are relative to it
const event = (name: string, i: number, account: string): Record<string, unknown> => ({
  eventVersion: '1.08',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: name,
  eventID: `e-${account}-${i}`,
  eventTime: new Date(Date.UTC(2026, 11, 3, i)).toISOString(),
  recipientAccountId: account,
  requestParameters: { name: 'main' },
});
for (const account of ['111', '222']) {
  const dir = join(root, 'AWSLogs', account, 'CloudTrail');
  mkdirSync(dir, { recursive: true });
  const evs = Array.from({ length: 30 }, (_, i) =>
    event(i % 4 === 0 ? 'StopLogging' : i % 9 === 0 ? 'CreateTrail' : 'GetObject', i, account),
  );
  writeFileSync(join(dir, 'a.json.gz'), gzipSync(JSON.stringify({ Records: evs.slice(0, 15) })));
  writeFileSync(join(dir, 'b.json.gz'), gzipSync(JSON.stringify({ Records: evs.slice(15) })));
}
writeFileSync(join(root, 'AWSLogs', '222', 'broken.json.gz'), 'not gzip');

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: () => {} });
  return { code, out };
}

for (const format of ['json', 'sarif'] as const)
  describe(`merging ${format} reports`, () => {
    it('of two prefixes gives the report of one run over both, and a prefix given twice counts once', async () => {
      const p1 = join(root, 'AWSLogs', '111');
      const p2 = join(root, 'AWSLogs', '222');
      const base = ['--no-config', '--format', format];
      const whole = await run(['scan', p1, p2, ...base]);
      const a = await run(['scan', p1, ...base]);
      const b = await run(['scan', p2, ...base]);
      assert.equal(whole.code, 2, 'the broken file is an error in both');
      const fa = join(root, `a.${format}`);
      const fb = join(root, `b.${format}`);
      writeFileSync(fa, a.out);
      writeFileSync(fb, b.out);
      const merged = await run(['merge', fa, fb, fb]);
      assert.equal(merged.code, 0);
      assert.ok(JSON.parse(whole.out), 'a report');
      assert.deepEqual(JSON.parse(merged.out), JSON.parse(whole.out));
      const out = join(root, `m.${format}`);
      assert.equal((await run(['merge', fb, fa, '--output', out])).code, 0);
      assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), JSON.parse(whole.out), 'the order of the inputs does not matter');
    });
  });

describe('merge refuses', () => {
  it('mixed kinds, other JSON and unreadable files', async () => {
    assert.deepEqual(mergeReports([{ file: 'x.json', text: '{"a": 1}' }]), {
      ok: false,
      message: 'x.json: not a tfguard JSON report (--format json) or SARIF log (--format sarif)',
    });
    const r = mergeReports([
      { file: 'a', text: '{"runs": []}' },
      { file: 'b', text: '{"summary": {}, "findings": []}' },
    ]);
    assert.equal(r.ok, false);
    assert.equal((await run(['merge', join(root, 'missing.json')])).code, 2);
  });
});
