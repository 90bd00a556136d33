// The scan root is a wall: a Terraform file that is a symbolic link out of it is refused before a byte is read,
// with one diagnostic naming the link (not the target's content), in the scanned tree and in installed modules.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadProject } from '../../src/evaluate/project.js';

const outside = mkdtempSync(join(tmpdir(), 'tfguard-outside-'));
writeFileSync(join(outside, 'secret.tf'), 'resource "aws_s3_bucket" "stolen" {\n  bucket = "SECRET-CONTENT"\n}\n');
writeFileSync(join(outside, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');

describe('symbolic links out of the scan root', () => {
  it('a .tf link to a file outside is not read: no resource, one warning naming the link', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tfguard-root-'));
    writeFileSync(join(root, 'main.tf'), 'resource "aws_s3_bucket" "own" {\n  bucket = "own"\n}\n');
    symlinkSync(join(outside, 'secret.tf'), join(root, 'linked.tf'));
    symlinkSync(join(outside, 'passwd'), join(root, 'passwd.tf'));
    const p = await loadProject(root, { env: {} });
    assert.deepEqual(
      p.resources.map((r) => r.address),
      ['aws_s3_bucket.own'],
    );
    const about = p.diagnostics.filter((d) => d.code === 'outside-root');
    assert.deepEqual(about.map((d) => d.file).sort(), [join(root, 'linked.tf'), join(root, 'passwd.tf')]);
    assert.ok(about.every((d) => d.severity === 'warning'));
    const all = JSON.stringify(p.diagnostics);
    assert.ok(!all.includes('root:x:0:0') && !all.includes('SECRET-CONTENT'), all);
  });

  it('a module directory whose only file links outside, under .terraform/modules, is refused too', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tfguard-root-'));
    writeFileSync(join(root, 'main.tf'), 'module "m" {\n  source = "registry.example.com/x/y/aws"\n}\n');
    const installed = join(root, '.terraform', 'modules', 'm');
    mkdirSync(installed, { recursive: true });
    symlinkSync(join(outside, 'secret.tf'), join(installed, 'main.tf'));
    writeFileSync(
      join(root, '.terraform', 'modules', 'modules.json'),
      JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'm', Source: 'registry.example.com/x/y/aws', Dir: '.terraform/modules/m' },
        ],
      }),
    );
    const p = await loadProject(root, { env: {} });
    assert.deepEqual(p.resources, []);
    assert.ok(
      p.diagnostics.some((d) => d.code === 'outside-root' && d.file === join(installed, 'main.tf')),
      JSON.stringify(p.diagnostics),
    );
  });

  it('a variable file the user names may be anywhere', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tfguard-root-'));
    writeFileSync(join(root, 'main.tf'), 'variable "b" {}\nresource "aws_s3_bucket" "own" {\n  bucket = var.b\n}\n');
    writeFileSync(join(outside, 'vars.tfvars'), 'b = "from-outside"\n');
    const p = await loadProject(root, { env: {}, cliVariables: [{ kind: 'file', path: join(outside, 'vars.tfvars') }] });
    assert.equal(p.resources[0]!.values.bucket, 'from-outside');
  });

  it('a broken link is one warning, not a warning and an error', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tfguard-root-'));
    writeFileSync(join(root, 'main.tf'), 'resource "aws_s3_bucket" "own" {\n  bucket = "own"\n}\n');
    symlinkSync(join(outside, 'missing.tf'), join(root, 'broken.tf'));
    const p = await loadProject(root, { env: {} });
    assert.deepEqual(
      p.diagnostics.map((d) => [d.severity, d.code, d.file]),
      [['warning', 'broken-link', join(root, 'broken.tf')]],
    );
    assert.equal(p.resources.length, 1);
  });
});
