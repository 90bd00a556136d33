// --max-total-instances (issue 15, session 8): past the limit, the blocks left out of a root module share one
// diagnostic at the first of them, with how many were left out and the flag; nothing left out gives a finding; the
// scan goes on, and a root module still within the limit is checked as usual.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MIN_SHARDED_DIRS } from '../../src/scan/inputs.js';
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

const OVER = (n: number): string =>
  `would make more than ${n} module and resource instances in this root module, over the total instance limit of ${n}; raise it with --max-total-instances`;
const HINT =
  'no check sees what these blocks would make and no finding stands for them (a check looking for a related resource may miss one in them); --max-total-instances N raises the limit';

describe('--max-total-instances: counted per root module, one diagnostic for each, the scan goes on', () => {
  // a: a0 (1), many (10: left out), a1 (2), more (4: 6 > 5, left out), a2 to a4 (3 to 5), a5 (left out);
  // b: b0, b1 (a root module of its own: 1 and 2); c: c0 to c4, c5 left out.
  const six = (p: string): string => [0, 1, 2, 3, 4, 5].map((i) => bucket(`${p}${i}`)).join('');
  const dir = project({
    'a/main.tf':
      bucket('a0') + bucket('many', 10) + bucket('a1') + bucket('more', 4) + ['a2', 'a3', 'a4', 'a5'].map((n) => bucket(n)).join(''),
    'b/main.tf': bucket('b0') + bucket('b1'),
    'c/main.tf': six('c'),
  });

  it('gives one error per root module over the limit, at the first block left out, counting the others; exit code 2', async () => {
    const r = await scan(dir, '--max-total-instances', '5');
    assert.equal(r.code, 2);
    assert.deepEqual(r.json.diagnostics, [
      {
        severity: 'error',
        code: 'limit-reached',
        message: `resource "aws_s3_bucket" "many" and 2 more blocks (15 instances, in 1 file) ${OVER(5)}; none of them was evaluated`,
        file: 'a/main.tf',
        line: 5,
        column: 1,
        hint: HINT,
      },
      {
        severity: 'error',
        code: 'limit-reached',
        message: `resource "aws_s3_bucket" "c5" ${OVER(5)}; it was not evaluated`,
        file: 'c/main.tf',
        line: 21,
        column: 1,
        hint: 'no check sees what this block would make and no finding stands for it (a check looking for a related resource may miss one in it); --max-total-instances N raises the limit',
      },
    ]);
    assert.equal(r.json.summary.errors, 2);
    // The same on stderr, compiler-style, once each.
    assert.equal(r.stderr.match(/error\[limit-reached\]/g)?.length, 2, r.stderr);
    assert.match(r.stderr, /--> .*a\/main\.tf:5:1\n/);
  });

  it('evaluates what fits in each root module, the next root module after one over the limit too, and gives findings only for it', async () => {
    const r = await scan(dir, '--max-total-instances', '5');
    assert.equal(r.json.summary.resources, 12);
    const addresses = [...new Set(r.json.findings.map((f) => `${f.file} ${f.address}`))].sort();
    assert.deepEqual(addresses, [
      ...['a0', 'a1', 'a2', 'a3', 'a4'].map((n) => `a/main.tf aws_s3_bucket.${n}`),
      'b/main.tf aws_s3_bucket.b0',
      'b/main.tf aws_s3_bucket.b1',
      ...['c0', 'c1', 'c2', 'c3', 'c4'].map((n) => `c/main.tf aws_s3_bucket.${n}`),
    ]);
  });

  it('within the limit: no diagnostic, every block evaluated', async () => {
    const r = await scan(dir, '--max-total-instances', '20');
    assert.deepEqual(r.json.diagnostics, []);
    assert.equal(r.json.summary.resources, 28);
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
      `resource "aws_s3_bucket" "b2" and 999 more blocks (1000 instances, in 1 file) ${OVER(2)}; none of them was evaluated`,
    );
    assert.equal(r.json.summary.resources, 2);
  });

  it('counted per root module, the result is the same when the roots are shared out over threads', { timeout: 120_000 }, async () => {
    const files: Record<string, string> = {};
    const roots = MIN_SHARDED_DIRS + 10;
    for (let i = 0; i < roots; i++) files[`r${String(i).padStart(3, '0')}/main.tf`] = bucket('x') + bucket('y') + bucket('z');
    const many = project(files);
    const one = await scan(many, '--max-total-instances', '2', '--jobs', '1');
    const two = await scan(many, '--max-total-instances', '2', '--jobs', '2');
    assert.equal(one.json.summary.resources, 2 * roots);
    assert.equal(one.json.diagnostics.length, roots);
    for (const d of one.json.diagnostics) {
      assert.match(d.file, /^r\d{3}\/main\.tf$/);
      assert.deepEqual([d.line, d.message], [9, `resource "aws_s3_bucket" "z" ${OVER(2)}; it was not evaluated`]);
    }
    assert.deepEqual(two.json.diagnostics, one.json.diagnostics);
    assert.deepEqual(two.json.findings, one.json.findings);
    assert.equal(two.json.summary.resources, one.json.summary.resources);
  });
});
