// Override files (src/load/override.ts): merged into the normal files as Terraform does, with the ranges of
// what they set kept in their own file.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadProject } from '../../src/evaluate/project.js';
import type { Project, Resource } from '../../src/evaluate/model.js';
import { reportLocation } from '../../src/checks/location.js';
import { parseHcl } from '../../src/load/hcl/index.js';
import { applyOverrides, isOverrideFileName } from '../../src/load/override.js';
import { fixture } from '../helpers/paths.js';

let p: Project;
const dir = fixture('load', 'override');
const byAddress = (address: string): Resource => {
  const found = p.resources.filter((r) => r.address === address);
  assert.equal(found.length, 1, `${address} once`);
  return found[0]!;
};

before(async () => {
  p = await loadProject(dir, { env: {} });
});

describe('override files', () => {
  it('are told by name', () => {
    for (const n of ['override.tf', 'override.tf.json', 'main_override.tf', 'a_override.tf.json']) assert.ok(isOverrideFileName(n), n);
    for (const n of ['myoverride.tf', 'override.tfvars', 'main.tf', '_override.tf.bak']) assert.ok(!isOverrideFileName(n), n);
  });

  it('merge into the block of the same header: no resource twice, arguments replaced, the later file winning', () => {
    assert.deepEqual(p.resources.map((r) => r.address).sort(), ['aws_cloudtrail.main', 'aws_s3_bucket.logs', 'aws_security_group.sg']);
    const t = byAddress('aws_cloudtrail.main');
    assert.equal(t.values.is_multi_region_trail, false);
    assert.equal(t.values.name, 'main');
    assert.deepEqual({ ...(t.values.tags as object) }, { team: 'b' });
    // The header stays in main.tf; what an override file set points into it.
    assert.equal(t.location.file, `${dir}/main.tf`);
    assert.deepEqual(reportLocation(t, 'is_multi_region_trail').file, `${dir}/a_override.tf`);
    assert.equal(reportLocation(t, 'is_multi_region_trail').range.start.line, 6);
    assert.deepEqual([reportLocation(t, 'tags.team').file, reportLocation(t, 'tags.team').range.start.line], [`${dir}/b_override.tf`, 3]);
    assert.deepEqual([reportLocation(t, 'name').file, reportLocation(t, 'name').range.start.line], [`${dir}/main.tf`, 7]);
  });

  it('override local values one by one', () => {
    assert.equal(byAddress('aws_cloudtrail.main').values.s3_bucket_name, 'override-bucket');
    assert.equal(byAddress('aws_s3_bucket.logs').values.bucket, 'override-bucket');
  });

  it('replace every nested block of a type, dynamic blocks of that type included; other types stay', () => {
    const b = byAddress('aws_s3_bucket.logs');
    assert.deepEqual(
      (b.values.versioning as object[]).map((v) => ({ ...v })),
      [{ enabled: true }],
    );
    assert.deepEqual(
      (b.values.logging as object[]).map((v) => ({ ...v })),
      [{ target_bucket: 'a' }],
    );
    assert.deepEqual(
      [reportLocation(b, 'versioning.0.enabled').file, reportLocation(b, 'versioning.0.enabled').range.start.line],
      [`${dir}/b_override.tf`, 9],
    );
    const sg = byAddress('aws_security_group.sg');
    assert.deepEqual(
      (sg.values.ingress as object[]).map((v) => ({ ...v })),
      [{ from_port: 443 }],
    );
  });

  it('an override without a base block is an error in the override file; the rest goes on', () => {
    const d = p.diagnostics.filter((x) => x.code === 'override-without-base');
    assert.equal(d.length, 1);
    assert.equal(d[0]!.file, `${dir}/b_override.tf`);
    assert.equal(d[0]!.range?.start.line, 19);
    assert.match(d[0]!.message, /resource "aws_s3_bucket" "nowhere", which no normal file of the module defines/);
  });

  it('are part of the project files (for source lines and inline suppressions)', () => {
    assert.deepEqual(p.files.map((f) => f.path.slice(dir.length + 1)).sort(), ['a_override.tf', 'b_override.tf', 'main.tf']);
  });

  it('merge lifecycle argument by argument and leave the inputs unchanged', () => {
    const base = parseHcl(
      'main.tf',
      'resource "a" "b" {\n  x = 1\n  lifecycle {\n    prevent_destroy = true\n    ignore_changes = [x]\n  }\n}\nlocals {\n  l = 1\n}\n',
    );
    const over = parseHcl(
      'o_override.tf',
      'resource "a" "b" {\n  lifecycle {\n    prevent_destroy = false\n  }\n}\nlocals {\n  missing = 2\n}\n',
    );
    const before = JSON.stringify(base);
    const r = applyOverrides([base], [over]);
    assert.equal(JSON.stringify(base), before);
    const life = r.files[0]!.body.blocks[0]!.body.blocks;
    assert.equal(life.length, 1);
    assert.deepEqual(
      life[0]!.body.attributes.map((a) => [a.name, a.file]),
      [
        ['prevent_destroy', 'o_override.tf'],
        ['ignore_changes', undefined],
      ],
    );
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.file, d.range?.start.line]),
      [['override-without-base', 'o_override.tf', 7]],
    );
    assert.match(r.diagnostics[0]!.message, /local value "missing"/);
  });
});

describe('tfguard resources with override files', () => {
  it('names the override file of each line it set, in text and JSON', async () => {
    const { cli } = await import('../cli/helpers.js');
    const text = await cli(['resources', dir]);
    // Exit 2 for the fixture's override without a base block; the resources are printed all the same.
    assert.equal(text.code, 2);
    const lines = text.stdout.split('\n');
    assert.ok(lines.includes('  name = "main"  (line 7)'), text.stdout);
    assert.ok(
      lines.some((l) => /^ {2}is_multi_region_trail = false {2}\(line 6 of .*a_override\.tf\)$/.test(l)),
      text.stdout,
    );
    assert.ok(
      lines.some((l) => /^ {2}versioning\.0\.enabled = true {2}\(line 9 of .*b_override\.tf\)$/.test(l)),
      text.stdout,
    );
    const json = await cli(['resources', '--format', 'json', dir]);
    const trail = (
      JSON.parse(json.stdout) as { resources: { address: string; lines: Record<string, number>; line_files?: Record<string, string> }[] }
    ).resources.find((r) => r.address === 'aws_cloudtrail.main')!;
    assert.equal(trail.lines.is_multi_region_trail, 6);
    assert.match(trail.line_files!.is_multi_region_trail!, /a_override\.tf$/);
    assert.deepEqual(Object.keys(trail.line_files!).sort(), ['is_multi_region_trail', 'tags']);
  });
});
