// Golden tests for every format over the report fixture, byte-identical repeated scans, and the
// structural rules GitHub code scanning applies to SARIF (the OASIS schema itself is checked by
// test/conformance/sarif.ts in .ci/conformance.sh). UPDATE_GOLDEN=1 rewrites the golden files.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { repoRoot } from '../helpers/paths.js';
import { REPORT_TF, scan, tmp } from './helpers.js';

const GOLDEN = join(repoRoot, 'test', 'report', 'golden');
const FORMATS: [string, string][] = [
  ['text', 'txt'],
  ['json', 'json'],
  ['sarif', 'sarif'],
  ['junit', 'xml'],
  ['github', 'github.txt'],
  ['markdown', 'md'],
];

async function render(format: string): Promise<string> {
  const dir = tmp('fmt');
  const file = join(dir, `out.${format}`);
  const r = await scan(REPORT_TF, { format: [`${format}=${file}`] });
  assert.equal(r.code, 1, r.stderr);
  return readFileSync(file, 'utf8');
}

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`);
}

/** What GitHub code scanning requires of an uploaded file (research/ux.md §1.1, §1.6). */
export function githubSarifProblems(log: Sarif.Log): string[] {
  const p: string[] = [];
  if (log.version !== '2.1.0') p.push('version');
  if (!log.$schema) p.push('$schema');
  if (log.runs.length !== 1) p.push('one run');
  const run = log.runs[0]!;
  const rules = run.tool.driver.rules ?? [];
  const ids = rules.map((r) => r.id);
  if (new Set(ids).size !== ids.length) p.push('duplicate rules');
  for (const r of rules) {
    if (!r.shortDescription?.text || !r.fullDescription?.text || !r.help?.text || !r.help.markdown) p.push(`${r.id}: descriptions/help`);
    const tags = (r.properties?.tags ?? []) as string[];
    if (tags.length > 20 || new Set(tags).size !== tags.length) p.push(`${r.id}: tags`);
    const sev = r.properties?.['security-severity'] as string | undefined;
    if (sev !== undefined && !(typeof sev === 'string' && /^\d+\.\d$/.test(sev) && Number(sev) > 0 && Number(sev) <= 10))
      p.push(`${r.id}: security-severity`);
    if (!['note', 'warning', 'error'].includes(r.defaultConfiguration?.level ?? '')) p.push(`${r.id}: level`);
  }
  if (!run.automationDetails?.id?.endsWith('/')) p.push('automationDetails.id');
  if (run.columnKind !== 'utf16CodeUnits') p.push('columnKind');
  for (const [i, res] of (run.results ?? []).entries()) {
    if (res.ruleIndex === undefined || rules[res.ruleIndex]?.id !== res.ruleId) p.push(`result ${i}: ruleIndex`);
    if (!['note', 'warning', 'error'].includes(res.level ?? '')) p.push(`result ${i}: level`);
    if (!res.message.text) p.push(`result ${i}: message`);
    if (res.locations?.length !== 1) p.push(`result ${i}: exactly one location`);
    const loc = res.locations?.[0]?.physicalLocation;
    const uri = loc?.artifactLocation?.uri ?? '';
    if (
      !uri ||
      /^[a-z][a-z0-9+.-]*:/i.test(uri) ||
      uri.startsWith('/') ||
      uri.split('/').includes('..') ||
      uri.split('/').includes('.terraform')
    )
      p.push(`result ${i}: uri ${uri}`);
    if (!loc?.region || !(loc.region.startLine! >= 1)) p.push(`result ${i}: startLine`);
    if (!/^[0-9a-f]{1,16}:\d+$/.test(res.partialFingerprints?.primaryLocationLineHash ?? '')) p.push(`result ${i}: fingerprint`);
  }
  return p;
}

describe('formats', () => {
  for (const [format, ext] of FORMATS) {
    it(`${format} matches its golden file`, async () => {
      golden(`scan.${ext}`, await render(format));
    });
  }

  it('gives byte-identical SARIF and JSON for two scans', async () => {
    assert.equal(await render('sarif'), await render('sarif'));
    assert.equal(await render('json'), await render('json'));
  });

  it('writes SARIF that GitHub accepts: rules that ran, one relative location, fingerprints', async () => {
    const log = JSON.parse(await render('sarif')) as Sarif.Log;
    assert.deepEqual(githubSarifProblems(log), []);
    const run = log.runs[0]!;
    assert.deepEqual(
      run.tool.driver.rules!.map((r) => r.id),
      ['TEAM.BUCKET.1', 'TEAM.TRAIL.1', 'TFG.TFGUARD.SUPPRESSION.1'],
    );
    const trail = run.tool.driver.rules![1]!;
    assert.equal(trail.properties!['security-severity'], '8.0');
    assert.deepEqual(trail.properties!.aliases, {
      checkov: ['CKV_AWS_67'],
      tfsec: ['aws-cloudtrail-enable-all-regions'],
      trivy: ['AVD-AWS-0014'],
    });
    assert.match(trail.help!.markdown!, /## Remediation\n\nSet `is_multi_region_trail = true`\./);
    assert.equal(run.automationDetails!.id, 'tfguard/fixtures-report-tf/');
    const plain = run.results!.find((r) => r.message.text!.includes('aws_cloudtrail.plain'))!;
    assert.deepEqual(plain.locations![0]!.physicalLocation!.region, { startLine: 5, startColumn: 3, endLine: 5, endColumn: 32 });
    assert.equal(plain.locations![0]!.physicalLocation!.artifactLocation!.uri, 'fixtures/report/tf/main.tf');
    assert.equal(plain.message.text, 'Trails record all regions: aws_cloudtrail.plain has is_multi_region_trail = false.');
    assert.equal(
      run.results!.some((r) => r.message.text!.includes('ignored_above')),
      false,
      'suppressed findings stay out by default',
    );
  });

  it('includes suppressed findings with --sarif-include-suppressed, marked as suppressed', async () => {
    const dir = tmp('sup');
    const r = await scan(REPORT_TF, { format: [`sarif=${join(dir, 'o.sarif')}`], sarifIncludeSuppressed: true });
    assert.equal(r.code, 1);
    const log = JSON.parse(readFileSync(join(dir, 'o.sarif'), 'utf8')) as Sarif.Log;
    const above = log.runs[0]!.results!.find((x) => x.message.text!.includes('ignored_above'))!;
    assert.deepEqual(above.suppressions, [
      { kind: 'inSource', status: 'accepted', justification: 'sandbox account, single region by design' },
    ]);
  });

  it('keeps fingerprints when lines are added above a finding', async () => {
    const root = tmp('fp');
    mkdirSync(join(root, '.git'));
    cpSync(REPORT_TF, join(root, 'tf'), { recursive: true });
    const once = async (): Promise<Map<string, { line: number; hash: string }>> => {
      const file = join(root, 'out.sarif');
      await scan(join(root, 'tf'), { format: [`sarif=${file}`] });
      const log = JSON.parse(readFileSync(file, 'utf8')) as Sarif.Log;
      return new Map(
        log.runs[0]!.results!.map((r) => [
          `${r.ruleId} ${r.message.text}`,
          { line: r.locations![0]!.physicalLocation!.region!.startLine!, hash: r.partialFingerprints!.primaryLocationLineHash! },
        ]),
      );
    };
    const before = await once();
    const main = join(root, 'tf', 'main.tf');
    writeFileSync(main, '# added\nlocals {\n  a = 1\n}\n\n' + readFileSync(main, 'utf8'));
    const after = await once();
    const key = 'TEAM.TRAIL.1 Trails record all regions: aws_cloudtrail.plain has is_multi_region_trail = false.';
    assert.equal(after.get(key)!.line, before.get(key)!.line + 5);
    assert.equal(after.get(key)!.hash, before.get(key)!.hash);
    assert.equal(before.size, after.size);
    for (const [k, v] of before) assert.equal(after.get(k)?.hash, v.hash, k);
  });
});

describe('SARIF notifications', () => {
  it('carry no absolute path: inside the repository relative, outside it named as such', async () => {
    const { withoutAbsolutePaths } = await import('../../src/report/sarif.js');
    const report = { repoRoot: '/work/repo' } as Parameters<typeof withoutAbsolutePaths>[0];
    assert.equal(
      withoutAbsolutePaths(report, 'cannot read /work/repo/infra/x.tf (linked to /etc/passwd); see `/tmp/a b`'),
      'cannot read infra/x.tf (linked to <outside the repository>); see `<outside the repository> b`',
    );
  });
});
