// A repository may hold a named pipe where a file is expected: opening one to read waits for a writer, forever. It is
// reported and skipped, and the rest of the scan goes on. The installed-module manifest is read only inside the root.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from '../cli/helpers.js';

const TRAIL = 'resource "aws_cloudtrail" "t" {\n  name                  = "t"\n  is_multi_region_trail = false\n}\n';

function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-special-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'main.tf'), TRAIL);
  return dir;
}

interface Json {
  findings: { check_id: string; file: string; line: number }[];
  diagnostics: { code: string; file: string; message: string }[];
}

describe('special files in a scanned repository', { timeout: 30_000 }, () => {
  it('a named pipe called other.tf is an error of its own; main.tf beside it is scanned', async () => {
    const dir = repository();
    execFileSync('mkfifo', [join(dir, 'other.tf')]);
    const r = await cli(['scan', '--no-config', '--check', 'D9.TF.AWS.LOG.01', '--format', 'json', dir]);
    assert.equal(r.code, 2, r.stderr);
    const json = JSON.parse(r.stdout) as Json;
    assert.deepEqual(
      json.diagnostics.map((d) => [d.code, d.file, d.message]),
      [['unreadable', 'other.tf', 'not a regular file (a named pipe, socket or device); it was not read']],
    );
    assert.deepEqual(
      json.findings.map((f) => [f.check_id, f.file, f.line]),
      [['D9.TF.AWS.LOG.01', 'main.tf', 3]],
    );
  });

  it('a named pipe, or a link out of the repository, as .terraform/modules/modules.json is not read', async () => {
    for (const make of [
      (p: string) => execFileSync('mkfifo', [p]),
      (p: string) => {
        const outside = mkdtempSync(join(tmpdir(), 'tfguard-outside-'));
        writeFileSync(join(outside, 'modules.json'), JSON.stringify({ Modules: [{ Key: 'm', Dir: outside }] }));
        writeFileSync(join(outside, 'main.tf'), TRAIL.replace('"t"', '"outside"'));
        symlinkSync(join(outside, 'modules.json'), p);
      },
    ]) {
      const dir = repository();
      writeFileSync(join(dir, 'main.tf'), `${TRAIL}module "m" {\n  source = "registry.example/m/aws"\n}\n`);
      mkdirSync(join(dir, '.terraform', 'modules'), { recursive: true });
      make(join(dir, '.terraform', 'modules', 'modules.json'));
      const r = await cli(['scan', '--no-config', '--check', 'D9.TF.AWS.LOG.01', '--format', 'json', dir]);
      assert.equal(r.code, 1, r.stderr);
      const json = JSON.parse(r.stdout) as Json;
      // The remote module counts as not installed: its source is not read from the manifest's directory.
      assert.deepEqual(
        json.diagnostics.map((d) => d.code),
        ['module-not-installed'],
      );
      assert.deepEqual(
        json.findings.map((f) => [f.file, f.line]),
        [['main.tf', 3]],
      );
    }
  });
});
