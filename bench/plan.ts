// A generated plan of N resources (default 50,000), measured against the aim of issue 15 item 6: the whole scan
// within 3 × `JSON.parse` of the same file, the loaded plan at most 2 × the file's size in the V8 heap.
//   node --expose-gc dist/bench/plan.js [--resources 50000] [--runs 3] [--no-cli]
// Each run, interleaved: `JSON.parse` of the file (the reference; read beforehand), `loadPlanProject` (read, parse,
// plan model, Project), `runChecks` with every built-in check, the in-process scan (`scan` + SARIF rendering, as
// `tfguard scan --plan FILE --format sarif` does it), then the CLI itself and a bare `node` doing
// read + `JSON.parse` as whole processes (CPU and peak RSS from /usr/bin/time). CPU time (process.cpuUsage) is
// beside wall time; on the shared machine the CPU figures and the ratios are the ones to trust.
// The plan is format 1.2 with a mix like real plans: 1 in 5 resources is an aws_cloudtrail (created, updated,
// or deleted, with after_unknown and configuration references), the rest S3 buckets, KMS keys and log groups
// in child modules created with for_each. It is written to a temporary file and read back as `--plan` reads it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinChecksDir, loadChecks, runChecks } from '../src/checks/index.js';
import { loadPlanProject } from '../src/evaluate/plan.js';
import { render } from '../src/report/index.js';
import { scan } from '../src/scan/scan.js';

function args(): { resources: number; runs: number; cli: boolean } {
  const a = process.argv.slice(2);
  const get = (k: string, d: string): string => {
    const i = a.indexOf(`--${k}`);
    return i >= 0 && a[i + 1] ? a[i + 1]! : d;
  };
  return { resources: Number(get('resources', '50000')), runs: Number(get('runs', '3')), cli: !a.includes('--no-cli') };
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

interface Sample {
  wall: number;
  cpu: number;
}

/** Wall and CPU seconds of `f` in this process. */
function timed<T>(f: () => T): { value: T } & Sample {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1e6 };
}

async function timedAsync<T>(f: () => Promise<T>): Promise<{ value: T } & Sample> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1e6 };
}

/** A whole process under /usr/bin/time: wall, CPU (user + system) and peak RSS in MB. */
function processRun(argv: string[]): Sample & { rssMB: number; status: number | null } {
  const r = spawnSync('/usr/bin/time', ['-f', '@@ %e %U %S %M', ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /@@ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (!m) throw new Error(`cannot time ${argv.join(' ')}: ${r.error?.message ?? r.stderr}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMB: Number(m[4]) / 1024, status: r.status };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
// An optimising compile of the loader that is still in flight holds its closures' context (the whole plan) until the
// main thread installs it: let it finish, so the heap is what the Project retains.
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 100));
const heapMB = (): number => process.memoryUsage().heapUsed / 1e6;

async function bench(writeOnly: number): Promise<void> {
  const { resources, runs, cli } = args();
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-bench-plan-'));
  const file = join(dir, 'plan.json');
  try {
    writeFileSync(file, JSON.stringify(generatePlan(resources)));
    if (writeOnly) {
      writeFileSync(process.env.TFGUARD_BENCH_OUT ?? 'plan-bench.json', readFileSync(file));
      return;
    }
    if (!(globalThis as { gc?: unknown }).gc) console.log('(run with node --expose-gc for the heap figures)');
    const bytes = statSync(file).size;
    const mb = bytes / 1e6;
    const { checks, diagnostics } = loadChecks([{ dir: builtinChecksDir(), builtin: true }]);
    if (diagnostics.length) throw new Error(`built-in checks do not load: ${diagnostics[0]!.message}`);
    const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const bin = join(repo, 'bin/tfguard.js');
    const sarifOut = join(dir, 'out.sarif');
    const rows: Record<string, Sample[]> = { parse: [], load: [], checks: [], scan: [], cliParse: [], cli: [] };
    const rss: Record<string, number[]> = { cliParse: [], cli: [] };
    let count = 0;
    let findings = 0;
    let heapParsed = 0;
    let heapLoaded = 0;
    let reported = 0;
    for (let r = 0; r < runs; r++) {
      const text = readFileSync(file, 'utf8');
      gc();
      const h0 = heapMB();
      const parsed = timed(() => JSON.parse(text) as unknown);
      gc();
      if (r === 0) heapParsed = heapMB() - h0;
      rows.parse!.push(parsed);
      parsed.value = null;
      gc();
      const h1 = heapMB();
      const loaded = await timedAsync(() => loadPlanProject(file, { sourceDir: null }));
      await settle();
      gc();
      // The heap figures are those of the first run, before anything else has run in this process.
      if (r === 0) heapLoaded = heapMB() - h1;
      rows.load!.push(loaded);
      const ran = timed(() => runChecks(checks, loaded.value));
      rows.checks!.push(ran);
      count = loaded.value.resources.length;
      findings = ran.value.findings.length;
      gc();
      const scanned = await timedAsync(async () => {
        const s = await scan({ paths: [], flags: { plan: file, format: ['sarif'], noConfig: true } });
        if (!s.ok) throw new Error(`the scan did not run: ${s.message}`);
        reported = s.report.findings.length;
        return render('sarif', s.report).length;
      });
      rows.scan!.push(scanned);
      if (cli) {
        const p = processRun([process.execPath, '-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]);
        rows.cliParse!.push(p);
        rss.cliParse!.push(p.rssMB);
        if (!existsSync(bin)) throw new Error(`${bin} is missing: npm run build`);
        const c = processRun([process.execPath, bin, 'scan', '--plan', file, '--no-config', '--format', 'sarif', '--output', sarifOut]);
        if (c.status !== 0 && c.status !== 1) throw new Error(`tfguard scan exited with ${c.status}`);
        rows.cli!.push(c);
        rss.cli!.push(c.rssMB);
      }
    }
    const med = (k: string, f: keyof Sample): number => median(rows[k]!.map((x) => x[f]));
    const line = (k: string, what: string, ref?: string): string => {
      const ratio = ref
        ? `   ${(med(k, 'cpu') / med(ref, 'cpu')).toFixed(2)} × CPU, ${(med(k, 'wall') / med(ref, 'wall')).toFixed(2)} × wall`
        : '';
      return `${what.padEnd(44)} ${med(k, 'cpu').toFixed(2).padStart(6)} ${med(k, 'wall').toFixed(2).padStart(6)}${ratio}`;
    };
    console.log(`plan: ${resources} planned resources (${count} with deletions), ${mb.toFixed(1)} MB; ${checks.length} built-in checks`);
    console.log(`${findings} findings from runChecks, ${reported} in the report; medians of ${runs} interleaved runs`);
    console.log(`${''.padEnd(44)} CPU s wall s`);
    console.log(line('parse', 'JSON.parse (reference)'));
    console.log(line('load', 'loadPlanProject', 'parse'));
    console.log(line('checks', 'runChecks (all built-in)', 'parse'));
    console.log(line('scan', 'scan + SARIF in process (load … report)', 'parse'));
    if (cli) {
      console.log(line('cliParse', 'process: node, read + JSON.parse (reference)'));
      console.log(line('cli', 'process: tfguard scan --plan --format sarif', 'cliParse'));
      console.log(`peak RSS: node JSON.parse ${median(rss.cliParse!).toFixed(0)} MB, tfguard scan ${median(rss.cli!).toFixed(0)} MB`);
    }
    if ((globalThis as { gc?: unknown }).gc)
      console.log(
        `heap after gc: parsed document ${heapParsed.toFixed(0)} MB (${(heapParsed / mb).toFixed(2)} × file), loaded Project ${heapLoaded.toFixed(0)} MB (${(heapLoaded / mb).toFixed(2)} × file)`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await bench(Number(process.env.TFGUARD_BENCH_WRITE_ONLY ?? 0));
