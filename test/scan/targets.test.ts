// `tfguard scan` with several paths (as pre-commit passes them): files widen to their module
// directories, directories cover what lies under them, each module is loaded once.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { commonRoot, scanTargets } from '../../src/scan/targets.js';
import { REPORT_CHECKS } from '../report/helpers.js';

const emptyBuiltin = mkdtempSync(join(tmpdir(), 'tfguard-nobuiltin-'));

function trail(name: string, multi: boolean): string {
  return `resource "aws_cloudtrail" "${name}" {\n  name = "${name}"\n  is_multi_region_trail = ${multi}\n}\n`;
}

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'tfguard-paths-'));
  mkdirSync(join(root, '.git'));
  for (const d of ['a', 'b/sub', 'c', 'd']) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'a', 'main.tf'), trail('a', false));
  writeFileSync(join(root, 'a', 'variables.tf'), 'variable "x" {\n  default = 1\n}\n');
  writeFileSync(join(root, 'b', 'sub', 'main.tf'), trail('b', false));
  writeFileSync(join(root, 'c', 'main.tf'), trail('c', false));
  writeFileSync(join(root, 'c', 'prod.tfvars'), 'x = 2\n');
  writeFileSync(join(root, 'd', 'main.tofu'), trail('d', false));
  return root;
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['scan', '--no-config', '--checks-dir', REPORT_CHECKS, '--format', 'github', ...argv],
    { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) },
    emptyBuiltin,
  );
  return { code, stdout, stderr };
}

describe('scanTargets', () => {
  it('widens files to their directories, drops what a given directory covers, keeps each directory once', () => {
    const root = workspace();
    const p = (...x: string[]): string => join(root, ...x);
    const r = scanTargets([
      p('a', 'main.tf'),
      p('a', 'variables.tf'),
      p('b'),
      p('b', 'sub', 'main.tf'),
      p('c', 'prod.tfvars'),
      p('c', 'main.tf'),
      p('b', 'sub'),
      p('d', 'main.tofu'),
    ]);
    assert.deepEqual(r.targets, [p('b'), p('a', 'main.tf'), p('c', 'prod.tfvars'), p('d', 'main.tofu')]);
    assert.equal(commonRoot(r.targets), root);
  });

  it('keeps a single path, missing paths and data files as given (the loader reports them)', () => {
    assert.deepEqual(scanTargets(['no/such/dir']).targets, ['no/such/dir']);
    assert.deepEqual(scanTargets(['x/plan.json', 'x/plan.json']).targets, ['x/plan.json']);
    assert.deepEqual(scanTargets([]).targets, []);
  });

  it('a .tofu file stands for its module like a .tf file', () => {
    const root = workspace();
    writeFileSync(join(root, 'd', 'providers.tf'), '');
    assert.deepEqual(scanTargets([join(root, 'd', 'main.tofu'), join(root, 'd', 'providers.tf')]), {
      targets: [join(root, 'd', 'main.tofu')],
    });
  });
});

describe('tfguard scan PATH...', () => {
  it('reports the findings of every module named by a file or directory, each once, with repository-relative paths', async () => {
    const root = workspace();
    const r = await run([join(root, 'a', 'variables.tf'), join(root, 'b'), join(root, 'c', 'prod.tfvars'), join(root, 'c', 'main.tf')]);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(
      lines.map((l) => l.slice(0, l.indexOf(',endLine'))),
      ['::error file=a/main.tf,line=3', '::error file=b/sub/main.tf,line=3', '::error file=c/main.tf,line=3'],
    );
  });

  it('scans an OpenTofu module given by its .tofu file', async () => {
    const root = workspace();
    const r = await run([join(root, 'd', 'main.tofu')]);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.slice(0, l.indexOf(',endLine'))),
      ['::error file=d/main.tofu,line=3'],
    );
  });

  it('names the path whose input is unusable among several', async () => {
    const root = workspace();
    writeFileSync(join(root, 'c', 'plan.json'), '{"format_version": "1.2"');
    const r = await run([join(root, 'a'), join(root, 'c', 'plan.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /plan\.json/);
  });
});
