// `--benchmark`: the checks of one version, and its compliance report in Markdown, JSON, HTML and SARIF.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runScanCommand } from '../../src/cli/scan-command.js';
import type { ScanFlags } from '../../src/scan/options.js';
import { repoRoot } from '../helpers/paths.js';
import { NOW, tmp } from './helpers.js';

const MAIN_TF = `variable "office" {
  type = string
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length   = 14
  password_reuse_prevention = 24
}

resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
    description = "</style><script>alert(1)</script>"
  }
}

resource "aws_vpc_security_group_ingress_rule" "office" {
  security_group_id = aws_security_group.web.id
  cidr_ipv6         = var.office
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
}
`;

async function run(flags: ScanFlags): Promise<{ code: number; stdout: string; stderr: string; dir: string }> {
  const dir = tmp('bench');
  mkdirSync(join(dir, 'tf'));
  writeFileSync(join(dir, 'tf', 'main.tf'), MAIN_TF);
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), color: false };
  const code = await runScanCommand({ paths: [join(dir, 'tf')], flags: { noConfig: true, ...flags }, now: NOW }, io, repoRoot);
  return { code, stdout, stderr, dir };
}

describe('--benchmark', () => {
  it('JSON: every recommendation of the version with its status, the findings and unknowns behind it, and totals', async () => {
    const r = await run({ benchmark: 'cis-aws-5.0.0', format: ['json'] });
    assert.equal(r.code, 1, r.stderr);
    const b = JSON.parse(r.stdout).benchmark;
    assert.equal(b.id, 'cis-aws-5.0.0');
    assert.equal(b.recommendations.length, 63);
    const rec = (id: string) => b.recommendations.find((x: { id: string }) => x.id === id);
    assert.equal(rec('5.3').status, 'fail');
    assert.deepEqual(
      rec('5.3').findings.map((f: { check_id: string; line: number }) => [f.check_id, f.line]),
      [['TFG.AWS.EC2.2', 16]],
    );
    assert.equal(rec('5.4').status, 'unknown');
    assert.deepEqual(rec('5.4').unknowns[0].reasons, ['var.office has no value']);
    assert.equal(rec('1.7').status, 'pass');
    assert.equal(rec('1.1').status, 'not-judged');
    assert.match(rec('1.1').not_judged, /account settings/);
    assert.equal(rec('2.2.4').status, 'not-applicable');
    const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, n) => a + n, 0);
    assert.equal(sum(b.totals), 63);
    assert.equal(
      b.sections.reduce((n: number, s: { counts: Record<string, number> }) => n + sum(s.counts), 0),
      63,
    );
    // Only the checks of the version ran.
    assert.ok(
      JSON.parse(r.stdout).checks.every((c: { id: string }) => c.id !== 'TFG.AWS.CLOUDWATCH.17'),
      'a check outside CIS 5.0.0 ran',
    );
  });

  it('Markdown: totals per section and a row per recommendation', async () => {
    const r = await run({ benchmark: 'cis-aws-4.0.1', format: ['markdown'] });
    assert.match(r.stdout, /^# CIS Amazon Web Services Foundations Benchmark v4\.0\.1: compliance report/);
    assert.match(r.stdout, /\| 5 Networking \| 1 \| 1 \| 1 \| 5 \| 0 \|/);
    assert.match(
      r.stdout,
      /\| 5\.3 No security group allows ingress from 0\.0\.0\.0\/0 to remote administration ports \| \*\*fail\*\* \| TFG\.AWS\.EC2\.2 \| main\.tf:16 TFG\.AWS\.EC2\.2: /,
    );
    assert.equal(r.stdout.match(/^\| \d+(\.\d+)+ /gm)!.length, 64);
  });

  it('SARIF: each result carries the sections of the version', async () => {
    const r = await run({ benchmark: 'cis-aws-3.0.0', format: ['sarif'] });
    const result = JSON.parse(r.stdout).runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'TFG.AWS.EC2.2');
    assert.deepEqual(result.properties.benchmark, { id: 'cis-aws-3.0.0', sections: ['5.2'] });
  });

  it('HTML: one self-contained page, scanned text escaped, code frames of the findings', async () => {
    const r = await run({ benchmark: 'cis-aws-5.0.0', format: ['html'] });
    const html = r.stdout;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    assert.doesNotMatch(html, /<script|src=|<link|@import|url\(/i);
    assert.match(html, /&lt;\/style&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /<span class="hit">16 \| {5}cidr_blocks = \[&quot;0\.0\.0\.0\/0&quot;\]<\/span>/);
    assert.equal(html.match(/<div class="rec"/g)!.length, 63);
  });

  it('without --benchmark, HTML lists the findings by check', async () => {
    const r = await run({ check: ['TFG.AWS.EC2.2'], format: ['html'] });
    assert.match(r.stdout, /<h1>tfguard report<\/h1>/);
    assert.match(r.stdout, /<h2>TFG\.AWS\.EC2\.2: No security group admits 0\.0\.0\.0\/0/);
  });

  it('an unknown benchmark is a usage error naming the known ones', async () => {
    const r = await run({ benchmark: 'cis-aws-9.9.9' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cis-aws-9\.9\.9/);
    assert.match(r.stderr, /cis-aws-5\.0\.0/);
    assert.equal(readFileSync(join(repoRoot, 'benchmarks', 'cis-aws-5.0.0.yaml'), 'utf8').includes('id: cis-aws-5.0.0'), true);
  });
});
