// A finding stands where its value was written (the tfvars line, the module call's argument, the module's default),
// with the resource's attribute and every hop as related places, in every format.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from '../cli/helpers.js';
import { fixture, repoRoot } from '../helpers/paths.js';

const CHECKS = join(repoRoot, 'checks');
const ONLY = ['--no-config', '--check', 'D9.TF.AWS.LOG.01,TFG.AWS.CLOUDTRAIL.2,TFG.AWS.CLOUDTRAIL.3'];
const scan = (...extra: string[]) => cli(['scan', ...ONLY, ...extra, fixture('provenance')], CHECKS);

interface JsonFinding {
  check_id: string;
  file: string;
  line: number;
  column: number;
  origin: string | null;
  note: string | null;
  related: { file: string; line: number; column: number; message: string }[];
  instances: { address: string; root: string | null }[];
}

const P = 'fixtures/provenance';

describe('where a value was written', () => {
  it('JSON: a tfvars value, a module argument, a shared module default — each at its own line, with the hops', async () => {
    const r = await scan('--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    const by = (id: string): JsonFinding => findings.find((f) => f.check_id === id)!;

    // validate = false in envs/prod/terraform.tfvars, passed by `validate = var.validate` to the module.
    const validation = by('TFG.AWS.CLOUDTRAIL.3');
    assert.deepEqual(
      [validation.file, validation.line, validation.column, validation.origin],
      [`${P}/envs/prod/terraform.tfvars`, 1, 1, 'terraform.tfvars'],
    );
    assert.deepEqual(validation.related, [
      {
        file: `${P}/modules/trail/main.tf`,
        line: 28,
        column: 3,
        message: 'enable_log_file_validation of module.audit.aws_cloudtrail.this',
      },
      { file: `${P}/envs/prod/main.tf`, line: 8, column: 3, message: 'argument "validate" of module.audit' },
    ]);

    // settings = { global = false } in the call, read through a local with lookup(): the object's item.
    const global = by('TFG.AWS.CLOUDTRAIL.2');
    assert.deepEqual([global.file, global.line, global.column], [`${P}/envs/prod/main.tf`, 10, 5]);
    assert.deepEqual(
      global.related.map((x) => [x.line, x.message]),
      [
        [30, 'include_global_service_events of module.audit.aws_cloudtrail.this'],
        [21, 'local.global'],
      ],
    );

    // multi_region is set by no call: one finding on the default, for all three instances in both roots.
    const multi = findings.filter((f) => f.check_id === 'D9.TF.AWS.LOG.01');
    assert.equal(multi.length, 1);
    assert.deepEqual([multi[0]!.file, multi[0]!.line, multi[0]!.column], [`${P}/modules/trail/main.tf`, 12, 3]);
    assert.match(multi[0]!.note!, /changes every call of this module that does not set multi_region/);
    assert.deepEqual(multi[0]!.instances, [
      { address: 'module.audit.aws_cloudtrail.this', root: `${P}/envs/prod` },
      { address: 'module.audit.aws_cloudtrail.this', root: `${P}/envs/staging` },
      { address: 'module.ops.aws_cloudtrail.this', root: `${P}/envs/prod` },
    ]);
  });

  it('text: the finding line, then a via line per hop', async () => {
    const r = await scan();
    assert.match(
      r.stdout,
      new RegExp(
        String.raw`\./[^\n]*envs/prod/terraform\.tfvars:1:1  MEDIUM   TFG\.AWS\.CLOUDTRAIL\.3  CloudTrail log file validation is enabled: aws_cloudtrail\.this gets enable_log_file_validation = false from terraform\.tfvars\.\n` +
          String.raw`    1 \| validate = false\n      \| \^+\n` +
          String.raw`    via [^\n]*modules/trail/main\.tf:28:3  enable_log_file_validation of module\.audit\.aws_cloudtrail\.this\n` +
          String.raw`    via [^\n]*envs/prod/main\.tf:8:3  argument "validate" of module\.audit\n`,
      ),
    );
  });

  it('SARIF: the origin is the location, the hops are relatedLocations and a code flow from origin to resource', async () => {
    const r = await scan('--format', 'sarif');
    const run = (JSON.parse(r.stdout) as { runs: { results: SarifResult[] }[] }).runs[0]!;
    const res = run.results.find((x) => x.ruleId === 'TFG.AWS.CLOUDTRAIL.3')!;
    assert.equal(res.locations[0]!.physicalLocation.artifactLocation.uri, `${P}/envs/prod/terraform.tfvars`);
    assert.deepEqual(
      res.relatedLocations!.map((l) => [l.id, l.physicalLocation.artifactLocation.uri, l.physicalLocation.region.startLine]),
      [
        [1, `${P}/modules/trail/main.tf`, 28],
        [2, `${P}/envs/prod/main.tf`, 8],
      ],
    );
    const flow = res.codeFlows![0]!.threadFlows[0]!.locations.map((l) => [
      l.location.physicalLocation.artifactLocation.uri,
      l.location.physicalLocation.region.startLine,
    ]);
    assert.deepEqual(flow, [
      [`${P}/envs/prod/terraform.tfvars`, 1],
      [`${P}/envs/prod/main.tf`, 8],
      [`${P}/modules/trail/main.tf`, 28],
    ]);
    assert.equal(res.properties.origin, 'terraform.tfvars');
    // One hop (the default): related locations, no code flow.
    const multi = run.results.find((x) => x.ruleId === 'D9.TF.AWS.LOG.01')!;
    assert.equal(multi.relatedLocations!.length, 1);
    assert.equal(multi.codeFlows, undefined);
  });

  it('JUnit, GitHub annotations and Markdown carry the via lines too', async () => {
    const junit = (await scan('--format', 'junit')).stdout;
    assert.match(junit, /via fixtures\/provenance\/envs\/prod\/main\.tf:8:3 {2}argument &quot;validate&quot; of module\.audit/);
    const github = (await scan('--format', 'github')).stdout;
    const line = github.split('\n').find((l) => l.includes('TFG.AWS.CLOUDTRAIL.3'))!;
    assert.match(line, /^::warning file=fixtures\/provenance\/envs\/prod\/terraform\.tfvars,line=1,/);
    assert.match(line, /%0Avia fixtures\/provenance\/envs\/prod\/main\.tf:8:3 {2}argument "validate" of module\.audit/);
    const md = (await scan('--format', 'markdown')).stdout;
    assert.match(md, /terraform\.tfvars:1 \| [^|]*<br>via fixtures\/provenance\/modules\/trail\/main\.tf:28:3/);
  });

  it('an inline suppression on the resource attribute still silences a finding moved to where the value was written', async () => {
    const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { execFileSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-provenance-'));
    cpSync(fixture('provenance'), dir, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const main = join(dir, 'modules', 'trail', 'main.tf');
    writeFileSync(
      main,
      readFileSync(main, 'utf8').replace(
        'enable_log_file_validation    = var.validate',
        'enable_log_file_validation    = var.validate # tfguard:ignore:TFG.AWS.CLOUDTRAIL.3 validated by the archive job',
      ),
    );
    const r = await cli(['scan', ...ONLY, '--format', 'json', dir], CHECKS);
    const json = JSON.parse(r.stdout) as { findings: JsonFinding[]; suppressed: JsonFinding[] };
    assert.ok(!json.findings.some((f) => f.check_id === 'TFG.AWS.CLOUDTRAIL.3'));
    assert.ok(json.suppressed.some((f) => f.check_id === 'TFG.AWS.CLOUDTRAIL.3' && f.file === 'envs/prod/terraform.tfvars'));
  });
});

interface SarifPhysical {
  artifactLocation: { uri: string };
  region: { startLine: number };
}
interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: SarifPhysical }[];
  relatedLocations?: { id: number; physicalLocation: SarifPhysical }[];
  codeFlows?: { threadFlows: { locations: { location: { physicalLocation: SarifPhysical } }[] }[] }[];
  properties: Record<string, unknown>;
}
