// --max-total-instances (issue 15, session 8): past the limit, the blocks left out of a root module share one
// diagnostic at the first of them, with how many were left out and the flag; nothing left out gives a finding; the
// scan goes on, and a root module still within the limit is checked as usual.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from '../cli/helpers.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-total-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const bucket = (name: string, count?: number): string =>
  `resource "aws_s3_bucket" "${name}" {\n${count === undefined ? '' : `  count  = ${count}\n`}  bucket = "${name}"\n}\n\n`;

interface Json {
  findings: { check_id: string; address: string; file: string; line: number }[];
  diagnostics: { severity: string; code: string; message: string; file: string; line?: number; column?: number; hint?: string }[];
  summary: { resources: number; errors: number };
}

async function scan(dir: string, ...flags: string[]): Promise<{ code: number; json: Json; stderr: string }> {
  const r = await cli(['scan', '--no-config', '--format', 'json', '--quiet', ...flags, dir]);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, r.stderr);
  return { code: r.code, json: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}

const OVER =
  'would make more than 5 module and resource instances in all, over the total instance limit of 5; raise it with --max-total-instances';
const HINT =
  'no check sees what these blocks would make and no finding stands for them (a check looking for a related resource may miss one in them); --max-total-instances N raises the limit';

describe('--max-total-instances: one diagnostic per root module, the scan goes on', () => {
  // a: a0 (1), many (10: left out), a1 (2), more (4: 6 > 5, left out); b: b0, b1, b2 (3 to 5), b3 and b4 left out.
  const dir = project({
    'a/main.tf': bucket('a0') + bucket('many', 10) + bucket('a1') + bucket('more', 4),
    'b/main.tf': ['b0', 'b1', 'b2', 'b3', 'b4'].map((n) => bucket(n)).join(''),
  });

  it('gives one error per root module at the first block left out, counting the others, and the exit code 2', async () => {
    const r = await scan(dir, '--max-total-instances', '5');
    assert.equal(r.code, 2);
    const limits = r.json.diagnostics.filter((d) => d.code === 'limit-reached');
    assert.deepEqual(limits, [
      {
        severity: 'error',
        code: 'limit-reached',
        message: `resource "aws_s3_bucket" "many" and 1 more block of this root module (14 instances, in 1 file) ${OVER}; none of them was evaluated`,
        file: 'a/main.tf',
        line: 5,
        column: 1,
        hint: HINT,
      },
      {
        severity: 'error',
        code: 'limit-reached',
        message: `resource "aws_s3_bucket" "b3" and 1 more block of this root module (2 instances, in 1 file) ${OVER}; none of them was evaluated`,
        file: 'b/main.tf',
        line: 13,
        column: 1,
        hint: HINT,
      },
    ]);
    assert.equal(r.json.diagnostics.length, 2, JSON.stringify(r.json.diagnostics));
    assert.equal(r.json.summary.errors, 2);
    // The same on stderr, compiler-style, once each.
    assert.equal(r.stderr.match(/error\[limit-reached\]/g)?.length, 2, r.stderr);
    assert.match(r.stderr, /--> .*a\/main\.tf:5:1\n/);
  });

  it('evaluates what fits, in both root modules, and gives findings only for it', async () => {
    const r = await scan(dir, '--max-total-instances', '5');
    assert.equal(r.json.summary.resources, 5);
    const addresses = [...new Set(r.json.findings.map((f) => `${f.file} ${f.address}`))].sort();
    assert.deepEqual(addresses, [
      'a/main.tf aws_s3_bucket.a0',
      'a/main.tf aws_s3_bucket.a1',
      'b/main.tf aws_s3_bucket.b0',
      'b/main.tf aws_s3_bucket.b1',
      'b/main.tf aws_s3_bucket.b2',
    ]);
  });

  it('a single block left out keeps the message about that block', async () => {
    const r = await scan(project({ 'main.tf': bucket('a') + bucket('b', 3) + bucket('c') }), '--max-total-instances', '3');
    assert.equal(r.code, 2);
    assert.deepEqual(
      r.json.diagnostics.map((d) => [d.code, d.file, d.line, d.column, d.message]),
      [['limit-reached', 'main.tf', 5, 1, `resource "aws_s3_bucket" "b" ${OVER.replaceAll('5', '3')}; it was not evaluated`]],
    );
    assert.deepEqual([...new Set(r.json.findings.map((f) => f.address))].sort(), ['aws_s3_bucket.a', 'aws_s3_bucket.c']);
  });

  it('within the limit: no diagnostic, every block evaluated', async () => {
    const r = await scan(dir, '--max-total-instances', '21');
    assert.deepEqual(r.json.diagnostics, []);
    assert.equal(r.json.summary.resources, 21);
    assert.equal(r.code, 1);
  });

  it('a thousand blocks past the limit still give one diagnostic', async () => {
    const text = Array.from({ length: 1002 }, (_, i) => bucket(`b${i}`)).join('');
    const r = await scan(project({ 'main.tf': text }), '--max-total-instances', '2');
    const [d, ...rest] = r.json.diagnostics;
    assert.deepEqual(rest, []);
    assert.equal(d?.line, 9);
    assert.equal(
      d?.message,
      'resource "aws_s3_bucket" "b2" and 999 more blocks of this root module (1000 instances, in 1 file) would make more than 2 module and resource instances in all, over the total instance limit of 2; raise it with --max-total-instances; none of them was evaluated',
    );
    assert.equal(r.json.summary.resources, 2);
  });
});
