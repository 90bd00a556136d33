// A generated plan of N resources (default 50,000): how long `tfguard scan --plan` takes to read it, build the
// project (unknowns, references, @change) and run every built-in check over it.
//   node dist/bench/plan.js [--resources 50000] [--runs 3]
// The plan is format 1.2 with a mix like real plans: 1 in 5 resources is an aws_cloudtrail (created, updated,
// or deleted, with after_unknown and configuration references), the rest S3 buckets, KMS keys and log groups
// in child modules created with for_each. It is written to a temporary file and read back as `--plan` reads it.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinChecksDir, loadChecks, runChecks } from '../src/checks/index.js';
import { loadPlanProject } from '../src/evaluate/plan.js';

function args(): { resources: number; runs: number } {
  const a = process.argv.slice(2);
  const get = (k: string, d: string): string => {
    const i = a.indexOf(`--${k}`);
    return i >= 0 && a[i + 1] ? a[i + 1]! : d;
  };
  return { resources: Number(get('resources', '50000')), runs: Number(get('runs', '3')) };
}

const PROVIDER = 'registry.terraform.io/hashicorp/aws';

function generatePlan(n: number): object {
  const modules = new Map<string, object[]>();
  const changes: object[] = [];
  const root: object[] = [];
  for (let i = 0; i < n; i++) {
    const module = i % 2 === 0 ? '' : `module.team["t${i % 100}"]`;
    const kind = i % 5;
    const type = ['aws_cloudtrail', 'aws_s3_bucket', 'aws_kms_key', 'aws_cloudwatch_log_group', 'aws_s3_bucket'][kind]!;
    const name = `r${i}`;
    const address = `${module ? `${module}.` : ''}${type}.${name}`;
    const values: Record<string, unknown> =
      kind === 0
        ? {
            name,
            s3_bucket_name: `logs-${i}`,
            is_multi_region_trail: i % 3 === 0,
            enable_logging: true,
            include_global_service_events: true,
            cloud_watch_logs_group_arn: null,
            cloud_watch_logs_role_arn: null,
            tags: { team: `t${i % 100}` },
          }
        : kind === 2
          ? { description: `key ${i}`, enable_key_rotation: i % 2 === 0, deletion_window_in_days: 30 }
          : { bucket: `bucket-${i}`, force_destroy: false, tags: { env: 'prod', n: String(i) } };
    const actions = kind === 0 ? [['create'], ['update'], ['no-op']][i % 3]! : ['create'];
    const resource = { address, mode: 'managed', type, name, provider_name: PROVIDER, schema_version: 0, values, sensitive_values: {} };
    if (module) {
      let list = modules.get(module);
      if (!list) modules.set(module, (list = []));
      list.push(resource);
    } else root.push(resource);
    const before = actions[0] === 'create' ? null : { ...values, enable_logging: true, kms_key_id: 'arn:aws:kms:us-east-1:1:key/old' };
    changes.push({
      address,
      ...(module ? { module_address: module } : {}),
      mode: 'managed',
      type,
      name,
      provider_name: PROVIDER,
      change: {
        actions,
        before,
        after: values,
        after_unknown: { arn: true, id: true, ...(kind === 0 ? { kms_key_id: true } : {}) },
        before_sensitive: false,
        after_sensitive: {},
      },
    });
    if (kind === 0 && i % 7 === 0) {
      changes.push({
        address: `${address}_old`,
        mode: 'managed',
        type,
        name: `${name}_old`,
        provider_name: PROVIDER,
        change: { actions: ['delete'], before: values, after: null, after_unknown: false },
      });
    }
  }
  const configResources = ['aws_cloudtrail', 'aws_s3_bucket', 'aws_kms_key', 'aws_cloudwatch_log_group'].map((type) => ({
    address: `${type}.x`,
    mode: 'managed',
    type,
    name: 'x',
    provider_config_key: 'aws',
    expressions:
      type === 'aws_cloudtrail'
        ? { kms_key_id: { references: ['aws_kms_key.x.arn', 'aws_kms_key.x'] }, name: { constant_value: 'x' } }
        : { tags: { constant_value: {} } },
  }));
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: {
      root_module: { resources: root, child_modules: [...modules].map(([address, resources]) => ({ address, resources })) },
    },
    resource_changes: changes,
    configuration: {
      root_module: {
        resources: configResources,
        module_calls: { team: { source: './modules/team', module: { resources: configResources } } },
      },
    },
  };
}

async function bench(writeOnly: number): Promise<void> {
  const { resources, runs } = args();
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-bench-plan-'));
  const file = join(dir, 'plan.json');
  try {
    writeFileSync(file, JSON.stringify(generatePlan(resources)));
    if (writeOnly) {
      writeFileSync(process.env.TFGUARD_BENCH_OUT ?? 'plan-bench.json', JSON.stringify(generatePlan(resources)));
      return;
    }
    const mb = statSync(file).size / 1e6;
    const { checks, diagnostics } = loadChecks([{ dir: builtinChecksDir(), builtin: true }]);
    if (diagnostics.length) throw new Error(`built-in checks do not load: ${diagnostics[0]!.message}`);
    let bestLoad = Infinity;
    let bestCheck = Infinity;
    let count = 0;
    let findings = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const project = await loadPlanProject(file, { sourceDir: null });
      const t1 = performance.now();
      const result = runChecks(checks, project);
      const t2 = performance.now();
      bestLoad = Math.min(bestLoad, t1 - t0);
      bestCheck = Math.min(bestCheck, t2 - t1);
      count = project.resources.length;
      findings = result.findings.length;
    }
    const heap = process.memoryUsage().heapUsed / 1e6;
    console.log(`plan: ${resources} planned resources (${count} with deletions), ${mb.toFixed(1)} MB; ${checks.length} built-in checks`);
    console.log(
      `load (read, parse, build project): ${(bestLoad / 1000).toFixed(2)} s; checks: ${(bestCheck / 1000).toFixed(2)} s; ${findings} findings; best of ${runs}; heap ${heap.toFixed(0)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await bench(Number(process.env.TFGUARD_BENCH_WRITE_ONLY ?? 0));
