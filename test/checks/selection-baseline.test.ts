// Check selection (IDs, aliases, globs, severities) and baselines keyed by check, address and path.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadChecks, parseCheck, runChecks } from '../../src/checks/index.js';
import { loadProject } from '../../src/evaluate/project.js';
import { checkYaml, tempDir } from './helpers.js';
import { compareBaseline, createBaseline, parseBaseline, serializeBaseline } from '../../src/checks/baseline.js';
import type { Finding } from '../../src/checks/model.js';
import { selectChecks } from '../../src/checks/selection.js';
import { fixture } from '../helpers/paths.js';

const { checks } = loadChecks([{ dir: fixture('report', 'checks') }]);
const ids = (include: string[], exclude: string[] = []) => selectChecks(checks, { include, exclude });

describe('selectChecks', () => {
  it('selects by ID, alias, glob and severity', () => {
    assert.deepEqual(
      ids(['team.trail.1']).checks.map((c) => c.id),
      ['TEAM.TRAIL.1'],
    );
    assert.deepEqual(
      ids(['CKV_AWS_20']).checks.map((c) => c.id),
      ['TEAM.BUCKET.1'],
    );
    assert.deepEqual(
      ids(['AVD-AWS-0014']).checks.map((c) => c.id),
      ['TEAM.TRAIL.1'],
    );
    assert.deepEqual(
      ids(['TEAM.*'])
        .checks.map((c) => c.id)
        .sort(),
      ['TEAM.BUCKET.1', 'TEAM.TRAIL.1'],
    );
    assert.deepEqual(
      ids(['high']).checks.map((c) => c.id),
      ['TEAM.TRAIL.1'],
    );
    assert.deepEqual(
      ids(['medium'])
        .checks.map((c) => c.id)
        .sort(),
      ['TEAM.BUCKET.1', 'TEAM.TRAIL.1'],
    );
    assert.deepEqual(
      ids([], ['medium']).checks.map((c) => c.id),
      ['TEAM.TRAIL.1'],
    );
    assert.deepEqual(
      ids([], ['CKV_AWS_67,TEAM.BUCKET.*']).checks.map((c) => c.id),
      [],
    );
  });

  it('reports patterns that name no check', () => {
    assert.deepEqual(ids(['TEAM.TRAIL.9'], ['CKV_AWS_999']).unmatched, [
      { flag: '--check', pattern: 'TEAM.TRAIL.9' },
      { flag: '--skip-check', pattern: 'CKV_AWS_999' },
    ]);
  });
});

const at = (line: number) => ({ start: { line, column: 3, offset: 0 }, end: { line, column: 9, offset: 0 } });
const finding = (checkId: string, address: string, line: number, path?: string): Finding => ({
  checkId,
  severity: 'high',
  title: 't',
  address,
  file: '/r/main.tf',
  range: at(line),
  ...(path ? { path } : {}),
});

describe('baseline', () => {
  it('survives line moves, reports new and fixed findings, and round-trips', () => {
    const base = createBaseline([
      finding('A.B.1', 'aws_x.b', 5, 'acl'),
      finding('A.B.1', 'aws_x.c', 9),
      finding('A.B.1', 'aws_x.b', 5, 'acl'),
    ]);
    assert.equal(base.findings.length, 2);
    const text = serializeBaseline(base);
    const parsed = parseBaseline(text, 'b.json').baseline!;
    const now = [finding('A.B.1', 'aws_x.b', 40, 'acl'), finding('A.B.1', 'aws_x.d', 3)];
    const cmp = compareBaseline(now, parsed, new Set(['A.B.1']));
    assert.deepEqual(
      cmp.known.map((f) => f.address),
      ['aws_x.b'],
    );
    assert.deepEqual(
      cmp.fresh.map((f) => f.address),
      ['aws_x.d'],
    );
    assert.deepEqual(cmp.fixed, [{ check: 'A.B.1', address: 'aws_x.c', path: '' }]);
    assert.deepEqual(compareBaseline(now, parsed, new Set(['OTHER'])).fixed, [], 'only checks that ran can be fixed');
  });

  it('rejects broken baseline files with a diagnostic', () => {
    assert.match(parseBaseline('{', 'b.json').diagnostics[0]!.message, /not valid JSON/);
    assert.match(parseBaseline('{"version":2,"findings":[]}', 'b.json').diagnostics[0]!.message, /unsupported baseline version 2/);
    assert.match(parseBaseline('{"version":1,"findings":[{"check":1}]}', 'b.json').diagnostics[0]!.message, /findings\[0\]/);
  });
});

describe('baselines over several root modules', () => {
  it('tells the same address in two root modules apart', async () => {
    const trail = 'resource "aws_cloudtrail" "t" {\n  is_multi_region_trail = false\n}\n';
    const dir = tempDir({ 'prod/main.tf': trail, 'dev/main.tf': trail });
    const parsed = parseCheck('/c/T.MR.1.yaml', checkYaml('T.MR.1'));
    const project = await loadProject(dir, { env: {} });
    const findings = runChecks([parsed.check!], project).findings;
    assert.equal(findings.length, 2);
    const base = createBaseline(
      findings.filter((f) => f.file.includes('/prod/')),
      project.root,
    );
    assert.deepEqual(base.findings, [{ check: 'T.MR.1', address: 'aws_cloudtrail.t', path: 'is_multi_region_trail', root: 'prod' }]);
    const cmp = compareBaseline(findings, parseBaseline(serializeBaseline(base), 'b.json').baseline!, new Set(['T.MR.1']), project.root);
    assert.deepEqual(
      cmp.fresh.map((f) => f.file.slice(dir.length + 1)),
      ['dev/main.tf'],
    );
  });
});
