// A scanned repository's own files cannot steer tfguard out of it: a .tfguard.yaml found in the tree may name
// paths only inside the repository (an explicit --config is the user's own), and a YAML alias bomb in a
// configuration or check file is refused, not expanded.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { seedChecksDir } from '../helpers/paths.js';

async function run(argv: string[], checks = seedChecksDir()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) }, checks);
  return { code, stdout, stderr };
}

function repo(config: string): { dir: string; elsewhere: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-cfg-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  mkdirSync(join(dir, 'tf'));
  writeFileSync(join(dir, 'tf', 'main.tf'), 'resource "aws_cloudtrail" "t" {\n  is_multi_region_trail = false\n}\n');
  const elsewhere = join(mkdtempSync(join(tmpdir(), 'tfguard-elsewhere-')), 'report.txt');
  writeFileSync(join(dir, '.tfguard.yaml'), config.replace('ELSEWHERE', elsewhere));
  return { dir, elsewhere };
}

/** Nested aliases that would expand to 9^12 values. */
const BOMB = [
  'a0: &a0 [x, x, x, x, x, x, x, x, x]',
  ...Array.from({ length: 12 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
].join('\n');

describe("the scanned repository's configuration", () => {
  it('may not write the report outside the repository', async () => {
    const r = repo('output: ELSEWHERE\n');
    const out = await run(['scan', join(r.dir, 'tf')]);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /names a path outside it \(.*report\.txt\); it was not used/);
    assert.ok(!existsSync(r.elsewhere));
  });

  it('may not read a variable file outside the repository (/etc/passwd)', async () => {
    const r = repo('var-file: [/etc/passwd]\n');
    const out = await run(['scan', join(r.dir, 'tf')]);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /names a path outside it \(\/etc\/passwd\)/);
    assert.ok(!out.stderr.includes('root:'), out.stderr);
  });

  it('paths inside the repository are fine, and the user’s own --config may point anywhere', async () => {
    const inside = repo('format: [json=out/report.json]\n');
    assert.equal((await run(['scan', join(inside.dir, 'tf')])).code, 1);
    assert.ok(existsSync(join(inside.dir, 'out', 'report.json')));
    const r = repo('output: ELSEWHERE\n');
    const out = await run(['scan', '--config', join(r.dir, '.tfguard.yaml'), join(r.dir, 'tf')]);
    assert.equal(out.code, 1, out.stderr);
    assert.ok(existsSync(r.elsewhere));
  });

  it('a YAML alias bomb is refused with a clear error, not expanded', async () => {
    const r = repo(BOMB + '\n');
    const out = await run(['scan', join(r.dir, 'tf')]);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /the YAML expands aliases more than 1000 times; it was not read/);
  });

  it('in a check file, too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfguard-bomb-checks-'));
    writeFileSync(join(dir, 'bomb.yaml'), `id: TEAM.BOMB.1\n${BOMB}\n`);
    const out = await run(['test', '--checks-dir', dir]);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /error\[check-yaml\]: the YAML expands aliases more than 1000 times/);
  });
});
