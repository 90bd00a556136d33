// bin/tfguard.js tunes V8's optimizing compiler on Node 20 (docs/performance.md): V8 takes the flags without a word
// (an unknown or misspelt flag prints "unrecognized flag" on stderr).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/paths.js';

const bin = join(repoRoot, 'bin', 'tfguard.js');

describe('V8 tuning in bin/tfguard.js', () => {
  it('is accepted by this Node: nothing on stderr, and the command runs', () => {
    const r = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^\d+\.\d+\.\d+/);
  });
});
