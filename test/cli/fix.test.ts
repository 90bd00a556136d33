// `tfguard fix`: the fixes of the checks that declare one, where each value was written, as a unified diff (a golden
// file over the CloudTrail fixture); written without --dry-run, after which the fixed findings are gone and nothing
// else changed; never in a file outside the scanned directory.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { fixture, repoRoot } from '../helpers/paths.js';
import { tmp } from '../report/helpers.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

function copyFixture(): string {
  const dir = join(tmp('fix'), 'infra');
  cpSync(fixture('cloudtrail'), dir, { recursive: true });
  return dir;
}

const GOLDEN = join(repoRoot, 'test', 'cli', 'golden', 'fix-cloudtrail.diff');

describe('tfguard fix', () => {
  it('--dry-run prints the diff (golden) and says which findings it cannot fix, changing nothing', async () => {
    const dir = copyFixture();
    const before = readFileSync(join(dir, 'main.tf'), 'utf8');
    const r = await run(['fix', dir, '--dry-run', '--no-config']);
    assert.equal(r.code, 0, r.stderr);
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, r.stdout);
    assert.equal(r.stdout, readFileSync(GOLDEN, 'utf8'));
    assert.match(
      r.stderr,
      /no automatic fix for D9\.TF\.AWS\.LOG\.01 at environments\.tf:15: the value is the expression `each\.value`, not a literal/,
    );
    assert.match(r.stderr, /no automatic fix for TFG\.AWS\.CLOUDTRAIL\.3 at modules\.tf:25: the finding stands at a module call/);
    assert.match(r.stderr, /would change 8 places in 3 files; 2 findings with no automatic fix/);
    assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), before);
  });

  it('writes the fixes: a re-scan has only the findings it could not fix, and the diff applies with git', async () => {
    const dir = copyFixture();
    const pristine = copyFixture();
    const dry = await run(['fix', pristine, '--dry-run', '--no-config']);
    const r = await run(['fix', dir, '--no-config']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /changed 8 places in 3 files/);
    const scan = await run(['scan', dir, '--no-config', '--check', 'D9.TF.AWS.LOG.01,TFG.AWS.CLOUDTRAIL.3', '--format', 'json']);
    const left = JSON.parse(scan.stdout) as { findings: { check_id: string; file: string; line: number }[]; summary: { errors: number } };
    assert.equal(left.summary.errors, 0);
    assert.deepEqual(left.findings.map((f) => `${f.check_id} ${f.file.split('/').pop()}:${f.line}`).sort(), [
      'D9.TF.AWS.LOG.01 environments.tf:16',
      'TFG.AWS.CLOUDTRAIL.3 modules.tf:25',
    ]);
    // The printed diff is a patch git applies to the untouched copy, giving the same files.
    writeFileSync(join(pristine, '..', 'fix.diff'), dry.stdout);
    execFileSync('git', ['apply', '-p1', join(pristine, '..', 'fix.diff')], { cwd: pristine });
    for (const f of ['main.tf', 'environments.tf', 'modules/trail/main.tf'])
      assert.equal(readFileSync(join(pristine, f), 'utf8'), readFileSync(join(dir, f), 'utf8'), f);
  });

  it('never edits a file outside the scanned directory', async () => {
    const root = tmp('fix-outside');
    mkdirSync(join(root, 'modules', 'trail'), { recursive: true });
    mkdirSync(join(root, 'envs', 'prod'), { recursive: true });
    writeFileSync(join(root, '.git'), '');
    writeFileSync(
      join(root, 'modules', 'trail', 'main.tf'),
      'variable "validate" {\n  default = false\n}\n\nresource "aws_cloudtrail" "t" {\n  name                       = "t"\n  s3_bucket_name             = "b"\n  enable_log_file_validation = var.validate\n}\n',
    );
    writeFileSync(join(root, 'envs', 'prod', 'main.tf'), 'module "trail" {\n  source = "../../modules/trail"\n}\n');
    const r = await run(['fix', join(root, 'envs', 'prod'), '--dry-run', '--no-config', '--check', 'TFG.AWS.CLOUDTRAIL.3']);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /no automatic fix for TFG\.AWS\.CLOUDTRAIL\.3 at modules\/trail\/main\.tf:2: the value is written outside the scanned directory/,
    );
  });

  it('SARIF carries the fix of a result (artifactChanges with replacements); Markdown suggests it', async () => {
    const dir = copyFixture();
    const sarif = await run(['scan', dir, '--no-config', '--check', 'D9.TF.AWS.LOG.01,TFG.AWS.CLOUDTRAIL.3', '--format', 'sarif']);
    const results = JSON.parse(sarif.stdout).runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      fixes?: unknown[];
    }[];
    const at = (rule: string, uri: string, line: number) =>
      results.find(
        (r) =>
          r.ruleId === rule &&
          r.locations[0]!.physicalLocation.artifactLocation.uri === uri &&
          r.locations[0]!.physicalLocation.region.startLine === line,
      )!;
    assert.deepEqual(at('D9.TF.AWS.LOG.01', 'main.tf', 45).fixes, [
      {
        description: { text: 'set is_multi_region_trail = true' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'main.tf' },
            replacements: [
              {
                deletedRegion: { startLine: 45, startColumn: 1, endLine: 45, endColumn: 59 },
                insertedContent: { text: '  is_multi_region_trail = true # expect: D9.TF.AWS.LOG.01' },
              },
            ],
          },
        ],
      },
    ]);
    assert.deepEqual(at('TFG.AWS.CLOUDTRAIL.3', 'main.tf', 42).fixes, [
      {
        description: { text: 'add enable_log_file_validation = true' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'main.tf' },
            replacements: [
              {
                deletedRegion: { startLine: 43, startColumn: 1, endLine: 43, endColumn: 1 },
                insertedContent: { text: '  enable_log_file_validation = true\n' },
              },
            ],
          },
        ],
      },
    ]);
    assert.equal(at('D9.TF.AWS.LOG.01', 'environments.tf', 15).fixes, undefined);
    const md = await run(['scan', dir, '--no-config', '--check', 'D9.TF.AWS.LOG.01', '--format', 'markdown']);
    assert.match(md.stdout, /suggested change \\\(tfguard fix\\\): set default = true \\\(for is\\_multi\\_region\\_trail\\\)/);
  });
});
