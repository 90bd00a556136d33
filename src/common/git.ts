// git, run so that nothing in the scanned repository can make it execute a command: the repository's fsmonitor,
// hooks, pager, external diff and textconv drivers are switched off on the command line (which wins over its
// .git/config), the system configuration is not read, and git never prompts. Fixed arguments, no shell, a timeout.
import { execFileSync } from 'node:child_process';

/** Configuration given with -c before every command: each names a setting whose value git would execute. */
const SAFE_CONFIG = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.quotePath=false',
  'core.attributesFile=/dev/null',
  'diff.external=',
  'credential.helper=',
];

/** The environment git runs with: the caller's, less what would run a program, plus no system config and no prompt. */
function safeEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', PAGER: 'cat' };
  for (const k of [
    'GIT_EXTERNAL_DIFF',
    'GIT_DIFF_OPTS',
    'GIT_SSH',
    'GIT_SSH_COMMAND',
    'GIT_ASKPASS',
    'SSH_ASKPASS',
    'GIT_EDITOR',
    'GIT_SEQUENCE_EDITOR',
  ])
    delete env[k];
  return env;
}

/** The arguments git gets for `args`: the safe configuration first; diff commands also without external diff or textconv. */
export function safeGitArgs(args: readonly string[]): string[] {
  const diff = args[0] === 'diff' ? ['--no-ext-diff', '--no-textconv'] : [];
  return [...SAFE_CONFIG.flatMap((c) => ['-c', c]), args[0]!, ...diff, ...args.slice(1)];
}

/** Run git in `cwd`; throws as execFileSync does (ENOENT without git, ETIMEDOUT after 30 s, a non-zero exit). */
export function runGit(args: readonly string[], cwd: string, maxBuffer = 64 * 1024 * 1024): string {
  return execFileSync('git', safeGitArgs(args), {
    cwd,
    env: safeEnv(),
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer,
  });
}
