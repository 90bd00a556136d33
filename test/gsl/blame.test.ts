// Blame: which attribute paths decided a failing result (format of Resource.ranges), and the trace.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWorld } from '../../src/gsl/index.js';
import { entity, put, run, variable } from './helpers.js';

const paths = (logic: string, values: Record<string, unknown>) => {
  const r = run(logic, entity('t', 'x', values));
  assert.equal(r.status, 'fail');
  return r.blame.map((b) => b.path);
};

describe('blame', () => {
  it('a wrong value blames its attribute', () => {
    assert.deepEqual(paths('t should have is_multi_region_trail=true', { is_multi_region_trail: false }), ['is_multi_region_trail']);
  });

  it('an absent attribute is blamed as absent (the reporter points at the block header and names it)', () => {
    assert.deepEqual(run('t should have is_multi_region_trail=true', entity('t', 'x', {})).blame, [
      { address: 't.x', path: 'is_multi_region_trail', absent: true },
    ]);
    assert.deepEqual(run('t should not have (a isEmpty() or b isEmpty())', entity('t', 'x', { a: 'x' })).blame, [
      { address: 't.x', path: 'b', absent: true },
    ]);
    // A value that is set is not absent, even when it is empty.
    assert.deepEqual(run('t should not have (a isEmpty() or b isEmpty())', entity('t', 'x', { a: '', b: 'y' })).blame, [
      { address: 't.x', path: 'a' },
    ]);
  });

  it('an empty string blames the attribute', () => {
    assert.deepEqual(paths('t should not have (a isEmpty() or b isEmpty())', { a: '', b: 'y' }), ['a']);
  });

  it('an absent attribute inside a nested block blames the block', () => {
    assert.deepEqual(paths('t should have logging.target_bucket', { logging: [{ target_prefix: 'p' }] }), ['logging.0']);
  });

  it('nested blocks step transparently: versioning.enabled', () => {
    assert.equal(run('t should have versioning.enabled = true', entity('t', 'x', { versioning: [{ enabled: true }] })).status, 'pass');
    assert.deepEqual(paths('t should have versioning.enabled = true', { versioning: [{ enabled: false }] }), ['versioning.0.enabled']);
  });

  it('inside contain [...] the element index is part of the path', () => {
    const values = { ingress: [{ cidr_blocks: ['10.0.0.0/8'] }, { cidr_blocks: ['10.0.0.0/8', '0.0.0.0/0'] }] };
    assert.deepEqual(paths("t should not have ingress contain [cidr_blocks contain [$ = '0.0.0.0/0']]", values), ['ingress.1.cidr_blocks']);
  });

  it('a condition on several attributes of one element blames those of the matching element', () => {
    const values = {
      ingress: [
        { from_port: 443, to_port: 443 },
        { from_port: 0, to_port: 1024 },
      ],
    };
    assert.deepEqual(paths('t should not have ingress with [from_port <= 22 and to_port >= 22]', values), [
      'ingress.1.from_port',
      'ingress.1.to_port',
    ]);
    assert.deepEqual(paths('t should not have ingress with [from_port <= 22 and to_port >= 22] length() > 0', values), [
      'ingress.1.from_port',
      'ingress.1.to_port',
    ]);
  });

  it('contain-all blames the elements that do not satisfy it', () => {
    const values = { rules: [{ port: 443 }, { port: 80 }, { port: 22 }] };
    assert.deepEqual(paths('t should have rules contain-all [port = 443]', values), ['rules.1.port']);
  });

  it('a contain with no match blames the list', () => {
    assert.deepEqual(paths("t should have tags contain [$ = 'x']", { tags: ['a'] }), ['tags']);
  });

  it('a path through several blocks blames each value that made it false', () => {
    const values = { ingress: [{ protocol: 'udp' }, { protocol: 'icmp' }] };
    assert.deepEqual(paths("t should have ingress.protocol = 'tcp'", values), ['ingress.0.protocol', 'ingress.1.protocol']);
  });

  it('only the failing side of an and is blamed', () => {
    assert.deepEqual(paths('t should have a = 1 and b = 1', { a: 1, b: 2 }), ['b']);
  });

  it('unknown results blame the unknown value', () => {
    const e = put(entity('t', 'x', { a: 1 }), 'k', variable('v'));
    const r = run('t should have a = 1 and k = 1', e);
    assert.equal(r.status, 'unknown');
    assert.deepEqual(r.blame, [{ address: 't.x', path: 'k' }]);
  });

  it('a passing result carries no blame, and the fast path is not re-run', () => {
    const r = run('t should have a = 1', entity('t', 'x', { a: 1 }));
    assert.deepEqual([r.status, r.blame, r.reasons, r.trace], ['pass', [], [], undefined]);
  });
});

describe('explain trace', () => {
  it('records each sub-expression with its result and the values it saw', () => {
    const e = entity('t', 'x', { a: 1, rules: [{ port: 22 }] });
    const r = run('t should have a = 1 and rules contain [port = 443]', e, createWorld([e]), { explain: true });
    assert.equal(r.status, 'fail');
    assert.deepEqual(r.trace, {
      expr: 't should have a = 1 and rules contain [port = 443]',
      result: 'false',
      at: 't.x',
      children: [
        {
          expr: 'should',
          result: 'false',
          children: [
            {
              expr: 'a = 1 and rules contain [port = 443]',
              result: 'false',
              children: [
                { expr: 'a = 1', result: 'true', at: 't.x', values: ['1'] },
                {
                  expr: 'rules contain [port = 443]',
                  result: 'false',
                  at: 't.x',
                  values: ['[{"port":22}]'],
                  children: [
                    {
                      expr: 'element rules.0',
                      result: 'false',
                      at: 't.x:rules.0',
                      children: [{ expr: 'port = 443', result: 'false', at: 't.x:rules.0', values: ['22'] }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('explains passing results too when asked', () => {
    const e = entity('t', 'x', { a: 1 });
    const r = run('t where a = 1 should have a', e, createWorld([e]), { explain: true });
    assert.equal(r.status, 'pass');
    assert.deepEqual(
      r.trace?.children?.map((c) => [c.expr, c.result]),
      [
        ['where', 'true'],
        ['should', 'true'],
      ],
    );
  });
});
