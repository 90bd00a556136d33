// git runs without executing anything the scanned repository names: its core.fsmonitor, hooks, pager, external
// diff, textconv and clean/smudge/process filters stay off, for --changed-since and for the Action's changed lines.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diffLines } from '../../src/action/diff.js';
import { main } from '../../src/cli/main.js';
import { safeGitArgs } from '../../src/common/git.js';
import { seedChecksDir } from '../helpers/paths.js';

/** A repository whose .git/config names commands that, if run, leave marker files beside it. */
function hostileRepo(): { dir: string; markers: string[]; base: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tfguard-git-'));
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
  git('init', '-q');
  writeFileSync(join(dir, 'main.tf'), 'resource "aws_cloudtrail" "t" {\n  is_multi_region_trail = false\n}\n');
  // Filters git runs on work-tree files when it compares them (clean) or checks them out (smudge, process); one
  // driver's name holds `=` and a space, which `-c name=value` could not switch off.
  writeFileSync(join(dir, '.gitattributes'), '*.tf filter=evil diff=evil\n*.tfvars filter=a=b\\ c\n');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  const base = git('rev-parse', 'HEAD');
  writeFileSync(
    join(dir, 'main.tf'),
    'resource "aws_cloudtrail" "t" {\n  name                  = "t"\n  is_multi_region_trail = false\n}\n',
  );
  const markers: string[] = [];
  const script = (name: string): string => {
    const marker = join(dir, `${name}.ran`);
    markers.push(marker);
    const path = join(dir, '.git', `${name}.sh`);
    writeFileSync(path, `#!/bin/sh\ntouch '${marker}'\nexit 1\n`);
    chmodSync(path, 0o755);
    return path;
  };
  git('config', 'core.fsmonitor', script('fsmonitor'));
  git('config', 'core.pager', script('pager'));
  git('config', 'diff.external', script('external-diff'));
  git('config', 'filter.evil.clean', script('filter-clean'));
  git('config', 'filter.evil.smudge', script('filter-smudge'));
  git('config', 'filter.evil.process', script('filter-process'));
  git('config', 'filter.evil.required', 'true');
  git('config', 'filter.a=b c.clean', script('filter-odd-name'));
  git('config', 'diff.evil.textconv', script('textconv'));
  writeFileSync(join(dir, 'prod.tfvars'), 'x = 1\n');
  return { dir, markers, base };
}

describe('git runs safely', () => {
  it('--changed-since lists the changed files without running the repository’s fsmonitor, pager or external diff', async () => {
    const repo = hostileRepo();
    let out = '';
    const code = await main(
      ['scan', '--no-config', '--changed-since', repo.base, repo.dir],
      { stdout: (s) => void (out += s), stderr: () => {} },
      seedChecksDir(),
    );
    assert.equal(code, 1, out);
    assert.match(out, /D9\.TF\.AWS\.LOG\.01/);
    for (const m of repo.markers) assert.ok(!existsSync(m), `${m} exists: git ran a command from the repository's config`);
  });

  it("the Action's changed lines, likewise", () => {
    const repo = hostileRepo();
    const lines = diffLines(repo.base, repo.dir);
    assert.deepEqual(lines?.get(join(repo.dir, 'main.tf')), [[2, 2]]);
    for (const m of repo.markers) assert.ok(!existsSync(m), `${m} exists: git ran a command from the repository's config`);
  });

  it('every command gets the overrides first, and a diff neither external diff nor textconv', () => {
    const args = safeGitArgs(['diff', '--name-only', 'HEAD']);
    assert.deepEqual(args.slice(0, 4), ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null']);
    assert.deepEqual(args.slice(-5), ['diff', '--no-ext-diff', '--no-textconv', '--name-only', 'HEAD']);
  });
});
