// The benchmark versions and the checks' compliance metadata hold each other: every section a check names is a
// recommendation of that version that Terraform can judge, and every such recommendation is mapped by a check.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  BENCHMARK_IDS,
  builtinBenchmarks,
  builtinBenchmarksDir,
  checksByRecommendation,
  sectionOf,
  type Recommendation,
} from '../../src/checks/benchmarks.js';
import { builtinChecksDir } from '../../src/checks/builtin.js';
import { loadChecks } from '../../src/checks/load.js';

const checks = loadChecks([{ dir: builtinChecksDir(), builtin: true }]).checks;
const benchmarks = builtinBenchmarks();

describe('benchmark versions', () => {
  it('--benchmark takes exactly the IDs of benchmarks/*.yaml, each file named for its ID', () => {
    const files = readdirSync(builtinBenchmarksDir()).filter((f) => f.endsWith('.yaml'));
    assert.deepEqual(files.map((f) => f.replace(/\.yaml$/, '')).sort(), [...BENCHMARK_IDS].sort());
    for (const b of benchmarks) assert.equal(b.id, `cis-aws-${b.version}`);
  });

  it('3.0.0, 4.0.1 and 5.0.0 have the number of recommendations the benchmark documents', () => {
    const count = (v: string): number => benchmarks.find((b) => b.version === v)!.recommendations.length;
    assert.deepEqual([count('3.0.0'), count('4.0.1'), count('5.0.0')], [62, 64, 63]);
  });

  it('every CIS section a check names is a recommendation of that version that Terraform can judge', () => {
    for (const c of checks)
      for (const [v, secs] of Object.entries(c.compliance['CIS AWS Foundations'] ?? {})) {
        const b = benchmarks.find((x) => x.version === v);
        assert.ok(b, `${c.id}: CIS ${v} is not a benchmark version tfguard knows`);
        for (const s of secs) {
          const found: Recommendation | undefined = b.recommendations.find((r) => r.id === s);
          assert.ok(found, `${c.id}: CIS ${v} has no recommendation ${s}`);
          assert.equal(found.notJudged, undefined, `${c.id} maps CIS ${v} ${s}, which the benchmark file says is not judged`);
        }
      }
  });

  it('every recommendation Terraform can judge is mapped by a check; the others say why not', () => {
    for (const b of benchmarks) {
      const mapped = checksByRecommendation(b, checks);
      for (const r of b.recommendations) {
        if (r.notJudged) assert.ok(r.notJudged.length > 20, `${b.id} ${r.id}: say why it is not judged`);
        else assert.ok(mapped.get(r.id)?.length, `${b.id} ${r.id} (${r.title}) is mapped by no check`);
      }
    }
  });

  it('a recommendation belongs to its most specific section', () => {
    const b = benchmarks.find((x) => x.version === '5.0.0')!;
    assert.equal(sectionOf(b, '2.1.4').id, '2.1');
    assert.equal(sectionOf(b, '5.1.2').id, '5.1');
    assert.equal(sectionOf(b, '5.3').id, '5');
  });
});
