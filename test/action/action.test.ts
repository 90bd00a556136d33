// The bundled GitHub Action run as the runner runs it: `node dist/action/index.js` in a workspace
// with a git history, INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and a pull_request event.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { fixture, repoRoot } from '../helpers/paths.js';

const BUNDLE = join(repoRoot, 'dist', 'action', 'index.js');
const TEAM_CHECKS = fixture('report', 'checks');

const infra = (acl: string): string =>
  [
    'resource "aws_cloudtrail" "old" {',
    '  name                  = "old"',
    '  is_multi_region_trail = false',
    '}',
    '',
    'resource "aws_s3_bucket" "b" {',
    `  acl = "${acl}"`,
    '}',
    '',
  ].join('\n');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

/** A repository whose base commit has a private bucket; the pull request's head makes it public-read (line 7). */
function workspace(): { dir: string; base: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-action-'));
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'infra'));
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'infra', 'main.tf'), infra('private'));
  writeFileSync(join(dir, 'other', 'main.tf'), 'resource "aws_s3_bucket" "o" {\n  acl = "public-read"\n}\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  writeFileSync(join(dir, 'infra', 'main.tf'), infra('public-read'));
  git(dir, 'commit', '-q', '-am', 'head');
  return { dir, base };
}

interface Run {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  sarif: {
    runs: {
      results: {
        ruleId: string;
        locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      }[];
      tool: { driver: { rules: { id: string }[] } };
      automationDetails?: { id: string };
    }[];
  };
  annotations: string[];
}

function runAction(ws: { dir: string; base: string }, inputs: Record<string, string>, opts: { builtin?: boolean } = {}): Run {
  const event = join(ws.dir, '..', `${ws.dir.split('/').pop()}-event.json`);
  writeFileSync(
    event,
    JSON.stringify({
      action: 'synchronize',
      pull_request: { number: 7, base: { sha: ws.base, ref: 'main' }, head: { sha: git(ws.dir, 'rev-parse', 'HEAD') } },
    }),
  );
  const runner = mkdtempSync(join(tmpdir(), 'tfguard-runner-'));
  const actionPath = join(runner, 'action');
  mkdirSync(join(actionPath, 'checks'), { recursive: true }); // an action checkout with no built-in checks
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: runner,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ws.dir,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_OUTPUT: join(runner, 'output'),
    GITHUB_STEP_SUMMARY: join(runner, 'summary'),
    ...(opts.builtin ? {} : { GITHUB_ACTION_PATH: actionPath, 'INPUT_CHECKS-DIR': TEAM_CHECKS }),
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, [BUNDLE], { cwd: ws.dir, env, encoding: 'utf8', timeout: 60_000 });
  const outputs: Record<string, string> = {};
  const raw = existsSync(env.GITHUB_OUTPUT!) ? readFileSync(env.GITHUB_OUTPUT!, 'utf8') : '';
  for (const m of raw.matchAll(/^([\w-]+)<<(ghadelimiter_[0-9a-f-]{36})\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
  const sarifFile = join(ws.dir, inputs['sarif-file'] ?? 'tfguard.sarif');
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    outputs,
    summary: existsSync(env.GITHUB_STEP_SUMMARY!) ? readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8') : '',
    sarif: JSON.parse(readFileSync(sarifFile, 'utf8')),
    annotations: r.stdout.split('\n').filter((l) => l.startsWith('::')),
  };
}

const place = (a: string): string => (a.includes(',endLine') ? a.slice(0, a.indexOf(',endLine')) : a);

describe('GitHub Action (dist/action/index.js)', () => {
  it('annotates changed lines first, writes SARIF, the summary and the outputs, and fails the step', () => {
    const ws = workspace();
    const r = runAction(ws, { path: 'infra', annotations: '1', category: 'infra' });
    assert.equal(r.code, 1, r.stdout);
    // The medium finding on the changed line 7 comes before the high one on the untouched line 3.
    assert.deepEqual(r.annotations.map(place), [
      '::warning file=infra/main.tf,line=7',
      '::error title=tfguard::2 findings at or above fail-on=low; set soft-fail: true to report without failing',
    ]);
    assert.deepEqual(r.outputs, {
      'sarif-file': 'tfguard.sarif',
      findings: '2',
      critical: '0',
      high: '1',
      medium: '1',
      low: '0',
      info: '0',
      suppressed: '0',
      'exit-code': '1',
    });
    const results = r.sarif.runs[0]!.results.map(
      (x) => `${x.ruleId} ${x.locations[0]!.physicalLocation.artifactLocation.uri}:${x.locations[0]!.physicalLocation.region.startLine}`,
    );
    assert.deepEqual(results, ['TEAM.TRAIL.1 infra/main.tf:3', 'TEAM.BUCKET.1 infra/main.tf:7']);
    assert.equal(r.sarif.runs[0]!.automationDetails?.id, 'infra/');
    assert.match(r.summary, /^## tfguard\n/);
    assert.match(r.summary, /\| high \| TEAM\.TRAIL\.1 \| aws\\_cloudtrail\.old \| infra/);
    assert.match(
      r.summary,
      /1 of 2 shown as annotations \(lines changed by the pull request first, then the most severe\); every finding is in `tfguard\.sarif`\./,
    );
  });

  it('with the default limit orders the rest by severity; soft-fail passes the step and says so in the outputs', () => {
    const ws = workspace();
    const r = runAction(ws, { 'soft-fail': 'true' });
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(r.annotations.map(place), [
      '::warning file=infra/main.tf,line=7',
      '::error file=infra/main.tf,line=3',
      '::warning file=other/main.tf,line=2',
    ]);
    assert.equal(r.outputs['exit-code'], '0');
    assert.equal(r.outputs.findings, '3');
    assert.equal(r.sarif.runs[0]!.automationDetails?.id, 'tfguard/');
  });

  it('changed-only reports the directories the pull request changed, and fail-on raises the bar', () => {
    const ws = workspace();
    const r = runAction(ws, { 'changed-only': 'true', 'fail-on': 'high', annotations: '0' });
    assert.equal(r.code, 1);
    assert.deepEqual(r.annotations, [
      '::error title=tfguard::1 finding at or above fail-on=high; set soft-fail: true to report without failing',
    ]);
    assert.equal(r.outputs.findings, '2');
    assert.ok(r.sarif.runs[0]!.results.every((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'infra/main.tf'));
    assert.match(r.summary, /0 of 2 shown as annotations/);
  });

  it('a clean scan writes a valid SARIF run with the rules and no results, and passes', () => {
    const ws = workspace();
    writeFileSync(join(ws.dir, 'infra', 'main.tf'), infra('private').replace('= false', '= true'));
    const r = runAction(ws, { path: 'infra', 'sarif-file': 'out/scan.sarif' });
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(r.annotations, []);
    assert.deepEqual(r.sarif.runs[0]!.results, []);
    assert.deepEqual(
      r.sarif.runs[0]!.tool.driver.rules.map((x) => x.id).filter((id) => id.startsWith('TEAM.')),
      ['TEAM.BUCKET.1', 'TEAM.TRAIL.1'],
    );
    assert.equal(r.outputs['sarif-file'], 'out/scan.sarif');
    assert.equal(r.outputs.findings, '0');
    assert.match(r.summary, /No findings over 2 resources/);
  });

  it('bad inputs fail the step with exit code 2 and still leave a valid, empty SARIF run for the upload step', () => {
    const ws = workspace();
    const a = runAction(ws, { annotations: 'many' });
    assert.equal(a.code, 2);
    assert.deepEqual(a.annotations, [
      '::error title=tfguard::input `annotations` must be a whole number (0 turns annotations off); found `many`',
    ]);
    assert.equal(a.outputs['exit-code'], '2');
    assert.deepEqual(a.sarif.runs[0]!.results, []);
    const b = runAction(ws, { 'fail-on': 'severe', 'soft-fail': 'yes' });
    assert.equal(b.code, 2);
    assert.match(b.annotations[0]!, /input `soft-fail` must be true or false; found `yes`/);
    const c = runAction(ws, { 'fail-on': 'severe' });
    assert.equal(c.code, 2);
    assert.deepEqual(c.sarif.runs[0]!.results, []);
    assert.equal(c.sarif.runs[0]!.automationDetails?.id, 'tfguard/');
    assert.equal(c.outputs['exit-code'], '2');
    assert.match(c.summary, /The scan did not run \(exit code 2\)/);
  });

  it('finds the built-in checks next to the bundle, without GITHUB_ACTION_PATH or node_modules', () => {
    const ws = workspace();
    const r = runAction(ws, { path: 'infra', 'soft-fail': 'true' }, { builtin: true });
    assert.equal(r.code, 0, r.stdout);
    const ids = r.sarif.runs[0]!.tool.driver.rules.map((x) => x.id);
    assert.ok(ids.includes('D9.TF.AWS.LOG.01'), ids.join(' '));
    assert.ok(
      r.sarif.runs[0]!.results.some((x) => x.ruleId === 'D9.TF.AWS.LOG.01' && x.locations[0]!.physicalLocation.region.startLine === 3),
    );
  });

  it('bundles the log worker next to index.js, and it reads a CloudTrail log file there', async () => {
    const dir = join(repoRoot, 'dist', 'action');
    const log = join(mkdtempSync(join(tmpdir(), 'tfguard-action-log-')), 'trail.json');
    writeFileSync(log, JSON.stringify({ Records: [{ eventVersion: '1.08', eventSource: 's3.amazonaws.com', eventName: 'GetObject' }] }));
    const worker = new Worker(join(dir, 'log-worker.js'), { workerData: { rules: [], now: 0, maxBytes: 1 << 20, keepAll: true } });
    try {
      const reply = await new Promise<{ id: number; result?: { records: number; kept: unknown[] }; error?: string }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 7, file: log });
      });
      assert.equal(reply.error, undefined);
      assert.equal(reply.id, 7);
      assert.equal(reply.result?.records, 1);
      assert.equal(reply.result?.kept.length, 1);
    } finally {
      await worker.terminate();
    }
  });

  it('scans a file of 1 MB or more and reports its last line', () => {
    const ws = workspace();
    const buckets: string[] = [];
    for (let i = 0, size = 0; size < 1024 * 1024; i++) {
      const b = `resource "aws_s3_bucket" "p${i}" {\n  acl = "private"\n}\n`;
      buckets.push(b);
      size += b.length;
    }
    const text = `${buckets.join('')}resource "aws_s3_bucket" "last" {\n  acl = "public-read"\n}\n`;
    writeFileSync(join(ws.dir, 'infra', 'big.tf'), text);
    const r = runAction(ws, { path: 'infra', 'soft-fail': 'true', annotations: '0' });
    assert.equal(r.code, 0, r.stdout);
    const lastLine = text.split('\n').length - 2; // the acl line of the last bucket
    const results = r.sarif.runs[0]!.results.map(
      (x) => `${x.ruleId} ${x.locations[0]!.physicalLocation.artifactLocation.uri}:${x.locations[0]!.physicalLocation.region.startLine}`,
    );
    assert.ok(results.includes(`TEAM.BUCKET.1 infra/big.tf:${lastLine}`), results.join('\n'));
  });
});
