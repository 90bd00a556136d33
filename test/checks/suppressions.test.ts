// Every suppression form over the report fixture: line and line above, expiry, several IDs, module
// calls, checkov/tfsec/trivy comments for aliased checks, and the switches that turn them off.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadChecks, runChecks } from '../../src/checks/index.js';
import { applySuppressions, parseSuppressions, type SuppressOptions } from '../../src/checks/suppressions.js';
import { loadProject } from '../../src/evaluate/project.js';
import { fixture, repoRoot } from '../helpers/paths.js';

const NOW = Date.UTC(2026, 0, 15);

async function run(options: Partial<SuppressOptions> = {}) {
  const { checks } = loadChecks([{ dir: fixture('report', 'checks') }]);
  const project = await loadProject(fixture('report', 'tf'));
  const { findings } = runChecks(checks, project, { now: NOW });
  const r = applySuppressions(findings, project, checks, { inline: true, peers: true, requireReason: false, now: NOW, ...options });
  const by = new Map(r.suppressed.map((s) => [`${s.finding.checkId} ${s.finding.address}`, s.by]));
  return { r, by, kept: r.kept.map((f) => `${f.checkId} ${f.address}`).sort() };
}

describe('inline suppressions', () => {
  it('honours every form and reports an expired comment as a finding of its own', async () => {
    const { r, by, kept } = await run();
    assert.deepEqual(kept, [
      'TEAM.BUCKET.1 aws_s3_bucket.payload',
      'TEAM.BUCKET.1 module.prod.aws_s3_bucket.logs',
      'TEAM.TRAIL.1 aws_cloudtrail.expired',
      'TEAM.TRAIL.1 aws_cloudtrail.plain',
      'TEAM.TRAIL.1 module.prod.aws_cloudtrail.this',
    ]);
    assert.deepEqual(by.get('TEAM.TRAIL.1 aws_cloudtrail.ignored_above'), {
      kind: 'inline',
      source: 'tfguard',
      reason: 'sandbox account, single region by design',
      file: fixture('report', 'tf', 'main.tf'),
      line: 8,
    });
    assert.equal(by.get('TEAM.TRAIL.1 aws_cloudtrail.ignored_on_line')?.reason, 'accepted in ADR-7');
    assert.deepEqual(
      [by.get('TEAM.TRAIL.1 aws_cloudtrail.checkov_skip')?.source, by.get('TEAM.TRAIL.1 aws_cloudtrail.checkov_skip')?.reason],
      ['checkov', 'regional by design'],
    );
    assert.equal(by.get('TEAM.TRAIL.1 aws_cloudtrail.tfsec_ignore')?.source, 'tfsec');
    assert.deepEqual(
      [by.get('TEAM.TRAIL.1 aws_cloudtrail.trivy_ignore')?.source, by.get('TEAM.TRAIL.1 aws_cloudtrail.trivy_ignore')?.expires],
      ['trivy', '2999-12-31'],
    );
    // Module call: both IDs of the comment cover both resources inside module.lab, not module.prod.
    assert.equal(by.get('TEAM.TRAIL.1 module.lab.aws_cloudtrail.this')?.line, 45);
    assert.equal(by.get('TEAM.BUCKET.1 module.lab.aws_s3_bucket.logs')?.line, 45);
    assert.deepEqual(
      r.problems.map((p) => [p.kind, p.comment, p.range.start.line, p.kind === 'expired' ? p.expires : undefined]),
      [['expired', 'tfguard:ignore:TEAM.TRAIL.1', 18, '2020-01-31']],
    );
  });

  it('ignores peers when asked, and every comment with --no-inline-suppressions', async () => {
    const peers = await run({ peers: false });
    for (const a of ['checkov_skip', 'tfsec_ignore', 'trivy_ignore']) assert.ok(peers.kept.includes(`TEAM.TRAIL.1 aws_cloudtrail.${a}`), a);
    assert.ok(!peers.kept.includes('TEAM.TRAIL.1 aws_cloudtrail.ignored_above'));
    const none = await run({ inline: false });
    assert.equal(none.r.suppressed.length, 0);
    assert.equal(none.r.problems.length, 0);
    assert.equal(none.kept.length, 13);
  });

  it('requires a reason when configured: comments without one silence nothing and are findings', async () => {
    const { r, kept } = await run({ requireReason: true });
    assert.ok(kept.includes('TEAM.TRAIL.1 aws_cloudtrail.no_reason'));
    assert.ok(kept.includes('TEAM.TRAIL.1 aws_cloudtrail.tfsec_ignore'));
    assert.deepEqual(
      r.problems
        .filter((p) => p.kind === 'unexplained')
        .map((p) => p.range.start.line)
        .sort((a, b) => a - b),
      [28, 32, 37],
    );
  });

  it('parses several directives, reasons, expiry and rejects bad dates with a diagnostic', () => {
    const text = [
      '# tfguard:ignore:A.B.1,C.D.2 exp:2030-01-01 two at once',
      'x = 1 // tfguard:ignore:A.B.1 first tfguard:ignore:C.D.2:exp:2031-02-03 second',
      '# tfguard:ignore:A.B.1:exp:2030-02-30 bad date',
      '# trivy:ignore:AVD-AWS-0014[from_port=22] attribute filters are not honoured',
    ].join('\n');
    const lines = text.split('\n');
    const offset = (n: number, col: number): number => lines.slice(0, n - 1).join('\n').length + (n > 1 ? 1 : 0) + col - 1;
    const line = (n: number, col: number, len: number) => ({
      start: { line: n, column: col, offset: offset(n, col) },
      end: { line: n, column: col + len, offset: offset(n, col + len) },
    });
    const comments = [
      { text: lines[0]!, range: line(1, 1, lines[0]!.length) },
      { text: lines[1]!.slice(6), range: line(2, 7, lines[1]!.length - 6) },
      { text: lines[2]!, range: line(3, 1, lines[2]!.length) },
      { text: lines[3]!, range: line(4, 1, lines[3]!.length) },
    ];
    const diagnostics: import('../../src/common/diagnostics.js').Diagnostic[] = [];
    const s = parseSuppressions({ path: 'main.tf', text, comments }, diagnostics);
    assert.deepEqual(
      s.map((x) => [x.ids, x.reason, x.expires, x.ownLine]),
      [
        [['A.B.1', 'C.D.2'], 'two at once', '2030-01-01', true],
        [['A.B.1'], 'first', undefined, false],
        [['C.D.2'], 'second', '2031-02-03', false],
      ],
    );
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /expiry `2030-02-30` is not a date/);
  });

  it('in a .tf.json file, a "//" property holding a directive stands on its own line, as a comment does', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-suppress-json-'));
    const trail = {
      name: 't',
      s3_bucket_name: 'b',
      '//': 'tfguard:ignore:D9.TF.AWS.LOG.01 one region by design',
      is_multi_region_trail: false,
    };
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ resource: { aws_cloudtrail: { t: trail } } }, null, 2) + '\n');
    const checks = loadChecks([{ dir: join(repoRoot, 'checks'), builtin: true }]).checks.filter((c) => c.id === 'D9.TF.AWS.LOG.01');
    const project = await loadProject(dir);
    const { findings } = runChecks(checks, project, { now: NOW });
    assert.deepEqual(
      findings.map((f) => [f.checkId, f.range.start.line]),
      [['D9.TF.AWS.LOG.01', 8]],
    );
    const r = applySuppressions(findings, project, checks, { inline: true, peers: true, requireReason: false, now: NOW });
    assert.deepEqual(
      r.suppressed.map((s) => [s.finding.checkId, s.by.kind === 'inline' ? [s.by.line, s.by.reason] : s.by.kind]),
      [['D9.TF.AWS.LOG.01', [7, 'one region by design']]],
    );
  });
});
