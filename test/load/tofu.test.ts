// OpenTofu's file names: `.tofu` and `.tofu.json` are configuration files, and `x.tofu` takes the place of `x.tf`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadProject } from '../../src/evaluate/project.js';
import { moduleConfigNames } from '../../src/load/module-dir.js';
import { fixture } from '../helpers/paths.js';

describe('OpenTofu files', () => {
  it('x.tofu shadows x.tf and x.tofu.json shadows x.tf.json; the rest are kept, sorted', () => {
    assert.deepEqual(moduleConfigNames(['main.tf', 'main.tofu', 'a.tf.json', 'a.tofu.json', 'b.tf', 'c.tofu', 'x.tfvars', 'README.md']), [
      'a.tofu.json',
      'b.tf',
      'c.tofu',
      'main.tofu',
    ]);
    // A .tofu file does not shadow the JSON form, nor the other way round.
    assert.deepEqual(moduleConfigNames(['m.tf.json', 'm.tofu']), ['m.tf.json', 'm.tofu']);
  });

  for (const jobs of [1, 2]) {
    it(`are read and merged like .tf files (--jobs ${jobs})`, async () => {
      const dir = fixture('load', 'tofu');
      const p = await loadProject(dir, { env: {}, jobs });
      assert.deepEqual(p.resources.map((r) => [r.address, r.values.bucket]).sort(), [
        ['aws_s3_bucket.b', 'tofu-override'],
        ['aws_s3_bucket.j', 'from-json'],
        ['aws_s3_bucket.kept', 'still-read'],
      ]);
      assert.deepEqual(p.diagnostics, []);
      assert.deepEqual(p.files.map((f) => f.path.slice(dir.length + 1)).sort(), [
        'extra.tofu.json',
        'main.tofu',
        'main_override.tofu',
        'other.tf',
      ]);
    });
  }
});
