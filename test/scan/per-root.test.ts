// Issue 15, item 3: a scan checks each root module as soon as it is evaluated and lets its resources go; what the
// results keep of a passing resource is its place, not its values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Check, CheckRun, parseCheck } from '../../src/checks/index.js';
import { collectGarbage } from '../../src/common/memory.js';
import type { Resource } from '../../src/evaluate/model.js';
import { loadProject } from '../../src/evaluate/project.js';
import { scan } from '../../src/scan/scan.js';
import { checkYaml, tempDir } from '../checks/helpers.js';

function check(id: string, logic: string): Check {
  const r = parseCheck(`/c/${id}.yaml`, checkYaml(id, { logic: `logic: ${logic}` }));
  assert.deepEqual(r.diagnostics, []);
  return r.check!;
}

const trail = (name: string, multi: boolean): string =>
  `resource "aws_cloudtrail" "${name}" {\n  name                  = "${name}"\n  is_multi_region_trail = ${multi}\n}\n`;

/** Two root modules (a calls the local module m) and a third that is only called. */
function repository(): string {
  return tempDir({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'a/main.tf': `${trail('a', true)}module "m" {\n  source = "../m"\n}\n`,
    'b/main.tf': trail('b', false),
    'm/main.tf': trail('m', false),
  });
}

describe('root modules are checked one at a time', () => {
  it('loadProject hands each root its resources, those of its modules included, and keeps none of them', async () => {
    const dir = repository();
    const handed: [string, string[]][] = [];
    const project = await loadProject(dir, {
      env: {},
      eachRoot: (root, resources) => handed.push([root.slice(dir.length), resources.map((r) => r.address)]),
    });
    assert.deepEqual(handed, [
      ['/a', ['aws_cloudtrail.a', 'module.m.aws_cloudtrail.m']],
      ['/b', ['aws_cloudtrail.b']],
    ]);
    assert.deepEqual(project.resources, []);
    assert.equal(project.handedOver, 3);
  });

  it('a scan reports every root, counts the handed-over resources, and keeps only the place of a passing one', async () => {
    const dir = repository();
    const checks = tempDir({ 'multi.yaml': checkYaml('TEAM.CLOUDTRAIL.1') });
    const r = await scan({ paths: [dir], flags: { noConfig: true, format: ['json'], checksDir: [checks] }, builtinDir: tempDir({}) });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.report.resources, 3);
    assert.deepEqual(
      r.report.findings.map((f) => [f.checkId, f.file.slice(dir.length), f.range.start.line]),
      [
        ['TEAM.CLOUDTRAIL.1', '/b/main.tf', 3],
        ['TEAM.CLOUDTRAIL.1', '/m/main.tf', 3],
      ],
    );
    assert.deepEqual(
      r.report.passed.map((p) => p.address),
      ['aws_cloudtrail.a'],
    );
    const kept = r.report.passed[0]!.resource!;
    assert.deepEqual(Object.keys(kept).sort(), ['address', 'location', 'moduleCalls', 'root']);
    assert.equal(kept.location.file, `${dir}/a/main.tf`);
  });

  it('once a root is checked, the values of its passing resources can be collected; a finding keeps its own', async () => {
    const run = new CheckRun([check('T.MULTI.1', 'aws_cloudtrail should have is_multi_region_trail=true')]);
    const values = (multi: boolean): Resource['values'] => Object.assign(Object.create(null), { is_multi_region_trail: multi });
    const resource = (name: string, multi: boolean): Resource => ({
      address: `aws_cloudtrail.${name}`,
      module: '',
      mode: 'managed',
      type: 'aws_cloudtrail',
      name,
      values: values(multi),
      location: { file: '/r/main.tf', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } } },
      blockRange: { start: { line: 1, column: 1, offset: 0 }, end: { line: 4, column: 2, offset: 60 } },
      ranges: {},
      moduleCalls: [],
      dependsOn: [],
      references: {},
      root: '/r',
    });
    let passing: WeakRef<object>;
    let failing: WeakRef<object>;
    (() => {
      const ok = resource('ok', true);
      const bad = resource('bad', false);
      passing = new WeakRef(ok.values);
      failing = new WeakRef(bad.values);
      run.add('/r', [ok, bad]);
    })();
    // A WeakRef's target lives until the end of the job that made it.
    await new Promise((done) => setImmediate(done));
    collectGarbage();
    const result = run.finish();
    assert.deepEqual(
      result.findings.map((f) => f.address),
      ['aws_cloudtrail.bad'],
    );
    assert.deepEqual(
      result.passes.map((p) => p.address),
      ['aws_cloudtrail.ok'],
    );
    assert.equal(passing!.deref(), undefined, 'the passing resource is let go');
    assert.equal(failing!.deref(), result.findings[0]!.resource!.values, 'the finding keeps its resource');
  });
});
