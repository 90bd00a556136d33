// Issue 12: budgets instead of hangs and crashes. Each limit, when reached, gives a diagnostic at file:line:col that
// names the limit and the flag raising it; the value is unknown with that reason; the rest of the scan goes on.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from '../cli/helpers.js';

const AFTER = 'resource "aws_s3_bucket" "after" {\n  bucket = "ok"\n}\n';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-budget-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

interface Resources {
  resources: { address: string; values: Record<string, unknown> }[];
  diagnostics: { severity: string; code: string; message: string; file: string; line?: number; column?: number; hint?: string }[];
}

async function resources(path: string, ...flags: string[]): Promise<{ code: number; json: Resources; stderr: string }> {
  const r = await cli(['resources', '--format', 'json', ...flags, path]);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, r.stderr);
  return { code: r.code, json: JSON.parse(r.stdout) as Resources, stderr: r.stderr };
}

const limitDiagnostics = (j: Resources): Resources['diagnostics'] => j.diagnostics.filter((d) => d.code === 'limit-reached');
const value = (j: Resources, address: string, key: string): unknown => j.resources.find((r) => r.address === address)?.values[key];

describe('budgets: a diagnostic naming the limit and its flag, an unknown, and the scan goes on', () => {
  it('doubling string templates stop at --max-string-length, not at a RangeError', async () => {
    const lines = ['locals {', '  a0 = "xxxxxxxxxxxxxxxx"'];
    for (let i = 1; i <= 40; i++) lines.push(`  a${i} = "\${local.a${i - 1}}\${local.a${i - 1}}"`);
    lines.push('}', 'resource "aws_s3_bucket" "b" {', '  bucket = local.a40', '}', AFTER);
    const dir = project({ 'main.tf': lines.join('\n') });
    const r = await resources(dir);
    assert.equal(r.code, 2);
    const [d, ...more] = limitDiagnostics(r.json);
    assert.deepEqual(more, []);
    // 16 × 2^21 = 33,554,432 characters is the first template over the default 16 MiB.
    assert.equal(d!.line, 23);
    assert.equal(d!.column, 9);
    assert.match(
      d!.message,
      /^cannot evaluate local\.a21: a template of \d+ characters or more, over the string length limit of 16777216; raise it with --max-string-length$/,
    );
    assert.deepEqual(value(r.json, 'aws_s3_bucket.b', 'bucket'), {
      $unknown: { reasons: [`limit reached: ${d!.message.replace('cannot evaluate local.a21: ', '')}`] },
    });
    assert.equal(value(r.json, 'aws_s3_bucket.after', 'bucket'), 'ok');
    // The flag moves the limit.
    const low = await resources(dir, '--max-string-length', '1000');
    assert.equal(limitDiagnostics(low.json)[0]!.line, 8); // a6: 1,024 characters
  });

  it('doubling lists stop at --max-collection-size, in well under a second', async () => {
    const lines = ['locals {', '  a0 = [1]'];
    for (let i = 1; i <= 30; i++) lines.push(`  a${i} = [local.a${i - 1}, local.a${i - 1}]`);
    lines.push('}', 'resource "aws_s3_bucket" "b" {', '  tags = { n = length(flatten(local.a30)) }', '}', AFTER);
    const r = await resources(project({ 'main.tf': lines.join('\n') }));
    const [d, ...more] = limitDiagnostics(r.json);
    assert.deepEqual(more, []);
    assert.equal(d!.line, 21); // a19: 2^20 - 1 elements with the lists
    assert.match(d!.message, /over the collection size limit of 1000000; raise it with --max-collection-size$/);
    assert.equal(value(r.json, 'aws_s3_bucket.after', 'bucket'), 'ok');
  });

  it('a for inside a for over range(1e5) stops as it grows, not after building 10^10 elements', async () => {
    const dir = project({
      'main.tf': `locals {\n  x = [for i in range(100000) : [for j in range(100000) : j]]\n}\nresource "aws_s3_bucket" "b" {\n  bucket = length(local.x)\n}\n${AFTER}`,
    });
    const r = await resources(dir);
    const [d] = limitDiagnostics(r.json);
    assert.equal(d!.line, 2);
    assert.match(d!.message, /a "for" expression of more than 1000000 elements.*--max-collection-size/);
  });

  it('evaluation steps per module: --max-eval-steps, reported once for the module', async () => {
    const dir = project({
      'main.tf': [
        'locals {',
        '  a = length([for i in range(3000) : length([for j in range(3000) : j])])',
        '  b = length([for i in range(3000) : length([for j in range(3000) : j])])',
        '}',
        'resource "aws_s3_bucket" "b" {',
        '  bucket = local.a',
        '  acl    = local.b',
        '}',
        AFTER,
      ].join('\n'),
    });
    const r = await resources(dir, '--max-eval-steps', '100000');
    const ds = limitDiagnostics(r.json);
    assert.equal(ds.length, 1, JSON.stringify(ds));
    assert.match(
      ds[0]!.message,
      /more than 100000 steps, over the evaluation steps per module limit of 100000; raise it with --max-eval-steps$/,
    );
    for (const k of ['bucket', 'acl']) assert.ok((value(r.json, 'aws_s3_bucket.b', k) as { $unknown?: unknown }).$unknown, k);
  });

  it('count over --max-instances: one instance of unknown key, with a diagnostic at count', async () => {
    const r = await resources(project({ 'main.tf': `resource "aws_s3_bucket" "b" {\n  count = 20000\n  bucket = "x"\n}\n${AFTER}` }));
    const [d] = limitDiagnostics(r.json);
    assert.deepEqual([d!.line, d!.column], [2, 11]);
    assert.match(d!.message, /^count gives 20000 instances, over the instance count limit of 10000; raise it with --max-instances$/);
    assert.deepEqual(
      r.json.resources.map((x) => x.address),
      ['aws_s3_bucket.b', 'aws_s3_bucket.after'],
    );
  });

  it('modules nested with count multiply: --max-total-instances stops them, instead of running out of memory', async () => {
    const files: Record<string, string> = { 'main.tf': 'module "top" {\n  source = "./m0"\n  count  = 10\n}\n' };
    for (let i = 0; i < 3; i++) files[`m${i}/main.tf`] = `module "next" {\n  source = "../m${i + 1}"\n  count  = 10\n}\n`;
    files['m3/main.tf'] = 'resource "aws_cloudtrail" "t" {\n  is_multi_region_trail = false\n}\n';
    const dir = project(files);
    const r = await resources(dir, '--max-total-instances', '500');
    assert.equal(r.code, 2);
    // One diagnostic for the root module, at the first block left out, counting the others (issue 15, session 8).
    const ds = limitDiagnostics(r.json);
    assert.equal(ds.length, 1, JSON.stringify(ds));
    assert.match(ds[0]!.file, /m\d\/main\.tf$/);
    assert.equal(ds[0]!.line, 1);
    assert.match(
      ds[0]!.message,
      /^(module "next"|resource "aws_cloudtrail" "t") and \d+ more blocks? \(\d+ instances, in \d files, left out \d+ times across module instances\) would make more than 500 module and resource instances in this root module, over the total instance limit of 500; raise it with --max-total-instances; none of them was evaluated$/,
    );
    assert.ok(r.json.resources.length <= 500);
    // Under the limit, every instance is there: 10^4 trails through 4 levels (11,110 modules and 10,000 trails).
    const all = await resources(dir, '--max-total-instances', '30000');
    assert.equal(all.json.resources.length, 10_000);
  });

  it('3,000 chained conditionals: a diagnostic naming the depth limit, never a silent unknown; 1,500 evaluate', async () => {
    const chain = (n: number, cond: string): string => `${cond} ? "a" : `.repeat(n) + '"z"';
    const r = await resources(project({ 'main.tf': `resource "aws_s3_bucket" "b" {\n  bucket = ${chain(3000, 'true')}\n}\n${AFTER}` }));
    const d = r.json.diagnostics.find((x) => x.code === 'syntax');
    assert.equal(d?.line, 2);
    assert.match(d!.message, /nested deeper than tfguard's parser reads \(2000 units/);
    assert.equal(value(r.json, 'aws_s3_bucket.after', 'bucket'), 'ok');
    const ok = await resources(project({ 'main.tf': `resource "aws_s3_bucket" "b" {\n  bucket = ${chain(1500, 'false')}\n}\n` }));
    assert.deepEqual(ok.json.diagnostics, []);
    assert.equal(value(ok.json, 'aws_s3_bucket.b', 'bucket'), 'z');
  });

  it('unknown conditions nested past --max-depth give the depth diagnostic', async () => {
    const r = await resources(
      project({
        'main.tf': `variable "x" {\n  type = bool\n}\nresource "aws_s3_bucket" "b" {\n  bucket = ${'var.x ? "a" : '.repeat(800)}"z"\n}\n`,
      }),
    );
    const [d] = limitDiagnostics(r.json);
    assert.match(d!.message, /an expression nested more than 500 deep, over the nesting depth limit of 500; raise it with --max-depth$/);
  });

  it('a template nested 64 deep is read; one nested past the depth budget gives one diagnostic, and the next resource is kept', async () => {
    const nest = (n: number): string => {
      let t = '"x"';
      for (let i = 0; i < n; i++) t = `"\${${t}}"`;
      return t;
    };
    const ok = await resources(project({ 'main.tf': `resource "aws_s3_bucket" "b" {\n  bucket = ${nest(64)}\n}\n${AFTER}` }));
    assert.deepEqual(ok.json.diagnostics, []);
    assert.equal(value(ok.json, 'aws_s3_bucket.b', 'bucket'), 'x');
    const deep = await resources(project({ 'main.tf': `resource "aws_s3_bucket" "b" {\n  bucket = ${nest(600)}\n}\n${AFTER}` }));
    const d = deep.json.diagnostics.find((x) => x.code === 'syntax');
    assert.equal(d?.line, 2);
    assert.match(d!.message, /^expression nested deeper than tfguard's parser reads \(2000 units/);
    assert.equal(deep.json.diagnostics.filter((x) => x.severity === 'error').length, 1, JSON.stringify(deep.json.diagnostics));
    assert.equal(value(deep.json, 'aws_s3_bucket.after', 'bucket'), 'ok');
  });

  it('plan values 3,000 deep and CloudTrail requestParameters 5,000 deep: cut at --max-depth, no crash', async () => {
    const deep = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    const dir = project({
      'plan.json': `{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{"bucket":"x","tags":${deep(3000)}}}]}}}`,
      'log.json': `{"Records":[{"eventVersion":"1.08","eventSource":"cloudtrail.amazonaws.com","eventName":"CreateTrail","eventTime":"2026-01-01T00:00:00Z","requestParameters":${deep(5000)}}]}`,
    });
    const plan = await resources(join(dir, 'plan.json'));
    assert.equal(plan.code, 2);
    assert.equal(value(plan.json, 'aws_s3_bucket.b', 'bucket'), 'x');
    assert.match(
      limitDiagnostics(plan.json)[0]!.message,
      /^the plan's value of aws_s3_bucket\.b is JSON nested more than 500 deep.*--max-depth/,
    );
    const log = await resources(join(dir, 'log.json'));
    assert.equal(log.code, 2);
    assert.match(limitDiagnostics(log.json)[0]!.message, /^an event \(Records\[0\]\) is JSON nested more than 500 deep.*--max-depth/);
    const scan = await cli(['scan', '--no-config', join(dir, 'log.json')]);
    assert.doesNotMatch(scan.stderr, /internal error/);
    assert.match(scan.stdout, /1 error in the input: results may be incomplete/);
  });

  it('a .tf.json value nested past the JSON reader: its block is not analysed, the other blocks of the file are', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const dir = project({ 'main.tf.json': `{"resource":{"aws_s3_bucket":{"b":{"tags":{"x":${deep}}},"after":{"bucket":"ok"}}}}` });
    const r = await resources(dir);
    const d = r.json.diagnostics.find((x) => x.code === 'syntax');
    assert.match(
      d!.message,
      /^JSON is nested more than 200 levels deep, deeper than tfguard's JSON reader goes; this value was not analysed$/,
    );
    assert.deepEqual(
      r.json.resources.map((x) => x.address),
      ['aws_s3_bucket.after'],
    );
  });

  it('jsondecode of deep JSON is the depth budget, not an error of the code', async () => {
    const text = JSON.stringify('['.repeat(2000) + ']'.repeat(2000));
    const r = await resources(project({ 'main.tf': `resource "aws_s3_bucket" "b" {\n  bucket = jsondecode(${text})\n}\n` }));
    const [d] = limitDiagnostics(r.json);
    assert.match(d!.message, /JSON nested more than 500 deep.*--max-depth/);
  });
});
