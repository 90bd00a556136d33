// `.tfguard.yaml`: found from the scanned directory upward to the repository root (or given with --config),
// validated against the schema derived from the option table (options.ts), with errors that name the line. Paths in
// the file are relative to the file's directory.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { type Diagnostic, unreadable } from '../common/diagnostics.js';
import { schemaDiagnostics } from '../common/schema-errors.js';
import { nodeRange, parseYamlSource, yamlData } from '../common/yaml-source.js';
import { FORMATS } from '../report/index.js';
import { type ConfigFile, type OptionSpec, SCAN_OPTIONS } from './options.js';
import { isInside } from '../common/paths.js';

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

/**
 * Read and validate a config file. Relative paths inside are resolved against its directory. `confineTo` (the
 * repository, for a file found inside the scanned tree rather than named with --config): every path the file gives
 * (outputs, variable files, check directories, the baseline) must stay inside it, symbolic links resolved, or the
 * file is refused: a scanned repository's configuration may not make tfguard read or write elsewhere.
 */
export function readConfig(file: string, confineTo?: string): { config?: ConfigFile; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return {
      diagnostics: [unreadable(file, 'config', 'configuration file', e, 'check the path given to --config')],
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
  const read = yamlData(src);
  if (!read.ok)
    return {
      diagnostics: [{ severity: 'error', code: 'config-yaml', file, range: nodeRange(src, []), message: read.message, hint: read.hint }],
    };
  const data: unknown = read.data ?? {};
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
  if (confineTo !== undefined) {
    const root = realIfExists(confineTo);
    const outside = pathsOf(config).filter((p) => !isInside(root, realIfExists(p)));
    if (outside.length)
      return {
        diagnostics: outside.map((p) => ({
          severity: 'error' as const,
          code: 'config' as const,
          file,
          range: nodeRange(src, []),
          message: `the configuration found in the scanned repository names a path outside it (${p}); it was not used`,
          hint: 'keep paths in .tfguard.yaml inside the repository, or give your own configuration with --config, or the path as a flag',
        })),
      };
  }
  return { config: config as ConfigFile, diagnostics: [] };
}

/** Every path a configuration gives (already absolute). */
function pathsOf(config: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const o of SCAN_OPTIONS as readonly OptionSpec[]) {
    const v = o.config !== undefined ? config[o.config] : undefined;
    if (v === undefined) continue;
    if (o.kind === 'path') out.push(v as string);
    if (o.kind === 'paths' || o.kind === 'var-file') out.push(...(v as string[]));
  }
  for (const f of (config.format as string[] | undefined) ?? []) if (f.includes('=')) out.push(f.slice(f.indexOf('=') + 1));
  return out;
}

/** The real path of `p`, or of its nearest existing parent joined with the rest (a file not written yet). */
function realIfExists(p: string): string {
  let dir = p;
  const rest: string[] = [];
  for (let i = 0; i < 256; i++) {
    try {
      return join(realpathSync.native(dir), ...rest.reverse());
    } catch {
      const up = dirname(dir);
      if (up === dir) return p;
      rest.push(basename(dir));
      dir = up;
    }
  }
  return p;
}
