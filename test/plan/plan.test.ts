// Plans as projects: resources of planned_values (root and child modules) and deletions, unknowns from
// after_unknown with configuration references, @change, and findings on the same .tf lines as for the code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { loadChecks, runChecks, type Finding } from '../../src/checks/index.js';
import { loadPlanProject, planProject } from '../../src/evaluate/plan.js';
import { loadProject } from '../../src/evaluate/project.js';
import { Unknown, describeReason, isObject, mergeUnknown } from '../../src/evaluate/value.js';
import { planFromValue } from '../../src/load/plan.js';
import { fixture, repoRoot } from '../helpers/paths.js';

const config = fixture('plan', 'config');
const planFile = join(config, 'plan.json');
const { checks, diagnostics: checkDiagnostics } = loadChecks([{ dir: join(repoRoot, 'checks'), builtin: true }]);

describe('plan to project', () => {
  it('a number too large for JSON (1e999) is unknown with its reason, not null', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'tfguard-plan-')), 'plan.json');
    const resource = { address: 'aws_cloudwatch_log_group.g', mode: 'managed', type: 'aws_cloudwatch_log_group', name: 'g' };
    writeFileSync(
      file,
      `{"format_version":"1.2","planned_values":{"root_module":{"resources":[${JSON.stringify(resource).slice(0, -1)},"values":{"retention_in_days":1e999}}]}}}`,
    );
    const p = await loadPlanProject(file, { sourceDir: null });
    const v = p.resources[0]!.values.retention_in_days;
    assert.ok(v instanceof Unknown, String(v));
    assert.match(JSON.stringify(v.reasons), /too large to represent/);
  });

  it('values cut at the depth limit: one diagnostic for the plan at the first resource cut, counting the others; each value says why it is unknown', () => {
    const deep = (n: number): unknown => (n ? { x: deep(n - 1) } : 1);
    const res = (name: string, tags: unknown): object => ({
      address: `aws_s3_bucket.${name}`,
      mode: 'managed',
      type: 'aws_s3_bucket',
      name,
      values: { bucket: name, tags },
    });
    const value = {
      format_version: '1.2',
      planned_values: { root_module: { resources: [res('a', deep(600)), res('b', { k: 'v' }), res('c', deep(700))] } },
    };
    const text = JSON.stringify(value);
    const p = planFromValue('plan.json', text, JSON.parse(text) as Record<string, unknown>);
    assert.ok(p.plan);
    const project = planProject(p.plan);
    assert.deepEqual(
      project.diagnostics.map((d) => [d.code, d.message.slice(0, 65)]),
      [['limit-reached', "the plan's values of aws_s3_bucket.a and 1 more resource are JSON"]],
    );
    const b = project.resources.find((r) => r.address === 'aws_s3_bucket.b')!;
    assert.equal(JSON.stringify(b.values.tags), '{"k":"v"}');
    for (const r of ['aws_s3_bucket.a', 'aws_s3_bucket.c'])
      assert.match(
        JSON.stringify(project.resources.find((x) => x.address === r)!.values.tags),
        /limit reached: JSON nested more than 500 deep, over the nesting depth limit of 500/,
      );
  });

  it('`__proto__` keys of values and after_unknown stay plain keys of the resource (no prototype is set)', () => {
    const text = JSON.stringify({
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_s3_bucket.b',
              mode: 'managed',
              type: 'aws_s3_bucket',
              name: 'b',
              values: { bucket: 'b', tags: { __proto__x: 1 } },
            },
          ],
        },
      },
      resource_changes: [
        {
          address: 'aws_s3_bucket.b',
          mode: 'managed',
          type: 'aws_s3_bucket',
          name: 'b',
          change: { actions: ['create'], before: null, after: {}, after_unknown: { ['__proto__']: true, tags: { ['__proto__']: true } } },
        },
      ],
    }).replaceAll('__proto__x', '__proto__');
    const p = planFromValue('plan.json', text, JSON.parse(text) as Record<string, unknown>);
    const values = planProject(p.plan!).resources[0]!.values;
    assert.deepEqual(Object.keys(values), ['bucket', 'tags', '__proto__', '@change']);
    assert.ok(values['__proto__'] instanceof Unknown);
    const tags = values.tags as Record<string, unknown>;
    assert.ok(tags['__proto__'] instanceof Unknown);
    assert.deepEqual(Object.keys(tags), ['__proto__']);
    assert.equal(values.toString, undefined);
    assert.equal(tags.constructor, undefined);
    assert.equal(({} as Record<string, unknown>).reasons, undefined);
  });

  it('has the resources of planned_values, then the deleted ones', async () => {
    const p = await loadPlanProject(planFile, { sourceDir: null });
    assert.deepEqual(
      p.resources.map((r) => r.address),
      [
        'aws_cloudtrail.main',
        'aws_cloudtrail.regional[0]',
        'aws_cloudtrail.regional[1]',
        'aws_kms_key.trail',
        'module.remote.aws_cloudtrail.this',
        'module.team["blue"].aws_cloudtrail.this',
        'module.team["red"].aws_cloudtrail.this',
        'aws_cloudtrail.legacy',
      ],
    );
    const blue = p.resources[5]!;
    assert.equal(blue.module, 'module.team["blue"]');
    assert.equal(p.resources[1]!.index, 0);
  });

  it('values known only after apply are Unknown; with configuration references they are set and name them', async () => {
    const p = await loadPlanProject(planFile, { sourceDir: null });
    const main = p.resources[0]!;
    const kms = main.values.kms_key_id;
    assert.ok(kms instanceof Unknown);
    assert.equal(kms.nonEmpty, true);
    assert.deepEqual(kms.refs, ['aws_kms_key.trail.arn']);
    assert.deepEqual({ ...main.references }, { kms_key_id: ['aws_kms_key.trail.arn'] });
    const arn = p.resources[1]!.values.arn;
    assert.ok(arn instanceof Unknown);
    assert.equal(arn.nonEmpty, false);
    assert.equal(arn.describe(), 'aws_cloudtrail.regional[0].arn is known only after apply');
    // The reason reads, serialises and merges as a plain `{kind, detail}` does.
    assert.deepEqual(JSON.parse(JSON.stringify(arn.reasons)), [
      { kind: 'expression', detail: 'aws_cloudtrail.regional[0].arn is known only after apply' },
    ]);
    assert.deepEqual(arn.toJSON(), { unknown: true, reasons: ['aws_cloudtrail.regional[0].arn is known only after apply'] });
    const id = p.resources[1]!.values.id;
    assert.ok(id instanceof Unknown);
    const merged = mergeUnknown([arn, id, p.resources[1]!.values.arn!]);
    assert.deepEqual(merged.reasons.map(describeReason), [
      'aws_cloudtrail.regional[0].arn is known only after apply',
      'aws_cloudtrail.regional[0].id is known only after apply',
    ]);
  });

  it('references are module-qualified; var/each/count references are dropped', () => {
    const doc = JSON.parse(readFileSync(planFile, 'utf8')) as Record<string, unknown>;
    const conf = (
      doc.configuration as {
        root_module: { module_calls: { team: { module: { resources: { expressions: Record<string, unknown> }[] } } } };
      }
    ).root_module;
    conf.module_calls.team.module.resources[0]!.expressions.kms_key_id = { references: ['aws_kms_key.k.arn', 'aws_kms_key.k', 'var.name'] };
    const plan = planFromValue('plan.json', JSON.stringify(doc), doc).plan!;
    const red = planProject(plan).resources.find((r) => r.address === 'module.team["red"].aws_cloudtrail.this')!;
    assert.deepEqual({ ...red.references }, { kms_key_id: ['module.team["red"].aws_kms_key.k.arn'] });
  });

  it('@change holds actions, before and after; deleted resources keep their last values', async () => {
    const p = await loadPlanProject(planFile, { sourceDir: null });
    const change = p.resources[0]!.values['@change'];
    assert.ok(isObject(change));
    assert.deepEqual(change.actions, ['update']);
    assert.ok(isObject(change.before) && change.before.enable_logging === true);
    assert.ok(isObject(change.after) && change.after.enable_logging === false);
    const legacy = p.resources[7]!;
    assert.equal(legacy.values.name, 'legacy');
    assert.ok(isObject(legacy.values['@change']));
    assert.equal((legacy.values['@change'] as { after: unknown }).after, null);
  });

  it('without source, a resource stands where its address first appears in the plan', async () => {
    const p = await loadPlanProject(planFile, { sourceDir: null });
    const text = readFileSync(planFile, 'utf8').split('\n');
    for (const r of p.resources) {
      assert.equal(r.location.file, planFile);
      assert.ok(text[r.location.range.start.line - 1]!.includes(`"address": ${JSON.stringify(r.address)}`), r.address);
    }
  });
});

const key = (f: Finding): string => `${f.checkId} ${f.address} ${relative(config, f.file)}:${f.range.start.line}:${f.range.start.column}`;

describe('findings on plan resources land on the .tf lines', () => {
  it('the same findings, on the same lines, as for the Terraform code', async () => {
    assert.deepEqual(checkDiagnostics, []);
    const hcl = await loadProject(config, { env: {} });
    const plan = await loadPlanProject(planFile, { env: {} });
    assert.equal(plan.diagnostics.filter((d) => d.severity === 'error').length, 0);
    // Per-resource checks only: a List<...> check's one finding stands on a resource of the type picked by blame
    // order, and a plan's values hold explicit nulls where the code leaves attributes out.
    const perResource = checks.filter((c) => !c.rule.aggregate);
    const hclFindings = runChecks(perResource, hcl).findings.map(key).sort();
    const hclAddresses = new Set(hcl.resources.map((r) => r.address));
    const planFindings = runChecks(perResource, plan)
      .findings.filter(
        (f) =>
          hclAddresses.has(f.address) && !['TFG.AWS.CLOUDTRAIL.30', 'TFG.AWS.CLOUDTRAIL.31', 'TFG.AWS.CLOUDTRAIL.32'].includes(f.checkId),
      )
      .map(key)
      .sort();
    assert.ok(hclFindings.length >= 10, `expected code findings, got ${hclFindings.length}`);
    assert.deepEqual(planFindings, hclFindings);
    // Spot checks: count and for_each instances on their block and attribute lines.
    assert.ok(hclFindings.includes('D9.TF.AWS.LOG.01 aws_cloudtrail.main main.tf:8:3'));
    assert.ok(hclFindings.includes('D9.TF.AWS.LOG.01 aws_cloudtrail.regional[1] main.tf:17:3'));
    assert.ok(hclFindings.includes('TFG.AWS.CLOUDTRAIL.1 module.team["red"].aws_cloudtrail.this modules/trail/main.tf:5:1'));
  });

  it('change findings: on the changed attribute, on the block, at the remote module call, in the plan for deleted code', async () => {
    const plan = await loadPlanProject(planFile, { env: {} });
    const got = runChecks(checks, plan)
      .findings.filter((f) => /^TFG\.AWS\.CLOUDTRAIL\.3[0-2]$/.test(f.checkId))
      .map(key)
      .sort();
    const legacyLine =
      readFileSync(planFile, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"address": "aws_cloudtrail.legacy"')) + 1;
    assert.deepEqual(got, [
      `TFG.AWS.CLOUDTRAIL.30 aws_cloudtrail.legacy plan.json:${legacyLine}:7`,
      'TFG.AWS.CLOUDTRAIL.30 aws_cloudtrail.main main.tf:10:3',
      'TFG.AWS.CLOUDTRAIL.31 aws_cloudtrail.main main.tf:5:1',
      'TFG.AWS.CLOUDTRAIL.31 aws_cloudtrail.regional[0] main.tf:13:1',
      'TFG.AWS.CLOUDTRAIL.31 aws_cloudtrail.regional[1] main.tf:13:1',
      'TFG.AWS.CLOUDTRAIL.31 module.remote.aws_cloudtrail.this main.tf:26:1',
      'TFG.AWS.CLOUDTRAIL.31 module.team["red"].aws_cloudtrail.this modules/trail/main.tf:5:1',
      'TFG.AWS.CLOUDTRAIL.32 aws_cloudtrail.main main.tf:5:1',
    ]);
    const remote = plan.resources.find((r) => r.address === 'module.remote.aws_cloudtrail.this')!;
    assert.deepEqual(
      remote.moduleCalls.map((c) => [c.address, c.source, c.location.range.start.line]),
      [['module.remote', 'terraform-aws-modules/cloudtrail/aws', 26]],
    );
    const red = plan.resources.find((r) => r.address === 'module.team["red"].aws_cloudtrail.this')!;
    assert.deepEqual(
      red.moduleCalls.map((c) => [c.address, c.location.range.start.line]),
      [['module.team["red"]', 20]],
    );
    assert.deepEqual(
      plan.diagnostics.map((d) => d.code),
      ['plan-unplaced'],
    );
  });

  it('--source-dir that is not a directory is an error', async () => {
    const p = await loadPlanProject(planFile, { sourceDir: join(config, 'nope') });
    assert.deepEqual(
      p.diagnostics.map((d) => [d.severity, d.code, d.message]),
      [['error', 'source-dir', '--source-dir is not a directory']],
    );
    assert.equal(p.resources.length, 8, 'the plan is still read; findings point at the plan file');
  });

  it("the plan's directory is one root module: other roots below it are not read, nor lend their lines", async () => {
    const { mkdirSync, mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-plan-root-'));
    writeFileSync(
      join(dir, 'main.tf'),
      'module "logs" {\n  source = "./modules/logs"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
    );
    mkdirSync(join(dir, 'modules', 'logs'), { recursive: true });
    writeFileSync(join(dir, 'modules', 'logs', 'main.tf'), '\nresource "aws_cloudwatch_log_group" "g" {\n  name = "g"\n}\n');
    // Another root module below the plan's directory, with a block of the same address, and a broken one.
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'main.tf'), '\n\n\nresource "aws_s3_bucket" "b" {\n  bucket = "other"\n}\n');
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'main.tf'), 'resource "aws_s3_bucket" {\n');
    const resources = [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', values: { bucket: 'b' } }];
    const child = {
      address: 'module.logs',
      resources: [
        {
          address: 'module.logs.aws_cloudwatch_log_group.g',
          mode: 'managed',
          type: 'aws_cloudwatch_log_group',
          name: 'g',
          values: { name: 'g' },
        },
      ],
    };
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources, child_modules: [child] } } }));
    const p = await loadPlanProject(file, { env: {} });
    assert.deepEqual(
      p.resources.map((r) => [r.address, relative(dir, r.location.file), r.location.range.start.line]),
      [
        ['aws_s3_bucket.b', 'main.tf', 5],
        ['module.logs.aws_cloudwatch_log_group.g', join('modules', 'logs', 'main.tf'), 2],
      ],
    );
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.file]),
      [],
    );
  });
});
