// The GitHub Actions runner's interface, without @actions/core: inputs arrive as INPUT_<NAME>
// environment variables (upper-cased, spaces to underscores, hyphens kept), outputs and the job
// summary are files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. Nothing here runs a shell.
import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';

export type Env = Readonly<Record<string, string | undefined>>;

/** The raw input `name` ('' when not set), trimmed. */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A list input: one item per line or comma, blanks dropped. */
export function getList(env: Env, name: string): string[] {
  return getInput(env, name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** A boolean input (YAML 1.2 core schema spellings); undefined when not set. */
export function getBoolean(env: Env, name: string): { value?: boolean; error?: string } {
  const v = getInput(env, name);
  if (v === '') return {};
  if (TRUE.includes(v)) return { value: true };
  if (FALSE.includes(v)) return { value: false };
  return { error: `input \`${name}\` must be true or false; found \`${v}\`` };
}

/** Append name/value pairs to the GITHUB_OUTPUT file in the multi-line form, each with a fresh random delimiter. */
export function setOutputs(file: string | undefined, outputs: Readonly<Record<string, string>>): void {
  if (!file) return;
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    let delimiter = `ghadelimiter_${randomUUID()}`;
    while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  appendFileSync(file, text);
}

export function appendSummary(file: string | undefined, markdown: string): void {
  if (file) appendFileSync(file, markdown.endsWith('\n') ? markdown : markdown + '\n');
}

/** The base commit of the pull request that triggered the run (pull_request or pull_request_target events). */
export function pullRequestBase(env: Env): { sha?: string; problem?: string } {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return { problem: 'GITHUB_EVENT_PATH is not set, so there is no pull request to compare with' };
  let event: unknown;
  try {
    event = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { problem: `cannot read the event payload ${path}: ${(e as Error).message}` };
  }
  const sha = (event as { pull_request?: { base?: { sha?: unknown } } } | null)?.pull_request?.base?.sha;
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) {
    return { problem: `the ${env.GITHUB_EVENT_NAME ?? 'triggering'} event has no pull request base commit` };
  }
  return { sha };
}
