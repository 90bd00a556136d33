// `--changed-since REF`: the files git reports as changed since REF (committed, staged, unstaged and
// untracked), widened to their directories, since a change to variables.tf can make main.tf fail.
// Runs the user's own git as src/common/git.ts does: nothing in the repository can make it run a command.
import { dirname, resolve } from 'node:path';
import { runGit as git } from '../common/git.js';

export type ChangedResult = { ok: true; dirs: Set<string>; files: string[] } | { ok: false; message: string; hint: string };

export function changedSince(ref: string, scanPath: string): ChangedResult {
  if (!ref || ref.startsWith('-') || /\s/.test(ref)) {
    return {
      ok: false,
      message: `\`${ref}\` is not a git reference`,
      hint: 'give a branch, tag or commit, e.g. --changed-since origin/main',
    };
  }
  let cwd = resolve(scanPath);
  try {
    git(['-C', cwd, 'rev-parse', '--git-dir'], cwd);
  } catch {
    cwd = dirname(cwd);
  }
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT')
      return {
        ok: false,
        message: 'git was not found, so --changed-since cannot list changed files',
        hint: 'install git or drop --changed-since',
      };
    if (err.code === 'ETIMEDOUT')
      return { ok: false, message: 'git did not answer within 30 seconds', hint: 'retry, or drop --changed-since' };
    return {
      ok: false,
      message: `${scanPath} is not inside a git repository`,
      hint: 'run tfguard inside a git checkout, or drop --changed-since',
    };
  }
  try {
    git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top);
  } catch {
    return {
      ok: false,
      message: `git does not know the reference \`${ref}\``,
      hint: 'fetch it first (in CI: actions/checkout with fetch-depth: 0, or git fetch origin main), or name an existing branch, tag or commit',
    };
  }
  const split = (s: string): string[] => s.split('\0').filter(Boolean);
  const files = [
    ...split(git(['diff', '--name-only', '-z', '--no-renames', ref, '--'], top)),
    ...split(git(['ls-files', '--others', '--exclude-standard', '-z'], top)),
  ].map((f) => resolve(top, f));
  const unique = [...new Set(files)].sort();
  return { ok: true, files: unique, dirs: new Set(unique.map((f) => dirname(f))) };
}
