import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Check, parseCheck, rangeForPath, reportLocation, resourceEntity, runCheckTests, runChecks } from '../../src/checks/index.js';
import type { Resource } from '../../src/evaluate/model.js';
import { loadProject } from '../../src/evaluate/project.js';
import { newObject } from '../../src/evaluate/value.js';
import { checkYaml, tempDir } from './helpers.js';

function check(id: string, logic: string, extra: Record<string, string | null> = {}): Check {
  const r = parseCheck(`/c/${id}.yaml`, checkYaml(id, { logic: `logic: ${logic}`, ...extra }));
  assert.deepEqual(r.diagnostics, []);
  return r.check!;
}

const pos = (line: number, column: number) => ({ line, column, offset: 0 });
const range = (line: number, column: number) => ({ start: pos(line, column), end: pos(line, column + 1) });

function resource(file: string, calls: { address: string; file: string; line: number }[] = []): Resource {
  return {
    address: 'module.a.aws_cloudtrail.t',
    module: 'module.a',
    mode: 'managed',
    type: 'aws_cloudtrail',
    name: 't',
    values: newObject(),
    location: { file, range: range(3, 1) },
    blockRange: range(3, 1),
    ranges: { event_selector: range(5, 3), 'event_selector.0': range(5, 3), 'event_selector.0.read_write_type': range(6, 5) },
    moduleCalls: calls.map((c) => ({ address: c.address, source: 'x', location: { file: c.file, range: range(c.line, 1) } })),
    dependsOn: [],
    references: {},
  };
}

describe('finding locations', () => {
  it('the exact path, else the nearest recorded prefix, else the block header', () => {
    const r = resource('/p/main.tf');
    assert.deepEqual(rangeForPath(r, 'event_selector.0.read_write_type'), { range: range(6, 5), path: 'event_selector.0.read_write_type' });
    assert.deepEqual(rangeForPath(r, 'event_selector.0.data_resource.0.values'), { range: range(5, 3), path: 'event_selector.0' });
    assert.deepEqual(rangeForPath(r, 'kms_key_id'), { range: range(3, 1) });
    assert.deepEqual(rangeForPath(r, ''), { range: range(3, 1) });
  });

  it('a resource of an installed remote module is reported at the call site the user edits', () => {
    // root → registry module → its own nested module: the root's call.
    const nested = resource('/p/.terraform/modules/a.b/main.tf', [
      { address: 'module.a', file: '/p/main.tf', line: 10 },
      { address: 'module.a.module.b', file: '/p/.terraform/modules/a/main.tf', line: 4 },
    ]);
    const at = reportLocation(nested, 'event_selector.0.read_write_type');
    assert.equal(at.file, '/p/main.tf');
    assert.equal(at.range.start.line, 10);
    assert.equal(at.via, 'module.a');
    assert.deepEqual(at.resourceLocation, { file: '/p/.terraform/modules/a.b/main.tf', range: range(6, 5) });
    // root → local module → registry module: the local module's call.
    const viaLocal = resource('/p/.terraform/modules/app.x/main.tf', [
      { address: 'module.app', file: '/p/main.tf', line: 2 },
      { address: 'module.app.module.x', file: '/p/modules/app/main.tf', line: 7 },
    ]);
    assert.deepEqual([reportLocation(viaLocal, '').file, reportLocation(viaLocal, '').range.start.line], ['/p/modules/app/main.tf', 7]);
    // A local module's resource stays where it is.
    const local = resource('/p/modules/app/main.tf', [{ address: 'module.app', file: '/p/main.tf', line: 2 }]);
    assert.deepEqual(reportLocation(local, 'event_selector.0.read_write_type'), {
      file: '/p/modules/app/main.tf',
      range: range(6, 5),
      path: 'event_selector.0.read_write_type',
    });
  });

  it('data sources are entities of type data.<type>', () => {
    const r = { ...resource('/p/main.tf'), mode: 'data' as const, address: 'data.aws_cloudtrail.t' };
    assert.equal(resourceEntity(r).type, 'data.aws_cloudtrail');
    assert.equal(resourceEntity(r).id, 'data.aws_cloudtrail.t');
  });
});

describe('running checks over a project', () => {
  const tf = [
    'resource "aws_cloudtrail" "b" {', // 1
    '  is_multi_region_trail = false', // 2
    '}', // 3
    'resource "aws_cloudtrail" "a" {', // 4
    '  name = "a"', // 5
    '}', // 6
    'data "aws_cloudtrail" "d" {', // 7
    '}', // 8
    'variable "v" {}', // 9
    'resource "aws_cloudtrail" "u" {', // 10
    '  is_multi_region_trail = var.v', // 11
    '}', // 12
  ].join('\n');

  it('turns fail results into findings at the exact range, keeps unknown results, sorts by place', async () => {
    const dir = tempDir({ 'main.tf': tf });
    const project = await loadProject(dir, { env: {} });
    const mr = check('T.MR.1', 'aws_cloudtrail should have is_multi_region_trail=true');
    const named = check('T.NAME.1', 'aws_cloudtrail should not have name isEmpty()', { severity: 'severity: info' });
    const r = runChecks([named, mr], project);
    assert.deepEqual(
      r.findings.map((f) => [
        f.range.start.line,
        f.range.start.column,
        f.checkId,
        f.address,
        f.severity,
        f.path ?? null,
        f.missing ?? false,
      ]),
      [
        // An attribute that is not set is reported on the block header, and named.
        [1, 1, 'T.NAME.1', 'aws_cloudtrail.b', 'info', 'name', true],
        [2, 3, 'T.MR.1', 'aws_cloudtrail.b', 'high', 'is_multi_region_trail', false],
        [4, 1, 'T.MR.1', 'aws_cloudtrail.a', 'high', 'is_multi_region_trail', true],
        [10, 1, 'T.NAME.1', 'aws_cloudtrail.u', 'info', 'name', true],
      ],
    );
    assert.ok(r.findings.every((f) => f.file.endsWith('main.tf') && f.title === 'Trails are multi-region'));
    assert.deepEqual(
      r.unknowns.map((u) => [u.range.start.line, u.checkId, u.address, u.reasons]),
      [[11, 'T.MR.1', 'aws_cloudtrail.u', ['var.v has no value']]],
    );
    // 3 managed trails × 2 checks; the data source is not an aws_cloudtrail entity.
    assert.equal(r.evaluations, 6);
  });

  it('a List<type> rule with nothing to point at is reported on the scanned directory', async () => {
    const dir = tempDir({ 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' });
    const project = await loadProject(dir, { env: {} });
    const r = runChecks([check('T.LIST.1', 'List<aws_cloudtrail> should have items length() > 0')], project);
    assert.deepEqual(
      r.findings.map((f) => [f.file, f.range.start.line, f.address]),
      [[project.root, 1, 'List<aws_cloudtrail>']],
    );
  });
});

describe('embedded tests', () => {
  it('passes the tests of a correct check', async () => {
    const out = await runCheckTests([check('T.MR.1', 'aws_cloudtrail should have is_multi_region_trail=true')]);
    assert.deepEqual(
      out.map((o) => [o.test.name, o.got, o.passed]),
      [
        ['single region', 'fail', true],
        ['multi region', 'pass', true],
      ],
    );
  });

  it('reports what went wrong: wrong result, wrong line, a snippet that does not load', async () => {
    const c = check('T.MR.1', 'aws_cloudtrail should not have is_multi_region_trail=true');
    const broken = check('T.MR.2', 'aws_cloudtrail should have is_multi_region_trail=true', {
      tests: [
        'tests:',
        '  - name: broken',
        '    expect: fail',
        '    terraform: |',
        '      resource "aws_cloudtrail" "t" {',
        '        is_multi_region_trail = # expect',
        '      }',
      ].join('\n'),
    });
    const wrongLine = check('T.MR.3', 'aws_cloudtrail should have is_multi_region_trail=true', {
      tests: [
        'tests:',
        '  - name: header',
        '    expect: fail',
        '    terraform: |',
        '      resource "aws_cloudtrail" "t" { # expect',
        '        is_multi_region_trail = false',
        '      }',
      ].join('\n'),
    });
    const out = await runCheckTests([c, broken, wrongLine]);
    assert.deepEqual(
      out.map((o) => [o.test.name, o.got, o.passed, o.message]),
      [
        ['single region', 'pass', false, 'expected fail, got pass'],
        ['multi region', 'fail', false, 'expected pass, got fail: aws_cloudtrail.test at line 16'],
        ['broken', 'error', false, out[2]!.message],
        [
          'header',
          'fail',
          false,
          'expected a finding at 1:1 of the snippet (marked `# expect`); got a finding at 2:3, which no `# expect` marks',
        ],
      ],
    );
    assert.match(out[2]!.message!, /^the snippet does not load: line 2:\d+ of the snippet: /);
  });
});

describe('several root modules', () => {
  it('keeps resources with the same address apart: each finding in its own file, references within its root', async () => {
    const trail = (multi: boolean, line2: string) => `resource "aws_cloudtrail" "t" {\n  ${line2}\n  is_multi_region_trail = ${multi}\n}\n`;
    const dir = tempDir({
      'a/main.tf': trail(false, 's3_bucket_name = aws_s3_bucket.logs.id') + 'resource "aws_s3_bucket" "logs" {\n  bucket = "shared"\n}\n',
      // Names a bucket that exists only in another configuration: no join across roots.
      'b/main.tf': trail(false, 's3_bucket_name = "shared"'),
      'c/main.tf': trail(true, 's3_bucket_name = aws_s3_bucket.own.id') + 'resource "aws_s3_bucket" "own" {}\n',
    });
    const project = await loadProject(dir, { env: {} });
    const mr = check('T.MR.1', 'aws_cloudtrail should have is_multi_region_trail=true');
    const bucket = check('T.BUCKET.1', 'aws_cloudtrail should have s3_bucket_name references(aws_s3_bucket) length() > 0');
    const r = runChecks([mr, bucket], project);
    const rel = (f: string) => f.slice(dir.length + 1);
    assert.deepEqual(
      r.findings.map((f) => [rel(f.file), f.range.start.line, f.checkId]),
      [
        ['a/main.tf', 3, 'T.MR.1'],
        ['b/main.tf', 2, 'T.BUCKET.1'],
        ['b/main.tf', 3, 'T.MR.1'],
      ],
    );
    assert.ok(r.findings.every((f) => f.resource && rel(f.resource.location.file) === rel(f.file)));
  });
});
