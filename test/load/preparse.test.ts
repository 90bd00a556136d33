// Parsing ahead (src/load/preparse.ts) gives exactly what loading each file on its own gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateProject, loadProject } from '../../src/evaluate/project.js';
import { discover } from '../../src/load/discover.js';
import { loadFile } from '../../src/load/module-dir.js';
import { preparse } from '../../src/load/preparse.js';
import { fixture } from '../helpers/paths.js';

/** Values of a project as plain JSON (Unknown values keep their reasons and references). */
const json = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));

describe('preparse', () => {
  const dirs = (path: string): string[] => discover(path).moduleDirs;

  it('parses every .tf file of the module directories as loadFile does, bad files included', () => {
    const root = fixture('load', 'bad');
    const ahead = preparse(dirs(root));
    const paths = ahead.paths().sort();
    assert.ok(paths.some((p) => p.endsWith('broken.tf')));
    for (const p of paths) assert.deepEqual(ahead.get(p), loadFile(p), p);
    // The binary file is a diagnostic, as when read here.
    assert.ok(paths.some((p) => ahead.get(p)?.diagnostic?.code === 'binary'));
  });

  it('gives loadProject the same project as evaluateProject', async () => {
    for (const name of ['modules', 'expansion', 'dynamic', 'variables', 'types', 'bad']) {
      const root = fixture('load', name);
      const here = evaluateProject(root, { env: {} });
      assert.equal(json(await loadProject(root, { env: {} })), json(here), name);
    }
  });
});
