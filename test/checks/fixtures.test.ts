// Fixtures that assert themselves: every `# expect: ID[, ID]` comment in a fixture's .tf files names a
// finding that must be reported on that line, every `# expect-unknown: ID` a result that must stay
// unknown; the scan must report exactly these, no more and no fewer. A `# checks: ID[, ID]` line
// restricts the fixture to those checks (a small focused fixture); without one, the whole library runs.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { loadChecks, runChecks } from '../../src/checks/index.js';
import { loadProject } from '../../src/evaluate/project.js';
import { repoRoot } from '../helpers/paths.js';

const ANNOTATION = /(?:#|\/\/)\s*expect(-unknown)?:\s*([A-Za-z0-9_.\-, ]+)/;
const CHECKS_HEADER = /^\s*(?:#|\/\/)\s*checks:\s*([A-Za-z0-9_.\-, ]+)$/;

interface Expected {
  findings: Set<string>;
  unknowns: Set<string>;
  /** The checks the fixture asserts (`# checks:`), or undefined for all. */
  checks?: Set<string>;
}

function tfFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tfFiles(p));
    else if (e.name.endsWith('.tf')) out.push(p);
  }
  return out;
}

export function annotations(root: string): Expected {
  const exp: Expected = { findings: new Set(), unknowns: new Set() };
  for (const file of tfFiles(root)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const h = CHECKS_HEADER.exec(text);
        if (h)
          for (const id of h[1]!
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean))
            (exp.checks ??= new Set()).add(id);
        const m = ANNOTATION.exec(text);
        if (!m) return;
        for (const id of m[2]!
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)) {
          (m[1] ? exp.unknowns : exp.findings).add(`${relative(root, file)}:${i + 1}:${id}`);
        }
      });
  }
  return exp;
}

const fixturesDir = join(repoRoot, 'fixtures');
const annotated = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => join(fixturesDir, e.name))
  .filter((d) => {
    const a = annotations(d);
    return a.findings.size + a.unknowns.size > 0 || a.checks !== undefined;
  });

describe('annotated fixtures', () => {
  it('includes the cloudtrail fixture (the whole library) and the alarms fixture (# checks:)', () => {
    assert.ok(
      annotated.some((d) => d.endsWith('cloudtrail')),
      `annotated fixtures: ${annotated.join(', ')}`,
    );
    assert.ok(
      annotated.some((d) => d.endsWith('alarms')),
      `annotated fixtures: ${annotated.join(', ')}`,
    );
    assert.equal(annotations(join(fixturesDir, 'cloudtrail')).checks, undefined);
    assert.deepEqual(
      [...annotations(join(fixturesDir, 'alarms')).checks!],
      ['TFG.AWS.CLOUDWATCH.1', 'TFG.AWS.CLOUDWATCH.2', 'TFG.AWS.CLOUDWATCH.3', 'TFG.AWS.CLOUDWATCH.20'],
    );
  });

  const { checks, diagnostics } = loadChecks([{ dir: join(repoRoot, 'checks'), builtin: true }]);

  for (const dir of annotated) {
    it(`${relative(repoRoot, dir)}: findings and unknown results are exactly the annotated ones`, async () => {
      assert.deepEqual(diagnostics, []);
      const project = await loadProject(dir, { env: {} });
      assert.deepEqual(
        project.diagnostics.filter((d) => d.severity === 'error'),
        [],
      );
      const want = annotations(dir);
      const ids = new Set(checks.map((c) => c.id));
      for (const id of want.checks ?? []) assert.ok(ids.has(id), `# checks: names ${id}, which is no built-in check`);
      for (const k of [...want.findings, ...want.unknowns]) {
        const id = k.slice(k.lastIndexOf(':') + 1);
        assert.ok(!want.checks || want.checks.has(id), `${k}: ${id} is annotated but not in the fixture's # checks: line`);
      }
      const result = runChecks(want.checks ? checks.filter((c) => want.checks!.has(c.id)) : checks, project);
      const key = (x: { file: string; range: { start: { line: number } }; checkId: string }): string =>
        `${relative(dir, x.file)}:${x.range.start.line}:${x.checkId}`;
      assert.deepEqual([...new Set(result.findings.map(key))].sort(), [...want.findings].sort());
      assert.deepEqual([...new Set(result.unknowns.map(key))].sort(), [...want.unknowns].sort());
      for (const f of result.findings)
        assert.ok(!f.file.includes('/.terraform/'), `${f.checkId} ${f.address} is reported under .terraform/: ${f.file}`);
    });
  }
});
