// git, run so that nothing in the scanned repository can make it execute a command: the repository's fsmonitor,
// hooks, pager, external diff and textconv drivers are switched off on the command line (which wins over its
// .git/config), and so is every clean/smudge/process filter its configuration defines (a .gitattributes `filter=`
// would run it when `git diff` compares the working tree); the system configuration is not read, and git never
// prompts. Fixed arguments, no shell, a timeout.
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
  for (const k of Object.keys(env)) if (/^GIT_CONFIG_(COUNT|KEY_\d+|VALUE_\d+|PARAMETERS)$/.test(k)) delete env[k];
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

/**
 * The filter drivers the configuration seen from `cwd` defines (`filter.<name>.clean` and so on, from every file git
 * reads, includes too), as environment overrides that empty each command: GIT_CONFIG_COUNT/KEY/VALUE, which take a
 * name as it is (a driver may be called anything, `=` included, which `-c name=value` could not carry). Listing the
 * configuration runs nothing.
 */
function filterOverrides(cwd: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  let listed: string;
  try {
    listed = execFileSync(
      'git',
      [...SAFE_CONFIG.flatMap((c) => ['-c', c]), 'config', '--null', '--name-only', '--get-regexp', '^filter\\.'],
      {
        cwd,
        env,
        encoding: 'utf8',
        timeout: 30_000,
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  } catch {
    return env; // exit 1: no filter is configured (or not a repository: the command itself will say so)
  }
  const drivers = new Set<string>();
  for (const key of listed.split('\0')) {
    const m = /^filter\.([\s\S]+)\.[^.]+$/.exec(key);
    if (m) drivers.add(m[1]!);
  }
  const pairs = [...drivers].flatMap((d) => [
    [`filter.${d}.clean`, ''],
    [`filter.${d}.smudge`, ''],
    [`filter.${d}.process`, ''],
    [`filter.${d}.required`, 'false'],
  ]);
  const out: NodeJS.ProcessEnv = { ...env, GIT_CONFIG_COUNT: String(pairs.length) };
  pairs.forEach(([k, v], i) => {
    out[`GIT_CONFIG_KEY_${i}`] = k;
    out[`GIT_CONFIG_VALUE_${i}`] = v;
  });
  return out;
}

/** Run git in `cwd`; throws as execFileSync does (ENOENT without git, ETIMEDOUT after 30 s, a non-zero exit). */
export function runGit(args: readonly string[], cwd: string, maxBuffer = 64 * 1024 * 1024): string {
  return execFileSync('git', safeGitArgs(args), {
    cwd,
    env: filterOverrides(cwd, safeEnv()),
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer,
  });
}
