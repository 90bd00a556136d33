// One finding per cause: a module used by several example roots gives each of its findings once, listing every
// instance and root module it stands for, in text, JSON and SARIF; counts and exit codes count causes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { seedChecksDir } from '../helpers/paths.js';

async function run(argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: () => {} }, seedChecksDir());
  return { code, stdout };
}

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-causes-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  mkdirSync(join(dir, 'modules', 'trail'), { recursive: true });
  writeFileSync(
    join(dir, 'modules', 'trail', 'main.tf'),
    'resource "aws_cloudtrail" "this" {\n  name                       = "t"\n  is_multi_region_trail      = false\n  kms_key_id                 = "arn:aws:kms:us-east-1:123456789012:key/1"\n  cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:t:*"\n  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/t"\n}\n',
  );
  for (const e of ['complete', 'simple', 'minimal']) {
    mkdirSync(join(dir, 'examples', e), { recursive: true });
    writeFileSync(join(dir, 'examples', e, 'main.tf'), 'module "trail" {\n  source = "../../modules/trail"\n}\n');
  }
  return dir;
}

describe('one finding per cause', () => {
  it('a module used by three example roots: its finding once, with the three roots', async () => {
    const dir = repo();
    const json = await run(['scan', '--no-config', '--format', 'json', dir]);
    assert.equal(json.code, 1);
    const r = JSON.parse(json.stdout) as {
      findings: { check_id: string; file: string; line: number; instances: { address: string; root: string | null }[] }[];
      summary?: unknown;
    };
    assert.deepEqual(
      r.findings.map((f) => [f.check_id, f.file, f.line]),
      [['D9.TF.AWS.LOG.01', 'modules/trail/main.tf', 3]],
    );
    assert.deepEqual(r.findings[0]!.instances.map((i) => i.root).sort(), ['examples/complete', 'examples/minimal', 'examples/simple']);
    const text = await run(['scan', '--no-config', dir]);
    assert.match(text.stdout, /one cause, 3 instances: module\.trail\.aws_cloudtrail\.this \(root .*examples\/complete\)/);
    assert.match(text.stdout, /^1 finding \(1 low\)/m);
    const sarif = await run(['scan', '--no-config', '--format', 'sarif', dir]);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { properties: { instances?: { root?: string }[] } }[] }[] };
    assert.equal(log.runs[0]!.results.length, 1);
    assert.equal(log.runs[0]!.results[0]!.properties.instances?.length, 3);
  });
});
