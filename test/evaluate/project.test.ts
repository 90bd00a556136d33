import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Project, Resource } from '../../src/evaluate/model.js';
import { evaluateProject, loadProject } from '../../src/evaluate/project.js';
import { Unknown, isUnknown } from '../../src/evaluate/value.js';
import { fixture } from '../helpers/paths.js';

function byAddress(p: Project, address: string): Resource {
  const r = p.resources.find((x) => x.address === address);
  assert.ok(r, `no resource ${address}; have ${p.resources.map((x) => x.address).join(', ')}`);
  return r;
}

function line(r: Resource, path: string): number | undefined {
  return r.ranges[path]?.start.line;
}

describe('variables, tfvars and locals', () => {
  let p: Project;
  before(async () => {
    p = await loadProject(fixture('load', 'variables'), { env: { TF_VAR_region: 'ap-south-1' } });
  });

  it('applies tfvars over TF_VAR_ over defaults, auto.tfvars in lexical order', () => {
    const t = byAddress(p, 'aws_cloudtrail.main');
    // terraform.tfvars (eu-west-1) beats TF_VAR_region (ap-south-1) beats the default.
    assert.equal(t.values.name, 'trail-eu-west-1');
    // b.auto.tfvars is read after a.auto.tfvars, so it wins.
    assert.equal(t.values.auto, 'b-auto');
  });

  it('converts tfvars numbers and evaluates operators', () => {
    assert.equal(byAddress(p, 'aws_cloudtrail.main').values.is_multi_region_trail, true);
  });

  it('evaluates locals in any order, with functions', () => {
    const t = byAddress(p, 'aws_cloudtrail.main');
    assert.equal(t.values.comment, 'EU-WEST-1-b');
    assert.deepEqual({ ...(t.values.tags as object) }, { team: 'platform', Name: 'trail-eu-west-1' });
  });

  it('keeps a variable without value unknown, with the reason', () => {
    const v = byAddress(p, 'aws_cloudtrail.main').values.kms_key_id;
    assert.ok(isUnknown(v));
    assert.equal((v as Unknown).describe(), 'var.unset has no value');
    assert.equal((v as Unknown).nonEmpty, false);
  });

  it('keeps references unknown but remembers the address', () => {
    const t = byAddress(p, 'aws_cloudtrail.main');
    const v = t.values.s3_bucket_name as Unknown;
    assert.ok(isUnknown(v));
    assert.deepEqual(v.refs, ['aws_s3_bucket.logs.id']);
    assert.equal(v.nonEmpty, true);
    assert.deepEqual(t.references.s3_bucket_name, ['aws_s3_bucket.logs.id']);
  });

  it('records header and attribute lines', () => {
    const t = byAddress(p, 'aws_cloudtrail.main');
    assert.equal(t.location.range.start.line, 29);
    assert.equal(line(t, 'name'), 30);
    assert.equal(line(t, 'kms_key_id'), 33);
    assert.equal(line(t, 'tags'), 34);
    assert.equal(t.blockRange.end.line, 37);
  });

  it('--var and --var-file win over tfvars, in command-line order', async () => {
    const q = await loadProject(fixture('load', 'variables'), {
      env: {},
      cliVariables: [
        { kind: 'var', text: 'region=us-west-2' },
        { kind: 'var', text: 'retention=10' },
      ],
    });
    const t = byAddress(q, 'aws_cloudtrail.main');
    assert.equal(t.values.name, 'trail-us-west-2');
    assert.equal(t.values.is_multi_region_trail, false);
  });
});

describe('count and for_each', () => {
  let p: Project;
  before(async () => {
    p = await loadProject(fixture('load', 'expansion'), { env: {} });
  });

  it('expands count with count.index and instance addresses', () => {
    assert.equal(byAddress(p, 'aws_s3_bucket.counted[0]').values.bucket, 'bucket-0');
    assert.equal(byAddress(p, 'aws_s3_bucket.counted[1]').values.bucket, 'bucket-1');
    assert.equal(byAddress(p, 'aws_s3_bucket.counted[1]').index, 1);
  });

  it('expands for_each over a set and a map with each.key/each.value', () => {
    assert.equal(byAddress(p, 'aws_s3_bucket.each_set["a"]').values.bucket, 'set-a-a');
    assert.equal(byAddress(p, 'aws_s3_bucket.each_set["b"]').values.bucket, 'set-b-b');
    assert.equal(p.resources.filter((r) => r.name === 'each_set').length, 2);
    assert.equal(byAddress(p, 'aws_s3_bucket.each_map["logs"]').values.bucket, 'logs=l');
    assert.equal(byAddress(p, 'aws_s3_bucket.each_map["data"]').index, 'data');
  });

  it('count = 0 gives no instance', () => {
    assert.equal(p.resources.filter((r) => r.name === 'none').length, 0);
  });

  it('an unknown count gives one instance standing for all, with count.index unknown', () => {
    const r = byAddress(p, 'aws_s3_bucket.unknown_count');
    assert.match(r.expansionUnknown ?? '', /count is not known \(var\.n has no value\)/);
    assert.ok(isUnknown(r.values.bucket));
    assert.equal(r.values.acl, 'private');
  });
});

describe('dynamic blocks', () => {
  let p: Project;
  before(async () => {
    p = await loadProject(fixture('load', 'dynamic'), { env: {} });
  });

  it('expands dynamic blocks after static ones, with a custom iterator', () => {
    const sg = byAddress(p, 'aws_security_group.web');
    const ingress = sg.values.ingress as { from_port: number; cidr_blocks: string[] }[];
    assert.deepEqual(
      ingress.map((i) => [i.from_port, i.cidr_blocks]),
      [
        [80, ['0.0.0.0/0']],
        [22, ['10.0.0.0/8']],
        [443, ['0.0.0.0/0']],
      ],
    );
    assert.equal(line(sg, 'ingress.0'), 13);
    assert.equal(line(sg, 'ingress.0.from_port'), 14);
    assert.equal(line(sg, 'ingress.2'), 18);
    assert.equal(line(sg, 'ingress.2.cidr_blocks'), 23);
  });

  it('a dynamic block over an unknown collection makes the block list unknown', () => {
    const sg = byAddress(p, 'aws_security_group.unknown');
    assert.ok(isUnknown(sg.values.egress));
  });
});

describe('modules', () => {
  let p: Project;
  before(async () => {
    p = await loadProject(fixture('load', 'modules', 'root'), { env: {} });
  });

  it('evaluates local modules with inputs and for_each, through outputs', () => {
    const eu = byAddress(p, 'module.trails["eu"].aws_cloudtrail.this');
    assert.equal(eu.values.name, 'trail-eu');
    assert.equal(eu.module, 'module.trails["eu"]');
    // The bucket name flows from module.logs's output, which is a reference inside that module.
    const bucket = eu.values.s3_bucket_name as Unknown;
    assert.deepEqual(bucket.refs, ['module.logs.aws_s3_bucket.this.bucket']);
    const kms = eu.values.kms_key_id as Unknown;
    assert.deepEqual(kms.refs, ['aws_kms_key.trail.arn']);
    assert.deepEqual(eu.references.kms_key_id, ['aws_kms_key.trail.arn']);
    assert.equal(eu.location.file, fixture('load', 'modules', 'root', 'modules', 'trail', 'main.tf'));
    assert.equal(line(eu, 'kms_key_id'), 10);
    assert.deepEqual(
      eu.moduleCalls.map((c) => [c.address, c.location.range.start.line]),
      [['module.trails["eu"]', 10]],
    );
    assert.equal(byAddress(p, 'module.logs.aws_s3_bucket.this').values.bucket, 'org-trail-logs');
  });

  it('reads modules installed by terraform init', () => {
    const vpc = byAddress(p, 'module.remote_vpc.aws_vpc.this');
    assert.deepEqual({ ...(vpc.values.tags as object) }, { Name: 'main' });
  });

  it('records remote modules that are not installed, with a note', () => {
    const m = p.modules.find((x) => x.address === 'module.not_installed');
    assert.ok(m?.skipped);
    assert.ok(p.diagnostics.some((d) => d.code === 'module-not-installed' && d.range?.start.line === 25));
  });

  it('does not scan called module directories as roots of their own', () => {
    assert.equal(p.resources.filter((r) => r.type === 'aws_cloudtrail').length, 2);
    assert.ok(!p.resources.some((r) => r.address === 'aws_s3_bucket.this'));
  });
});

describe('bad input', () => {
  it('keeps going after a syntax error, with file:line:col', async () => {
    const p = await loadProject(fixture('load', 'bad', 'syntax'), { env: {} });
    const syntax = p.diagnostics.filter((d) => d.code === 'syntax');
    assert.ok(syntax.length >= 1);
    assert.ok(syntax[0]!.file.endsWith('broken.tf'));
    assert.equal(syntax[0]!.range?.start.line, 6);
    assert.ok(p.resources.some((r) => r.address === 'aws_s3_bucket.other'));
    assert.ok(p.resources.some((r) => r.address === 'aws_s3_bucket.ok'));
    // The broken block itself is not evaluated: its missing attributes would look like findings.
    assert.ok(!p.resources.some((r) => r.address === 'aws_s3_bucket.broken'));
    assert.ok(p.diagnostics.some((d) => d.code === 'skipped-block' && d.range?.start.line === 5));
    const dup = p.diagnostics.find((d) => d.code === 'duplicate-attribute');
    assert.equal(dup?.range?.start.line, 3);
  });

  it('reports module cycles and sources outside the scan root', async () => {
    const c = await loadProject(fixture('load', 'bad', 'cycle'), { env: {} });
    assert.ok(c.diagnostics.some((d) => d.code === 'module-cycle'));
    assert.ok(c.resources.some((r) => r.address === 'module.a.aws_s3_bucket.in_a'));
    const o = await loadProject(fixture('load', 'bad', 'outside'), { env: {} });
    const d = o.diagnostics.find((x) => x.code === 'module-outside-root');
    assert.equal(d?.range?.start.line, 2);
    // Judged by the path, before looking: the same error whether or not the directory exists.
    const lines = o.diagnostics.filter((x) => x.code === 'module-outside-root').map((x) => x.range?.start.line);
    assert.deepEqual(lines, [2, 11]);
    assert.ok(!o.diagnostics.some((x) => x.code === 'module-not-found'));
    assert.ok(o.resources.some((r) => r.address === 'aws_s3_bucket.still_here'));
  });

  it('reports local cycles and undeclared variables, and evaluates the rest', async () => {
    const p = await loadProject(fixture('load', 'bad', 'locals'), { env: {} });
    assert.ok(p.diagnostics.some((d) => d.code === 'cycle' && /local\.a depends on itself/.test(d.message)));
    const und = p.diagnostics.find((d) => d.code === 'undeclared-variable');
    assert.equal(und?.range?.start.line, 10);
    const x = byAddress(p, 'aws_s3_bucket.x');
    assert.equal(x.values.acl, 'ok');
    assert.ok(isUnknown(x.values.bucket));
  });

  it('skips binary and non-UTF-8 files with a diagnostic, scans the rest', async () => {
    const p = await loadProject(fixture('load', 'bad', 'binary'), { env: {} });
    assert.ok(p.diagnostics.some((d) => d.code === 'binary' && d.file.endsWith('binary.tf')));
    const enc = p.diagnostics.find((d) => d.code === 'encoding');
    assert.ok(enc?.file.endsWith('latin1.tf'));
    assert.match(enc!.message, /line 1/);
    assert.ok(p.resources.some((r) => r.address === 'aws_s3_bucket.fine'));
  });

  it('skips files over the size limit', async () => {
    const p = await loadProject(fixture('load', 'bad', 'syntax'), { env: {}, maxFileBytes: 60 });
    assert.ok(p.diagnostics.some((d) => d.code === 'file-too-large'));
  });

  it('detects symlink loops and does not follow links out of the root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-links-'));
    const root = join(dir, 'root');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'sub', 'main.tf'), 'resource "aws_s3_bucket" "b" {}\n');
    symlinkSync('..', join(root, 'sub', 'loop'));
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside', 'x.tf'), 'resource "aws_s3_bucket" "secret" {}\n');
    symlinkSync(join(dir, 'outside'), join(root, 'out'));
    const p = await loadProject(root, { env: {} });
    assert.ok(p.diagnostics.some((d) => d.code === 'symlink-loop'));
    assert.ok(p.diagnostics.some((d) => d.code === 'outside-root'));
    assert.deepEqual(
      p.resources.map((r) => r.address),
      ['aws_s3_bucket.b'],
    );
  });

  it('applies --exclude globs to folders and files', async () => {
    const all = await loadProject(fixture('load'), { env: {} });
    assert.ok(all.diagnostics.some((d) => d.code === 'binary'));
    const p = await loadProject(fixture('load'), { env: {}, exclude: ['bad', '**/expansion/main.tf'] });
    assert.ok(!p.diagnostics.some((d) => d.file.includes('/bad/')));
    assert.ok(!p.resources.some((r) => r.name === 'counted'));
    assert.ok(p.resources.some((r) => r.address === 'aws_security_group.web'));
  });

  it('applies --exclude to a file beside others in its directory, with and without parse workers', async () => {
    const dir = fixture('load', 'override');
    for (const jobs of [1, 2]) {
      const one = await loadProject(dir, { env: {}, jobs, exclude: ['b_override.tf'] });
      assert.ok(!one.diagnostics.some((d) => d.code === 'override-without-base'), `jobs ${jobs}`);
      assert.ok(!one.files.some((f) => f.path.endsWith('b_override.tf')));
      assert.deepEqual({ ...(byAddress(one, 'aws_cloudtrail.main').values.tags as object) }, { team: 'a' });
      const none = await loadProject(dir, { env: {}, jobs, exclude: ['**/*_override.tf'] });
      assert.equal(byAddress(none, 'aws_cloudtrail.main').values.is_multi_region_trail, true);
      assert.deepEqual(
        none.files.map((f) => f.path.slice(dir.length + 1)),
        ['main.tf'],
      );
    }
    assert.equal(
      byAddress(evaluateProject(dir, { env: {}, exclude: ['*_override.tf'] }), 'aws_cloudtrail.main').values.is_multi_region_trail,
      true,
    );
  });

  it('reports a path that does not exist', async () => {
    const p = await loadProject(fixture('load', 'nope'), { env: {} });
    assert.equal(p.diagnostics[0]?.code, 'not-found');
    assert.equal(p.resources.length, 0);
  });
});

describe('type constraints', () => {
  let p: Project;
  before(async () => {
    p = await loadProject(fixture('load', 'types'), { env: {} });
  });

  it('fills optional object attributes with their defaults or null', () => {
    const logs = byAddress(p, 'aws_s3_bucket.b["logs"]');
    assert.deepEqual({ ...(logs.values.tags as object) }, { versioned: true });
    assert.equal(logs.values.kms, null);
    const data = byAddress(p, 'aws_s3_bucket.b["data"]');
    assert.deepEqual({ ...(data.values.tags as object) }, { versioned: false });
    assert.equal(data.values.kms, 'alias/data');
    assert.ok(!p.diagnostics.some((d) => d.code === 'eval-error'));
  });

  it('converts primitives and reports values of the wrong type', () => {
    const l = byAddress(p, 'aws_lb_listener.l');
    assert.equal(l.values.port, 443);
    assert.ok(isUnknown(l.values.list));
    const d = p.diagnostics.find((x) => x.code === 'variable-type');
    assert.match(d?.message ?? '', /variable "wrong": a list is required, got an object/);
    assert.equal(d?.range?.start.line, 19);
  });
});

describe('origins: where each value was written', () => {
  it('follows conditionals, coalesce() and locals to the literal that was chosen; arithmetic names no origin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-origins-'));
    writeFileSync(
      join(dir, 'main.tf'),
      [
        'variable "strict" {',
        '  default = false',
        '}',
        'variable "override" {',
        '  default = null',
        '}',
        'locals {',
        '  chosen = var.strict ? "yes" : "no"',
        '}',
        'resource "aws_s3_bucket" "b" {',
        '  bucket = local.chosen',
        '  acl    = coalesce(var.override, local.chosen)',
        '  tags = {',
        '    Strict = var.strict',
        '  }',
        '  force_destroy = !var.strict',
        '}',
        '',
      ].join('\n'),
    );
    const p = await loadProject(dir, { env: {} });
    const b = byAddress(p, 'aws_s3_bucket.b');
    const hops = (path: string): string[] | undefined => b.origins?.[path]?.map((o) => `${o.range.start.line}:${o.what}`);
    assert.deepEqual(hops('bucket'), ['8:local.chosen']);
    assert.deepEqual(hops('acl'), ['8:local.chosen']);
    assert.deepEqual(hops('tags.Strict'), ['2:the default of variable "strict"']);
    assert.equal(hops('force_destroy'), undefined);
    assert.equal(hops('tags'), undefined);
  });
});
