// isInside decides what the scan may read: its fast path (a path already normal) must agree with resolve.
import assert from 'node:assert/strict';
import { resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { childPath, isInside } from '../../src/common/paths.js';

describe('isInside', () => {
  const root = resolve('/scan/root');
  const cases: [string, boolean][] = [
    ['/scan/root', true],
    ['/scan/root/main.tf', true],
    ['/scan/root/a/b/c.tf', true],
    ['/scan/root/', true],
    ['/scan/root/.terraform/modules/x/main.tf', true],
    ['/scan/root/a/../b.tf', true],
    ['/scan/root/a/../../x.tf', false],
    ['/scan/root/../root/x.tf', true],
    ['/scan/root/../rootless/x.tf', false],
    ['/scan/root/./../x.tf', false],
    ['/scan/root//../x.tf', false],
    ['/scan/rootless/x.tf', false],
    ['/scan/root/a/..', true],
    ['/scan/root/..', false],
    ['/scan', false],
  ];
  for (const [p, inside] of cases) {
    it(`${p}: ${inside ? 'inside' : 'outside'}`, () => {
      assert.equal(isInside(root, resolve(p)), inside);
      assert.equal(isInside(root, p.split('/').join(sep)), inside);
    });
  }
});

describe('childPath', () => {
  it('is join for a resolved directory and a file name', () => {
    assert.equal(childPath(resolve('/scan/root'), 'main.tf'), resolve('/scan/root/main.tf'));
    assert.equal(childPath(resolve('/'), 'main.tf'), resolve('/main.tf'));
  });
});
