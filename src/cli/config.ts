// `.tfguard.yaml`: found from the scanned directory upward to the repository root (or given with
// --config), validated against a schema with errors that name the line. Every key has a flag of the
// same name; flags win. Paths in the file are relative to the file's directory.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import type { Diagnostic } from '../load/ast.js';
import { SEVERITIES } from '../checks/model.js';
import { keyRange, nodeRange, parseYamlSource, pointerPath } from '../checks/yaml-source.js';
import { nearest } from '../gsl/errors.js';
import { FORMATS } from '../report/index.js';
import type { ConfigFile } from './config-find.js';

export { CONFIG_NAMES, findConfig } from './config-find.js';
export type { ConfigFile } from './config-find.js';

const list = { type: 'array', items: { type: 'string', minLength: 1 } };
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    check: list,
    'skip-check': list,
    severity: { type: 'array', items: { enum: [...SEVERITIES] } },
    'fail-on': { enum: [...SEVERITIES, 'none'] },
    'soft-fail': { type: 'boolean' },
    format: { type: 'array', items: { type: 'string', pattern: `^(${FORMATS.join('|')})(=.+)?$` } },
    output: { type: 'string', minLength: 1 },
    'checks-dir': list,
    exclude: list,
    var: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_-]*=' } },
    'var-file': list,
    baseline: { type: 'string', minLength: 1 },
    'inline-suppressions': { type: 'boolean' },
    'peer-suppressions': { type: 'boolean' },
    'require-suppression-reason': { type: 'boolean' },
    'sarif-include-suppressed': { type: 'boolean' },
    'sarif-category': { type: 'string', pattern: '^[A-Za-z0-9._/-]+$' },
    'show-unknown': { type: 'boolean' },
    'changed-since': { type: 'string', pattern: '^[^-\\s]\\S*$' },
  },
} as const;

let compiled: ReturnType<Ajv['compile']> | undefined;

function describe(e: ErrorObject, data: unknown, src: ReturnType<typeof parseYamlSource>): Diagnostic {
  const path = pointerPath(e.instancePath);
  const field =
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : p))
      .join('.')
      .replace(/\.\[/g, '[') || 'the configuration';
  let value: unknown = data;
  for (const p of path) value = (value as Record<string | number, unknown> | undefined)?.[p];
  const base = { severity: 'error' as const, code: 'config', file: src.file, range: nodeRange(src, path) };
  const shown = value === undefined ? 'nothing' : JSON.stringify(value);
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const near = nearest(extra, Object.keys(CONFIG_SCHEMA.properties));
      return {
        ...base,
        range: keyRange(src, path, extra) ?? base.range,
        message: `unknown key \`${extra}\``,
        hint: near ? `did you mean \`${near}\`?` : `the keys are listed in docs/configuration.md`,
      };
    }
    case 'enum':
      return {
        ...base,
        message: `${field} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}; found ${shown}`,
      };
    case 'type': {
      const t = (e.params as { type: string }).type;
      return {
        ...base,
        message: `${field} must be ${t === 'array' ? 'a list' : t === 'object' ? 'a mapping' : `a ${t}`}; found ${shown}`,
        ...(t === 'array' ? { hint: `write it as a list: \`${String(path[0])}: [${shown}]\`` } : {}),
      };
    }
    case 'pattern':
      return {
        ...base,
        message: `${field} has an invalid form: ${shown}`,
        hint:
          path[0] === 'format'
            ? `write FORMAT or FORMAT=PATH with FORMAT one of ${FORMATS.join(', ')}`
            : path[0] === 'var'
              ? 'write NAME=VALUE'
              : `it must match ${(e.params as { pattern: string }).pattern}`,
      };
    default:
      return { ...base, message: `${field} ${e.message ?? 'is not valid'}` };
  }
}

/** Read and validate a config file. Relative paths inside are resolved against its directory. */
export function readConfig(file: string): { config?: ConfigFile; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return {
      diagnostics: [
        {
          severity: 'error',
          code: 'config',
          file,
          message: `cannot read the configuration file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
          hint: 'check the path given to --config',
        },
      ],
    };
  }
  const src = parseYamlSource(file, text);
  if (src.doc.errors.length) {
    return {
      diagnostics: src.doc.errors.map((e) => ({
        severity: 'error' as const,
        code: 'config-yaml',
        file,
        range: nodeRange(src, []),
        ...(e.linePos
          ? {
              range: {
                start: { line: e.linePos[0].line, column: e.linePos[0].col, offset: e.pos[0] },
                end: { line: e.linePos[0].line, column: e.linePos[0].col, offset: e.pos[0] },
              },
            }
          : {}),
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const data: unknown = src.doc.toJS() ?? {};
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(CONFIG_SCHEMA);
  if (!compiled(data)) return { diagnostics: (compiled.errors ?? []).map((e) => describe(e, data, src)) };
  const config = { ...(data as ConfigFile) };
  const dir = dirname(file);
  const abs = (p: string): string => resolve(dir, p);
  if (config['checks-dir']) config['checks-dir'] = config['checks-dir'].map(abs);
  if (config['var-file']) config['var-file'] = config['var-file'].map(abs);
  if (config.baseline) config.baseline = abs(config.baseline);
  if (config.output) config.output = abs(config.output);
  if (config.format)
    config.format = config.format.map((f) => (f.includes('=') ? `${f.slice(0, f.indexOf('='))}=${abs(f.slice(f.indexOf('=') + 1))}` : f));
  return { config, diagnostics: [] };
}
