// runRule over many entities gives, for each, what evaluateRule gives for it alone, whether the rule's results so
// far mostly passed (the fast path decides passes) or mostly needed explaining (the detailed evaluation decides).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWorld, eachResult, evaluateRule, runRule, type Entity } from '../../src/gsl/index.js';
import { compile, entity, NOW, variable, put } from './helpers.js';

function trails(n: number, kind: (i: number) => 'pass' | 'fail' | 'unknown' | 'excluded'): Entity[] {
  return Array.from({ length: n }, (_, i) => {
    const k = kind(i);
    const e = entity('aws_cloudtrail', `t${i}`, {
      enable_logging: k !== 'excluded',
      is_multi_region_trail: k === 'pass',
      tags: { n: String(i) },
    });
    return k === 'unknown' ? put(e, 'is_multi_region_trail', variable(`v${i}`)) : e;
  });
}

const LOGIC = 'aws_cloudtrail where enable_logging should have is_multi_region_trail = true';

describe('runRule', () => {
  for (const [name, kind] of [
    ['mostly failing, then passing', (i: number) => (i < 40 ? 'fail' : i % 3 ? 'pass' : 'excluded')],
    ['mostly passing, a few failing', (i: number) => (i % 10 === 0 ? 'fail' : 'pass')],
    ['a mix with unknowns', (i: number) => (['fail', 'unknown', 'pass', 'fail', 'excluded'] as const)[i % 5]!],
  ] as const)
    it(`gives each entity's own result: ${name}`, () => {
      const rule = compile(LOGIC);
      const entities = trails(80, kind);
      const world = createWorld(entities);
      const all = runRule(rule, world, { now: NOW });
      assert.equal(all.length, 80);
      const statuses = new Set(all.map((r) => r.status));
      assert.ok(statuses.has('fail') && statuses.has('pass'), [...statuses].join());
      entities.forEach((e, i) => assert.deepEqual(all[i], evaluateRule(rule, e, world, { now: NOW }), e.id));
      const seen: string[] = [];
      eachResult(rule, world, { now: NOW }, (r) => seen.push(`${r.entity}:${r.status}:${r.excluded}`));
      assert.deepEqual(
        seen,
        all.map((r) => `${r.entity}:${r.status}:${r.excluded}`),
      );
    });

  it('a failing result names the attribute that decided it, also after many failures', () => {
    const rule = compile(LOGIC);
    const world = createWorld(trails(50, () => 'fail'));
    const last = runRule(rule, world, { now: NOW }).at(-1)!;
    assert.equal(last.status, 'fail');
    assert.deepEqual(last.blame, [{ address: 'aws_cloudtrail.t49', path: 'is_multi_region_trail' }]);
    assert.equal(last.leaves.length, 1);
  });
});
