// `.tfguard.yaml`: found from the scanned directory upward to the repository root (or given with --config),
// validated against the schema derived from the option table (options.ts), with errors that name the line. Paths in
// the file are relative to the file's directory.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Diagnostic } from '../common/diagnostics.js';
import { schemaDiagnostics } from '../common/schema-errors.js';
import { nodeRange, parseYamlSource } from '../common/yaml-source.js';
import { FORMATS } from '../report/index.js';
import { type ConfigFile, type OptionSpec, SCAN_OPTIONS } from './options.js';

export const CONFIG_NAMES = ['.tfguard.yaml', '.tfguard.yml'];

function itemSchema(o: OptionSpec): object {
  if (o.values) return { enum: [...o.values] };
  return { type: 'string', ...(o.pattern ? { pattern: o.pattern } : { minLength: 1 }) };
}

/** The JSON schema of the configuration file: one key per option of the table that has one. */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    (SCAN_OPTIONS as readonly OptionSpec[])
      .filter((o) => o.config !== undefined)
      .map((o) => {
        const one = itemSchema(o);
        const schema =
          o.kind === 'boolean'
            ? { type: 'boolean' }
            : o.kind === 'integer'
              ? { type: 'integer', ...(o.min !== undefined ? { minimum: o.min } : {}) }
              : ['list', 'paths', 'variable', 'var-file'].includes(o.kind)
                ? { type: 'array', items: one }
                : one;
        return [o.config!, schema];
      }),
  ),
};

const WORDING = {
  code: 'config',
  subject: 'the configuration',
  noun: 'key',
  docs: 'docs/configuration.md',
  patternHints: {
    format: `write FORMAT or FORMAT=PATH with FORMAT one of ${FORMATS.join(', ')}`,
    var: 'write NAME=VALUE',
  },
  unknownFallback: () => 'the keys are listed in docs/configuration.md',
} as const;

let validator: ValidateFunction | undefined;

/** The config file for a scan: `.tfguard.yaml` in the scanned directory or above, up to `stopAt`. */
export function findConfig(scanPath: string, stopAt: string | undefined): string | undefined {
  let dir = resolve(scanPath);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  const stop = stopAt ? resolve(stopAt) : dir;
  for (let i = 0; i < 256; i++) {
    for (const name of CONFIG_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
    if (dir === stop) return undefined;
    const up = dirname(dir);
    if (up === dir || !(dir + '/').startsWith(stop + '/')) return undefined;
    dir = up;
  }
  return undefined;
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
        code: 'config-yaml' as const,
        file,
        range: e.linePos
          ? {
              start: { line: e.linePos[0].line, column: e.linePos[0].col, offset: e.pos[0] },
              end: { line: e.linePos[0].line, column: e.linePos[0].col, offset: e.pos[0] },
            }
          : nodeRange(src, []),
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const data: unknown = src.doc.toJS() ?? {};
  validator ??= new Ajv({ allErrors: true, strict: true, verbose: true }).compile(CONFIG_SCHEMA);
  if (!validator(data)) return { diagnostics: schemaDiagnostics(validator.errors ?? [], data, src, WORDING) };
  const config = { ...(data as ConfigFile) } as Record<string, unknown>;
  const abs = (p: string): string => resolve(dirname(file), p);
  for (const o of SCAN_OPTIONS as readonly OptionSpec[]) {
    if (o.config === undefined || config[o.config] === undefined) continue;
    if (o.kind === 'path') config[o.config] = abs(config[o.config] as string);
    if (o.kind === 'paths' || o.kind === 'var-file') config[o.config] = (config[o.config] as string[]).map(abs);
  }
  if (config.format)
    config.format = (config.format as string[]).map((f) =>
      f.includes('=') ? `${f.slice(0, f.indexOf('='))}=${abs(f.slice(f.indexOf('=') + 1))}` : f,
    );
  return { config: config as ConfigFile, diagnostics: [] };
}
