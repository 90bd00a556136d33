// `tfguard scan . | head -1`: a reader that stops early ends the run quietly, with no stack trace.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture, repoRoot } from '../helpers/paths.js';

describe('a closed standard output', () => {
  it('ends the scan without an unhandled EPIPE error', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'tfguard.js'), 'scan', '--no-config', fixture('cloudtrail')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Close the reading end before the report is written, as `head -0` does.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    assert.doesNotMatch(stderr, /EPIPE|Unhandled|at .*\.js:\d+/, stderr);
    assert.notEqual(code, null);
  });
});
