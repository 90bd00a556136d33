// The Action's inputs, read as the option table (src/scan/options.ts) defines them: the scan options that have an
// input become ScanFlags (paths resolved against the workspace); the Action's own inputs are read here too.
import { resolve } from 'node:path';
import type { CliVariable } from '../evaluate/project.js';
import { type OptionSpec, SCAN_OPTIONS, type ScanFlags } from '../scan/options.js';
import { type Env, getBoolean, getInput, getList } from './env.js';

export interface ActionInputs {
  flags: ScanFlags;
  paths: string[];
  sarifInput: string;
  sarifFile: string;
  changedOnly: boolean;
  annotations: number;
}

const spec = (key: string): OptionSpec => (SCAN_OPTIONS as readonly OptionSpec[]).find((o) => o.key === key)!;

/** Read every input; the first bad one is an error message. */
export function readInputs(env: Env, workspace: string): { inputs: ActionInputs } | { error: string } {
  const at = (p: string): string => resolve(workspace, p);
  const flags: Record<string, unknown> = {};
  const own: Record<string, unknown> = {};
  for (const o of SCAN_OPTIONS as readonly OptionSpec[]) {
    if (!o.input) continue;
    const target = o.flag ? flags : own;
    if (o.kind === 'boolean') {
      const b = getBoolean(env, o.input);
      if (b.error) return { error: b.error };
      if (b.value !== undefined) target[o.key] = b.value;
    } else if (o.kind === 'integer') {
      const text = getInput(env, o.input);
      if (text === '') continue;
      const n = Number(text);
      if (!Number.isInteger(n) || (o.min !== undefined && n < o.min))
        return { error: `input \`${o.input}\` must be a whole number${o.min === 0 ? ` (0 turns ${o.input} off)` : ''}; found \`${text}\`` };
      target[o.key] = n;
    } else if (o.kind === 'list') {
      const l = getList(env, o.input);
      if (l.length) target[o.key] = l;
    } else if (o.kind === 'paths') {
      target[o.key] = getList(env, o.input).map(at);
    } else if (o.kind === 'var-file') {
      const files = getList(env, o.input).map((p): CliVariable => ({ kind: 'file', path: at(p) }));
      if (files.length) flags.variables = files;
    } else {
      const v = getInput(env, o.input);
      if (v === '') continue;
      target[o.key] = o.kind === 'path' ? at(v) : o.kind === 'severity-or-none' ? v.toLowerCase() : v;
    }
  }
  const paths = (own.path as string[] | undefined) ?? [];
  const sarifInput = getInput(env, 'sarif-file') || String(spec('sarifFile').default);
  return {
    inputs: {
      flags: flags as ScanFlags,
      paths: paths.length ? paths : [workspace],
      sarifInput,
      sarifFile: at(sarifInput),
      changedOnly: (own.changedOnly as boolean | undefined) ?? false,
      annotations: (own.annotations as number | undefined) ?? Number(spec('annotations').default),
    },
  };
}
