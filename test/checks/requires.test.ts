// Prerequisites: a trail without CloudWatch Logs gives one finding for it; the fifteen CIS alarm checks that need the
// integration are reported once as blocked, not as fifteen findings. Bad `requires:` is a diagnostic.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadChecks } from '../../src/checks/load.js';
import { cli } from '../cli/helpers.js';
import { repoRoot } from '../helpers/paths.js';
import { checkYaml, tempDir } from './helpers.js';

const CHECKS = join(repoRoot, 'checks');
const ALARMS = Array.from({ length: 15 }, (_, i) => `TFG.AWS.CLOUDWATCH.${i + 1}`);

const TRAIL = `resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "trail-bucket"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
`;

function repo(files: Record<string, string>): string {
  const dir = tempDir(files);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

interface Json {
  summary: { findings: number; blocked: number };
  findings: { check_id: string; line: number }[];
  blocked: { check_id: string; requires: string; file: string; line: number; column: number }[];
}

describe('requires: prerequisites', () => {
  it('a trail without CloudWatch Logs: one finding for the integration, the fifteen alarm checks blocked once each', async () => {
    const dir = repo({ 'main.tf': TRAIL });
    const r = await cli(['scan', '--no-config', '--format', 'json', dir], CHECKS);
    const json = JSON.parse(r.stdout) as Json;
    const ids = json.findings.map((f) => f.check_id);
    assert.ok(ids.includes('D9.TF.AWS.LOG.03'), ids.join(' '));
    assert.deepEqual(
      ids.filter((id) => ALARMS.includes(id)),
      [],
    );
    assert.deepEqual(json.blocked.map((b) => b.check_id).sort(), [...ALARMS].sort());
    assert.ok(json.blocked.every((b) => b.requires === 'D9.TF.AWS.LOG.03' && b.file === 'main.tf' && b.line === 1 && b.column === 1));
    assert.equal(json.summary.blocked, 15);
    assert.equal(json.summary.findings, json.findings.length);
  });

  it('text says so in the summary and --show-blocked lists them on one line per place; SARIF has notifications, not alerts', async () => {
    const dir = repo({ 'main.tf': TRAIL });
    const plain = await cli(['scan', '--no-config', dir], CHECKS);
    assert.match(plain.stdout, /; 15 checks blocked by D9\.TF\.AWS\.LOG\.03\n$/);
    assert.doesNotMatch(plain.stdout, /^Blocked/m);
    const shown = await cli(['scan', '--no-config', '--show-blocked', dir], CHECKS);
    const line = shown.stdout.split('\n').find((l) => l.includes('fails here; blocked:'))!;
    assert.match(line, /^ {2}\S*main\.tf:1:1 {2}aws_cloudtrail\.main: D9\.TF\.AWS\.LOG\.03 fails here; blocked: TFG\.AWS\.CLOUDWATCH\.1, /);
    assert.equal(line.split(', ').length, 15);

    const sarif = JSON.parse((await cli(['scan', '--no-config', '--format', 'sarif', dir], CHECKS)).stdout) as {
      runs: {
        results: { ruleId: string }[];
        invocations: { toolExecutionNotifications: { descriptor: { id: string }; associatedRule?: { id: string } }[] }[];
      }[];
    };
    const run = sarif.runs[0]!;
    assert.deepEqual(
      run.results.filter((x) => ALARMS.includes(x.ruleId)),
      [],
    );
    const notes = run.invocations[0]!.toolExecutionNotifications.filter((n) => n.descriptor.id === 'blocked-by-prerequisite');
    assert.deepEqual(notes.map((n) => n.associatedRule!.id).sort(), [...ALARMS].sort());

    const junit = (await cli(['scan', '--no-config', '--format', 'junit', dir], CHECKS)).stdout;
    assert.match(junit, /<skipped message="blocked: requires D9\.TF\.AWS\.LOG\.03, which fails here"\/>/);
  });

  it('the alarms are findings again when the integration holds (the cascade hides nothing else)', async () => {
    const dir = repo({
      'main.tf': TRAIL.replace(
        '}\n',
        '  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"\n  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail"\n}\n\nresource "aws_cloudwatch_log_group" "trail" {\n  name = "trail"\n}\n',
      ),
    });
    const json = JSON.parse((await cli(['scan', '--no-config', '--format', 'json', dir], CHECKS)).stdout) as Json;
    assert.deepEqual(json.blocked, []);
    assert.deepEqual(json.findings.map((f) => f.check_id).filter((id) => ALARMS.includes(id)).length, 15);
  });

  it('a requires naming an unknown check, the check itself, or a cycle is an error at the check', () => {
    const dir = tempDir({
      'a.yaml': checkYaml('TEAM.A.1', { requires: 'requires:\n  - TEAM.NOPE.1' }),
      'b.yaml': checkYaml('TEAM.B.1', { requires: 'requires:\n  - TEAM.B.1' }),
      'c.yaml': checkYaml('TEAM.C.1', { requires: 'requires:\n  - TEAM.D.1' }),
      'd.yaml': checkYaml('TEAM.D.1', { requires: 'requires:\n  - TEAM.C.1' }),
    });
    const { diagnostics } = loadChecks([{ dir }]);
    const seen = diagnostics.map((d) => `${d.file.split('/').pop()}:${d.range?.start.line} ${d.code} ${d.message}`);
    assert.deepEqual(seen, [
      'a.yaml:1 check-requires check TEAM.A.1 requires TEAM.NOPE.1, which is not loaded',
      'b.yaml:1 check-requires check TEAM.B.1 requires itself',
      'c.yaml:1 check-requires checks require each other in a cycle: TEAM.C.1 → TEAM.D.1 → TEAM.C.1',
      'd.yaml:1 check-requires checks require each other in a cycle: TEAM.D.1 → TEAM.C.1 → TEAM.D.1',
    ]);
  });
});
