// Properties of the whole built-in library, asserted over whatever is in checks/ (docs/checks.md, "Rules
// for built-in checks"): nothing here names a check, so the tests hold as the library grows.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isBuiltinId, loadChecks, runChecks, type Check } from '../../src/checks/index.js';
import { loadProject } from '../../src/evaluate/project.js';
import { describeFinding } from '../../src/report/model.js';
import { repoRoot } from '../helpers/paths.js';

const CHECKS_DIR = join(repoRoot, 'checks');

/** What a check reads: Terraform code, a plan, or AWS data (a snapshot of a trail, a CloudTrail event). */
export type CheckKind = 'terraform' | 'plan' | 'data';

export function kindOf(c: Check): CheckKind {
  // Dotted entity types (aws.cloudtrail.trail, aws.cloudtrail.event) exist only in snapshots and logs.
  if (c.rule.entities.some((t) => t.includes('.'))) return 'data';
  if (c.tests.some((t) => t.input.kind === 'plan')) return 'plan';
  return 'terraform';
}

function inputOf(t: Check['tests'][number]): string {
  return t.input.kind;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

const NO_PEER = /No peer has this check/;

describe('the built-in library', () => {
  const { checks, diagnostics } = loadChecks([{ dir: CHECKS_DIR, builtin: true }]);

  it('every check file loads (valid schema and logic, ID scheme, no retired ID)', () => {
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      checks.map((c) => relative(CHECKS_DIR, c.file)).sort(),
      yamlFiles(CHECKS_DIR)
        .map((f) => relative(CHECKS_DIR, f))
        .sort(),
    );
    for (const c of checks) {
      assert.ok(isBuiltinId(c.id), c.id);
      assert.ok(c.builtin, c.id);
    }
  });

  it('each check lives under checks/<provider>/<service>/, in a file named for what it checks', () => {
    const names = new Set<string>();
    for (const c of checks) {
      const parts = relative(CHECKS_DIR, c.file).split(sep);
      assert.equal(parts.length, 3, `${c.file}: expected checks/<provider>/<service>/<what-it-checks>.yaml`);
      const [provider, service, file] = parts as [string, string, string];
      assert.match(file, /^[a-z0-9]+(-[a-z0-9]+)*\.yaml$/, c.file);
      assert.ok(!names.has(`${service}/${file}`), `two checks in ${service}/${file}`);
      names.add(`${service}/${file}`);
      const id = c.id.split('.');
      if (id[0] === 'TFG') assert.deepEqual([provider, service], [id[1]!.toLowerCase(), id[2]!.toLowerCase()], c.id);
      else assert.equal(provider, id[2]!.toLowerCase(), c.id); // CloudGuard's D9.TF.<PROVIDER>.<AREA>.<nn>
    }
  });

  it('each check has a title, description, remediation, MITRE mapping, and fail and pass tests', () => {
    for (const c of checks) {
      assert.ok(c.title.trim() && c.description.trim() && c.remediation.trim(), c.id);
      assert.ok(c.mitre.length >= 1, `${c.id}: no MITRE ATT&CK mapping`);
      const expects = new Set(c.tests.map((t) => t.expect));
      assert.ok(expects.has('fail') && expects.has('pass'), `${c.id}: tests expect only ${[...expects].join(', ')}`);
    }
  });

  it("each check names the peers' IDs for its control, or says that no peer has it", () => {
    for (const c of checks) {
      if (kindOf(c) === 'plan') continue; // no peer reads plans (docs/checks.md)
      const peers = Object.values(c.aliases).flat();
      assert.ok(
        peers.length > 0 || NO_PEER.test(c.description),
        `${c.id}: no aliases, and the description does not say "No peer has this check"`,
      );
    }
  });

  it("each check maps to a compliance framework, or is a peer's control, or says it is tfguard's own", () => {
    for (const c of checks) {
      const mapped = Object.values(c.compliance).some((versions) => Object.values(versions).some((s) => s.length > 0));
      assert.ok(
        mapped || Object.values(c.aliases).flat().length > 0 || NO_PEER.test(c.description),
        `${c.id}: no compliance mapping, no peer's ID, and no "No peer has this check"`,
      );
    }
  });

  it('Terraform checks: fail, pass and unknown tests, a fail on an exact snippet line, a Terraform fix', () => {
    const tf = checks.filter((c) => kindOf(c) === 'terraform');
    assert.ok(tf.length > 0);
    for (const c of tf) {
      assert.deepEqual([...new Set(c.tests.map((t) => t.expect))].sort(), ['fail', 'pass', 'unknown'], c.id);
      for (const t of c.tests) assert.ok(['terraform', 'resource'].includes(inputOf(t)), `${c.id}: "${t.name}" reads ${inputOf(t)}`);
      assert.ok(
        c.tests.some((t) => t.expect === 'fail' && t.input.kind === 'terraform' && t.input.marks.length > 0),
        `${c.id}: no failing snippet with the line of its finding`,
      );
      assert.match(c.remediation, /```hcl\n[\s\S]*resource "aws_[a-z0-9_]+"[\s\S]*```/, c.id);
    }
  });

  it('plan checks: fail and pass tests on plans, and plain Terraform code (no planned change) passes', () => {
    for (const c of checks.filter((x) => kindOf(x) === 'plan')) {
      const plans = c.tests.filter((t) => t.input.kind === 'plan');
      assert.ok(plans.some((t) => t.expect === 'fail') && plans.some((t) => t.expect === 'pass'), c.id);
      assert.ok(
        c.tests.some((t) => t.input.kind === 'terraform' && t.expect === 'pass'),
        `${c.id}: no test that Terraform code alone gives no finding`,
      );
      for (const t of c.tests) assert.ok(['plan', 'terraform'].includes(inputOf(t)), `${c.id}: "${t.name}" reads ${inputOf(t)}`);
    }
  });

  it('snapshot and event checks: every test is AWS data of one kind; fail and pass (the data has every value)', () => {
    for (const c of checks.filter((x) => kindOf(x) === 'data')) {
      const inputs = new Set(c.tests.map(inputOf));
      assert.equal(inputs.size, 1, `${c.id}: tests read ${[...inputs].join(', ')}`);
      assert.ok(['snapshot', 'log'].includes([...inputs][0]!), c.id);
      assert.ok(!c.tests.some((t) => t.expect === 'unknown'), `${c.id}: an unknown result from data that has every value`);
    }
  });

  it('every finding of a fail test says what failed (a check with messages says one of them), never only "does not meet it"', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tfguard-messages-'));
    let n = 0;
    let said = 0;
    try {
      for (const c of checks.filter((x) => kindOf(x) === 'terraform'))
        for (const t of c.tests) {
          if (t.expect !== 'fail' || t.input.kind !== 'terraform') continue;
          const dir = join(tmp, String(n++));
          mkdirSync(dir);
          writeFileSync(join(dir, 'main.tf'), t.input.text);
          const { findings } = runChecks([c], await loadProject(dir, { env: {} }), t.now ? { now: Date.parse(t.now) } : {});
          assert.ok(findings.length > 0, `${c.id}: "${t.name}" gave no finding`);
          for (const f of findings) {
            const { message } = describeFinding(f, f.resource);
            assert.doesNotMatch(message, /does not meet it/, `${c.id}: "${t.name}"`);
            if (c.messages.length) {
              assert.ok(f.messageId, `${c.id}: "${t.name}" says none of the check's messages: ${message}`);
              assert.doesNotMatch(message, /\{\{|\}\}/, `${c.id}: "${t.name}" leaves a placeholder unfilled`);
              said++;
            }
          }
        }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    assert.ok(said > 0, 'no built-in check says a message of its own');
  });
});
