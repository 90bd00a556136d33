import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Check } from '../../src/checks/index.js';
import { loadChecks } from '../../src/checks/load.js';
import { loadCheckLibrary } from '../../src/checks/library.js';
import { precompileChecks } from '../../src/checks/precompile.js';
import { checkLibraryHash, readPrecompiledChecks } from '../../src/checks/precompiled.js';
import { loadCheckSet } from '../../src/scan/checks.js';
import { repoRoot } from '../helpers/paths.js';
import { checkYaml, tempDir } from './helpers.js';

const withoutTests = (c: Check): Check => ({ ...c, tests: [] });

/** A built-in style library of two checks (one with block-scalar logic) and retired.txt, precompiled. */
function library(): { dir: string; json: string } {
  const dir = tempDir({
    'aws/test-one.yaml': checkYaml('TFG.AWS.TEST.1'),
    'aws/sub/test-two.yaml': checkYaml('TFG.AWS.TEST.2', {
      logic: 'logic: |\n  aws_cloudtrail should have\n    is_multi_region_trail = true',
    }),
    'retired.txt': 'TFG.AWS.TEST.9  merged into TFG.AWS.TEST.1\n',
  });
  const { library: lib, diagnostics } = precompileChecks(dir);
  assert.deepEqual(diagnostics, []);
  const json = join(dir, 'checks.json');
  writeFileSync(json, JSON.stringify(lib));
  return { dir, json };
}

describe('precompiled built-in checks', () => {
  it('give the same checks as the YAML files, without their tests (the whole built-in library)', () => {
    const dir = join(repoRoot, 'checks');
    const { library: lib, diagnostics } = precompileChecks(dir);
    assert.deepEqual(diagnostics, []);
    const json = join(tempDir({}), 'checks.json');
    writeFileSync(json, JSON.stringify(lib));
    const read = readPrecompiledChecks(json, dir);
    assert.ok(read.ok, read.ok ? '' : read.reason);
    const yaml = loadChecks([{ dir, builtin: true }]);
    assert.deepEqual(yaml.diagnostics, []);
    assert.ok(yaml.checks.length >= 40);
    assert.deepEqual(
      read.entries.map((e) => e.check),
      yaml.checks.map(withoutTests),
    );
    assert.ok(
      yaml.checks.every((c) => c.tests.length > 0),
      'the YAML path keeps the tests',
    );
  });

  it('keep the logic position: block-scalar logic compiles with its line and column in the file', async () => {
    const { dir, json } = library();
    const r = await loadCheckLibrary([{ dir, builtin: true }], { precompiled: json });
    assert.equal(r.precompiled, true);
    const yaml = loadChecks([{ dir, builtin: true }]);
    assert.deepEqual(r.checks, yaml.checks.map(withoutTests));
    const two = r.checks.find((c) => c.id === 'TFG.AWS.TEST.2')!;
    assert.equal(two.file, join(dir, 'aws', 'sub', 'test-two.yaml'));
    assert.equal(two.logicLine, 8); // the first line of the block, after `logic: |` on line 7
    assert.equal(two.rule.source, two.file);
  });

  it('are not used when a check file changed, was added or removed, or retired.txt changed', async () => {
    const cases: [string, (dir: string) => void, (checks: Check[]) => void][] = [
      [
        'edited',
        (d) => writeFileSync(join(d, 'aws/test-one.yaml'), checkYaml('TFG.AWS.TEST.1', { title: 'title: Edited title' })),
        (cs) => assert.equal(cs.find((c) => c.id === 'TFG.AWS.TEST.1')!.title, 'Edited title'),
      ],
      ['added', (d) => writeFileSync(join(d, 'aws/test-three.yaml'), checkYaml('TFG.AWS.TEST.3')), (cs) => assert.equal(cs.length, 3)],
      [
        'removed',
        (d) => rmSync(join(d, 'aws/sub/test-two.yaml')),
        (cs) =>
          assert.deepEqual(
            cs.map((c) => c.id),
            ['TFG.AWS.TEST.1'],
          ),
      ],
      ['retired', (d) => appendFileSync(join(d, 'retired.txt'), 'TFG.AWS.TEST.8  dropped\n'), (cs) => assert.equal(cs.length, 2)],
    ];
    for (const [name, change, expect] of cases) {
      const { dir, json } = library();
      const before = checkLibraryHash(dir);
      change(dir);
      assert.notEqual(checkLibraryHash(dir), before, name);
      const read = readPrecompiledChecks(json, dir);
      assert.equal(read.ok, false, name);
      assert.match(read.ok ? '' : read.reason, /differ from those/);
      const r = await loadCheckLibrary([{ dir, builtin: true }], { precompiled: json });
      assert.equal(r.precompiled, false, name);
      assert.deepEqual(r.diagnostics, [], name);
      assert.ok(
        r.checks.every((c) => c.tests.length > 0),
        `${name}: read from YAML, with tests`,
      );
      expect(r.checks);
    }
  });

  it('are keyed by the loader code too: a rebuilt loader (tsc alone) or a missing module never trusts an old library', () => {
    const { dir } = library();
    const code = tempDir({ 'load.js': 'export const a = 1;\n' });
    const before = checkLibraryHash(dir, [join(code, 'load.js')]);
    assert.match(before ?? '', /^[0-9a-f]{64}$/);
    appendFileSync(join(code, 'load.js'), 'export const b = 2;\n');
    assert.notEqual(checkLibraryHash(dir, [join(code, 'load.js')]), before);
    assert.equal(checkLibraryHash(dir, [join(code, 'gone.js')]), undefined);
    assert.equal(checkLibraryHash(join(dir, 'missing')), undefined);
  });

  it('fall back to YAML when the file is missing, damaged or of another format, and report invalid checks from YAML', async () => {
    const { dir, json } = library();
    writeFileSync(json, '{"format": 1, "hash": ');
    assert.match((readPrecompiledChecks(json, dir) as { reason: string }).reason, /^cannot read .*checks\.json/);
    writeFileSync(json, JSON.stringify({ format: 0, hash: checkLibraryHash(dir), checks: [] }));
    assert.match((readPrecompiledChecks(json, dir) as { reason: string }).reason, /not a precompiled check library of format 2/);
    rmSync(json);
    assert.match((readPrecompiledChecks(json, dir) as { reason: string }).reason, /ENOENT/);
    writeFileSync(join(dir, 'aws/test-one.yaml'), checkYaml('TFG.AWS.TEST.1', { severity: 'severity: hgh' }));
    const r = await loadCheckLibrary([{ dir, builtin: true }], { precompiled: json });
    assert.equal(r.precompiled, false);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.range?.start.line, d.message]),
      [[3, 'severity must be one of critical, high, medium, low, info; found string "hgh"']],
    );
  });

  it('are not written from an invalid library', () => {
    const dir = tempDir({ 'aws/test-one.yaml': checkYaml('TFG.AWS.TEST.1', { logic: 'logic: aws_cloudtrail shuold have x' }) });
    const r = precompileChecks(dir);
    assert.equal(r.library, undefined);
    assert.equal(r.diagnostics[0]?.code, 'check-logic');
  });

  it('take their IDs before team checks: a duplicate ID in a --checks-dir names the built-in file and line', async () => {
    const { dir, json } = library();
    const team = tempDir({ 'TFG.AWS.TEST.2.yaml': checkYaml('TFG.AWS.TEST.2'), 'TEAM.ONE.yaml': checkYaml('TEAM.ONE') });
    const fast = await loadCheckLibrary([{ dir, builtin: true }, { dir: team }], { precompiled: json });
    const slow = loadChecks([{ dir, builtin: true }, { dir: team }]);
    assert.equal(fast.precompiled, true);
    assert.deepEqual(fast.diagnostics, slow.diagnostics);
    assert.equal(fast.diagnostics[0]?.message, `check ID TFG.AWS.TEST.2 is already used by ${join(dir, 'aws/sub/test-two.yaml')}:1`);
    assert.deepEqual(
      fast.checks.map((c) => [c.id, c.tests.length]),
      [
        ['TFG.AWS.TEST.2', 0],
        ['TFG.AWS.TEST.1', 0],
        ['TEAM.ONE', 2],
      ],
    );
  });

  it('serve scan but not test/docs (loadCheckSet), which need the tests', async () => {
    const { dir, json } = library();
    const scan = await loadCheckSet({ dirs: [], builtinDir: dir, precompiled: json });
    assert.deepEqual(scan.ok && scan.checks.map((c) => c.tests.length), [0, 0]);
    const test = await loadCheckSet({ dirs: [], builtinDir: dir, precompiled: json, withTests: true });
    assert.deepEqual(test.ok && test.checks.map((c) => c.tests.length), [2, 2]);
  });

  it('are written by scripts/precompile-checks.mjs (the build step), and removed when the library is invalid', () => {
    const { dir } = library();
    const out = join(tempDir({}), 'checks.json');
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'precompile-checks.mjs'), dir, out], { stdio: 'pipe' });
    const read = readPrecompiledChecks(out, dir);
    assert.deepEqual(read.ok && read.entries.map((e) => e.check.id), ['TFG.AWS.TEST.2', 'TFG.AWS.TEST.1']);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).hash, checkLibraryHash(dir));
    writeFileSync(join(dir, 'aws/test-one.yaml'), 'id: [');
    const bad = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'precompile-checks.mjs'), dir, out], { encoding: 'utf8' });
    assert.equal(bad.status, 0);
    assert.match(bad.stderr, /test-one\.yaml:1:\d+: invalid YAML/);
    assert.match(bad.stderr, /checks\.json not written; scans read the check files instead/);
    assert.equal(existsSync(out), false);
  });
});
