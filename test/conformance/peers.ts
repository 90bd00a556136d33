// Conformance against the peers' own test fixtures (../shared/corpus/peers, MANIFEST.tsv):
//   node dist/test/conformance/peers.js <peers-dir> [--write docs/conformance.md] [--strict]
// Each fixture with an expected pass/fail/mixed result is scanned with the built-in check that lists the
// fixture's check ID among its aliases. KICS's CIS alarm queries ignore the trail, so their fixtures have
// none: a harness trail (written here, multi-region, logging, sending to the fixture's log group) is
// added beside them, with the log group and a subscribed topic when the fixture lacks them. Results are
// compared with the peer's expectation, KICS lines with our finding lines when the finding is in the
// fixture. Every disagreement should have a reason in REASONS; the report marks the others as open, and
// --strict fails the run (exit 1) while any is open.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { builtinChecksDir, loadChecks, runChecks, type Check } from '../../src/checks/index.js';
import { loadProject } from '../../src/evaluate/project.js';
import { REASONS } from './peers-reasons.js';

interface Row {
  peer: string;
  checkId: string;
  file: string;
  expected: string;
  lines: number[];
  notes: string;
}
interface Outcome {
  row: Row;
  check: string;
  got: 'pass' | 'fail' | 'unknown' | 'error';
  agree: boolean;
  detail: string;
  linesCompared?: boolean;
  reason?: string;
}

const ALARMS = /^TFG\.AWS\.CLOUDWATCH\.([1-9]|1[0-5])$/;

function harness(fixture: string): string {
  const group = /aws_cloudwatch_log_group\.([A-Za-z0-9_-]+)/.exec(fixture)?.[1] ?? 'harness';
  let tf = `resource "aws_cloudtrail" "harness" {\n  name                       = "harness"\n  s3_bucket_name             = "harness"\n  is_multi_region_trail      = true\n  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.${group}.arn}:*"\n}\n`;
  if (!new RegExp(`resource\\s+"aws_cloudwatch_log_group"\\s+"${group}"`).test(fixture))
    tf += `\nresource "aws_cloudwatch_log_group" "${group}" {\n  name = "harness"\n}\n`;
  for (const m of fixture.matchAll(/aws_sns_topic\.([A-Za-z0-9_-]+)\.arn/g)) {
    const t = m[1]!;
    if (tf.includes(`"aws_sns_topic" "${t}"`)) continue;
    if (!new RegExp(`resource\\s+"aws_sns_topic"\\s+"${t}"`).test(fixture))
      tf += `\nresource "aws_sns_topic" "${t}" {\n  name = "${t}"\n}\n`;
    tf += `\nresource "aws_sns_topic_subscription" "harness_${t}" {\n  topic_arn = aws_sns_topic.${t}.arn\n  protocol  = "email"\n  endpoint  = "harness@example.com"\n}\n`;
  }
  return tf;
}

function readManifest(dir: string): Row[] {
  return readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => {
      const [peer, checkId, file, expected, lines, notes] = l.split('\t');
      return {
        peer: peer!,
        checkId: checkId!,
        file: file!,
        expected: expected!,
        lines: (lines ?? '').split(',').filter(Boolean).map(Number),
        notes: notes ?? '',
      };
    });
}

async function scan(
  check: Check,
  src: string,
  withHarness: boolean,
): Promise<{ findings: { address: string; line: number; file: string }[]; unknowns: number; error?: string; loadError?: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-peers-'));
  try {
    mkdirSync(join(dir, 'p'));
    copyFileSync(src, join(dir, 'p', 'fixture.tf'));
    if (withHarness) writeFileSync(join(dir, 'p', 'zz_harness.tf'), harness(readFileSync(src, 'utf8')));
    const project = await loadProject(join(dir, 'p'), { env: {} });
    // Peers' fixtures are often not valid configurations on their own (an undeclared variable): the peers
    // scan them anyway, so do we; the error is noted, and only a fixture with no resource is an error.
    const errors = project.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length && project.resources.length === 0) return { findings: [], unknowns: 0, error: errors[0]!.message };
    const r = runChecks([check], project);
    return {
      findings: r.findings.map((f) => ({ address: f.address, line: f.range.start.line, file: basename(f.file) })),
      unknowns: r.unknowns.length,
      ...(errors.length ? { loadError: errors[0]!.message } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The resource type of an address: `module.a[0].aws_s3_bucket.b["x"]` → `aws_s3_bucket`, `data.t.n` → `data.t`. */
function addressType(address: string): string {
  let rest = address;
  while (rest.startsWith('module.')) rest = rest.replace(/^module\.[^.[]+(\[[^\]]*\])?\./, '');
  const parts = rest.split('.');
  return (parts[0] === 'data' ? `data.${parts[1] ?? ''}` : (parts[0] ?? '')).toLowerCase();
}

function judge(row: Row, check: Check, s: Awaited<ReturnType<typeof scan>>): Outcome {
  const got = s.error ? 'error' : s.findings.length ? 'fail' : s.unknowns ? 'unknown' : 'pass';
  const base = { row, check: check.id, got } as const;
  if (row.expected === 'mixed') {
    // A peer may list several resource types under one ID (checkov's CKV_AWS_226 covers instances and cluster
    // instances); a tfguard check judges one type, so only the addresses of that type are compared.
    // When none is of the check's type (the peer anchors elsewhere), all are compared, as the reasons say.
    const own = check.rule.entities.map((t) => t.toLowerCase());
    const listed = (k: string): string[] =>
      (new RegExp(`${k}: ([^;]*)`).exec(row.notes)?.[1] ?? '')
        .split(/[\s,]+/)
        .map((x) => x.trim())
        .filter(Boolean);
    const anyOwn = [...listed('pass'), ...listed('fail')].some((a) => own.includes(addressType(a)));
    const want = (k: string): string[] => listed(k).filter((a) => !anyOwn || own.includes(addressType(a)));
    const failing = new Set(s.findings.map((f) => f.address));
    const wrong = [
      ...want('pass')
        .filter((a) => failing.has(a))
        .map((a) => `${a} fails`),
      ...want('fail')
        .filter((a) => !failing.has(a))
        .map((a) => `${a} passes`),
    ];
    const note = s.loadError ? ` (the fixture loads with an error: ${s.loadError})` : '';
    return { ...base, agree: wrong.length === 0, detail: (wrong.join('; ') || 'every resource as expected') + note };
  }
  const agree = got === row.expected;
  if (!agree) return { ...base, agree, detail: s.error ? `does not load: ${s.error}` : `expected ${row.expected}, got ${got}` };
  if (row.peer === 'kics' && got === 'fail' && row.lines.length) {
    const inFixture = s.findings
      .filter((f) => f.file === 'fixture.tf')
      .map((f) => f.line)
      .sort((a, b) => a - b);
    if (inFixture.length === 0)
      return {
        ...base,
        agree,
        detail: `lines not compared: our finding is on the harness trail, KICS's on line ${row.lines.join(',')}`,
        linesCompared: false,
      };
    const ours = [...new Set(inFixture)];
    const theirs = [...new Set(row.lines)].sort((a, b) => a - b);
    const same = ours.join(',') === theirs.join(',');
    return {
      ...base,
      agree: same,
      detail: same ? `lines ${ours.join(',')}` : `lines: KICS ${row.lines.join(',')}, tfguard ${inFixture.join(',')}`,
      linesCompared: true,
    };
  }
  return { ...base, agree, detail: 'as expected' };
}

function report(outcomes: Outcome[], skipped: Row[]): string {
  const out: string[] = [
    "# Conformance with the peers' test fixtures",
    '',
    'Generated by `node dist/test/conformance/peers.js ../shared/corpus/peers --write docs/conformance.md` (run by .ci/conformance.sh); do not edit by hand.',
    '',
  ];
  out.push(
    "Each fixture of ../shared/corpus/peers with an expected result is scanned with the tfguard check that lists the fixture's check ID as an alias. KICS's CIS alarm fixtures have no trail (KICS ignores it); tfguard anchors those checks on the trail, so a harness trail sending to the fixture's log group is added. Findings on the harness trail cannot be compared with KICS's lines (KICS reports line 1 of the file); that convention difference is stated per row. Disagreements with a reason are explained in the check's description too; those marked not yet explained are open work.",
    '',
  );
  const agreed = outcomes.filter((o) => o.agree).length;
  const open = outcomes.filter((o) => !o.agree && !o.reason).length;
  out.push(
    `**${outcomes.length} fixtures: ${agreed} agreed, ${outcomes.length - agreed - open} disagreed with a reason, ${open} disagreed and not yet explained.**`,
    '',
  );
  out.push('## By control and peer', '', '| check | peer | agreed | disagreed with reason | not yet explained |', '|---|---|---|---|---|');
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const k = `${o.check}\t${o.row.peer}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(o);
  }
  for (const [k, os] of [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }))) {
    const [c, p] = k.split('\t');
    out.push(
      `| ${c} | ${p} | ${os.filter((o) => o.agree).length} | ${os.filter((o) => !o.agree && o.reason).length} | ${os.filter((o) => !o.agree && !o.reason).length} |`,
    );
  }
  out.push('', '## Every fixture', '', '| check | peer | peer ID | file | expected | tfguard | result |', '|---|---|---|---|---|---|---|');
  for (const o of outcomes) {
    const res = o.agree
      ? `agreed (${o.detail})`
      : o.reason
        ? `**disagreed**: ${o.detail}. Reason: ${o.reason}`
        : `**disagreed, not yet explained**: ${o.detail}`;
    out.push(
      `| ${o.check} | ${o.row.peer} | ${o.row.checkId} | ${o.row.file} | ${o.row.expected} | ${o.got} | ${res.replace(/\|/g, '\\|')} |`,
    );
  }
  if (skipped.length) {
    out.push(
      '',
      '## Not scanned',
      '',
      "Fixtures that are not Terraform (checkov's python dicts) or whose check ID no tfguard check aliases (generic S3 checks outside this library):",
      '',
    );
    for (const r of skipped) out.push(`- ${r.peer} ${r.checkId} ${r.file}`);
  }
  // The hand-written review of the real-world corpus (test/conformance/corpus-review.md) closes the report.
  out.push('', readFileSync(new URL('../../../test/conformance/corpus-review.md', import.meta.url), 'utf8').trimEnd(), '');
  return out.join('\n');
}

async function main(): Promise<number> {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: peers.js <peers-dir> [--write FILE]\n');
    return 2;
  }
  const w = process.argv.indexOf('--write');
  const loaded = loadChecks([{ dir: builtinChecksDir(), builtin: true }]);
  // A peer ID that several checks alias (KICS folds global service events into its multi-region query) is
  // judged with the first of them by ID, whatever the check files are named.
  const byAlias = new Map<string, Check>();
  for (const c of [...loaded.checks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    for (const [peer, ids] of Object.entries(c.aliases))
      for (const id of ids ?? []) if (!byAlias.has(`${peer}\t${id}`)) byAlias.set(`${peer}\t${id}`, c);
  const outcomes: Outcome[] = [];
  const skipped: Row[] = [];
  for (const row of readManifest(dir)) {
    if (!['pass', 'fail', 'mixed'].includes(row.expected)) continue;
    const check = byAlias.get(`${row.peer}\t${row.checkId}`);
    if (!check || !row.file.endsWith('.tf')) {
      skipped.push(row);
      continue;
    }
    const o = judge(
      row,
      check,
      await scan(check, join(dir, row.peer, row.checkId, row.file), row.peer === 'kics' && ALARMS.test(check.id)),
    );
    if (!o.agree) {
      const reason =
        REASONS[`${check.id} ${row.peer} ${row.checkId} ${row.file}`] ??
        REASONS[`${check.id} ${row.peer} ${row.file}`] ??
        REASONS[`${check.id} ${row.peer}`];
      if (reason) o.reason = reason;
    }
    outcomes.push(o);
  }
  const text = report(outcomes, skipped);
  if (w > 0) writeFileSync(process.argv[w + 1]!, text);
  const unexplained = outcomes.filter((o) => !o.agree && !o.reason);
  const agreed = outcomes.filter((o) => o.agree).length;
  for (const o of unexplained) process.stdout.write(`UNEXPLAINED ${o.check} ${o.row.peer} ${o.row.checkId} ${o.row.file}: ${o.detail}\n`);
  process.stdout.write(
    `peers: ${outcomes.length} fixtures, ${agreed} agreed, ${outcomes.length - agreed - unexplained.length} disagreed with a reason, ${unexplained.length} unexplained; ${skipped.length} not scanned\n`,
  );
  // Open disagreements are listed in the report; --strict makes them fail the run.
  return unexplained.length && process.argv.includes('--strict') ? 1 : 0;
}

process.exitCode = await main();
