// The command line and the Action are two doors to one scan: the same inputs give the same findings from both, on
// Terraform, a plan (also given as the path), an AWS snapshot and a CloudTrail log file.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { runAction } from '../../src/action/main.js';
import { main } from '../../src/cli/main.js';
import { fixture, repoRoot } from '../helpers/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'tfguard-parity-'));

type Place = string;

async function viaCli(path: string): Promise<{ code: number; places: Place[] }> {
  let stdout = '';
  const code = await main(['scan', '--no-config', '--format', 'json', path], { stdout: (s) => void (stdout += s), stderr: () => {} });
  const json = JSON.parse(stdout) as { findings: { check_id: string; file: string; line: number; address: string }[] };
  return { code, places: json.findings.map((f) => `${f.check_id} ${f.file}:${f.line} ${f.address}`).sort() };
}

async function viaAction(path: string): Promise<{ code: number; places: Place[] }> {
  const sarif = join(dir, `action-${Math.random().toString(36).slice(2)}.sarif`);
  const env = {
    GITHUB_WORKSPACE: repoRoot,
    INPUT_PATH: path,
    'INPUT_SARIF-FILE': sarif,
    'INPUT_SOFT-FAIL': 'false',
    INPUT_ANNOTATIONS: '0',
  };
  const cwd = process.cwd();
  let code: number;
  try {
    code = await runAction(env, { actionRoot: repoRoot }, { stdout: () => {}, stderr: () => {} });
  } finally {
    process.chdir(cwd);
  }
  type Result = {
    ruleId: string;
    locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
    properties?: { address?: string };
  };
  const log = JSON.parse(readFileSync(sarif, 'utf8')) as { runs: { results: Result[] }[] };
  const places = log.runs[0]!.results.map((r) => {
    const loc = r.locations[0]!.physicalLocation;
    return `${r.ruleId} ${loc.artifactLocation.uri}:${loc.region?.startLine ?? 1} ${r.properties?.address ?? ''}`;
  });
  return { code, places: places.sort() };
}

const event = (name: string): Record<string, unknown> => ({
  eventVersion: '1.08',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: name,
  eventTime: '2026-01-01T00:00:00Z',
  requestParameters: { name: 'audit' },
});

describe('the CLI and the Action give the same findings', () => {
  const inputs: [string, string][] = [
    ['Terraform', relative(repoRoot, fixture('cloudtrail'))],
    ['a plan given as the path', relative(repoRoot, fixture('plan', 'config', 'plan.json'))],
    [
      'an AWS snapshot',
      (() => {
        const p = join(dir, 'trails.json');
        writeFileSync(p, JSON.stringify({ trailList: [{ Name: 't', TrailARN: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/t' }] }));
        return p;
      })(),
    ],
    [
      'a CloudTrail log file',
      (() => {
        const p = join(dir, 'log.json');
        writeFileSync(p, JSON.stringify({ Records: [event('CreateTrail'), event('StopLogging'), event('DeleteTrail')] }));
        return p;
      })(),
    ],
  ];
  for (const [what, path] of inputs) {
    it(what, async () => {
      const cli = await viaCli(path);
      const action = await viaAction(path);
      assert.ok(cli.places.length > 0, `${what}: the CLI found nothing, so the comparison would prove nothing`);
      assert.equal(action.code, cli.code);
      assert.deepEqual(action.places, cli.places);
    });
  }
});
